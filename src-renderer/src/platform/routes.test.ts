import { describe, expect, test } from 'vitest';
import { formatRoute, parentRoute, parseRoute, type Route } from './routes';

describe('parseRoute', () => {
  test('an empty hash is the library', () => {
    expect(parseRoute('')).toEqual({ name: 'library' });
    expect(parseRoute('#/')).toEqual({ name: 'library' });
  });

  test('library filters come back from the URL', () => {
    expect(parseRoute('#/library?kind=brief&year=2019&facet=places:Minsk&sort=title&order=asc')).toEqual({
      name: 'library',
      kind: 'brief',
      year: 2019,
      facet: { type: 'places', value: 'Minsk' },
      sort: 'title',
      order: 'asc',
    });
  });

  test('a section (a sub-folder path, slashes and spaces included) survives a round trip', () => {
    const route: Route = { name: 'library', section: '2005/sport news', sort: 'title', order: 'asc' };
    expect(formatRoute(route)).toBe('#/library?section=2005%2Fsport+news&sort=title&order=asc');
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  test('a passage link without the leading slash opens the article and keeps the annotation', () => {
    expect(parseRoute('#article/abc-123?annotation=n1')).toEqual({ name: 'article', id: 'abc-123', annotation: 'n1' });
    // A link of another archive keeps naming it (the reader says so rather than open this archive's article).
    const other = parseRoute('#article/abc-123?annotation=n1&archive=dir-1f');
    expect(other).toEqual({ name: 'article', id: 'abc-123', annotation: 'n1', archive: 'dir-1f' });
    expect(parseRoute(formatRoute(other))).toEqual(other);
  });

  test('ids with slashes and spaces survive a round trip', () => {
    const route: Route = { name: 'article', id: 'a/b c', q: 'граница' };
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  test('garbage in the URL is dropped, not trusted', () => {
    expect(parseRoute('#/library?kind=poem&year=19&facet=colour:red&sort=size&order=up')).toEqual({ name: 'library' });
    expect(parseRoute('#/search?from=abcd&to=20201')).toEqual({ name: 'search', q: '' });
    expect(parseRoute('#/nowhere/at/all')).toEqual({ name: 'library' });
    expect(parseRoute('#/article/')).toEqual({ name: 'library' });
    expect(parseRoute('#/article/%E0%A4%A')).toEqual({ name: 'library' });
  });

  test('a facet value may itself contain a colon', () => {
    expect(parseRoute('#/library?facet=organizations:CSTO:%20Council')).toMatchObject({
      facet: { type: 'organizations', value: 'CSTO: Council' },
    });
  });
});

describe('formatRoute', () => {
  test('round-trips every kind of route', () => {
    const routes: Route[] = [
      { name: 'library' },
      { name: 'library', kind: 'article', year: 2013, sort: 'date', order: 'desc' },
      { name: 'search', q: 'title: +"a b"', kind: 'brief', from: 2014, to: 2020 },
      { name: 'article', id: 'x1' },
      { name: 'settings' },
    ];
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  test('leaves out empty parameters', () => {
    expect(formatRoute({ name: 'search', q: '' })).toBe('#/search');
    expect(formatRoute({ name: 'library' })).toBe('#/library');
  });
});

describe('parentRoute', () => {
  test('an article opened from a search goes back to that search', () => {
    expect(parentRoute({ name: 'article', id: 'a', q: 'border' })).toEqual({ name: 'search', q: 'border' });
    expect(parentRoute({ name: 'article', id: 'a' })).toEqual({ name: 'library' });
    expect(parentRoute({ name: 'library' })).toBeNull();
  });
});

describe('notes routes', () => {
  test('the Notebook, notes filters in the library and the notes scope in search round-trip', () => {
    for (const route of [
      { name: 'notebook' },
      { name: 'library', notes: 'annotated', tag: 'summit 2019' },
      { name: 'library', notes: 'starred' },
      { name: 'search', q: 'border', notes: true },
    ] as Route[]) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });

  test('unknown notes values are ignored, not trusted', () => {
    expect(parseRoute('#/library?notes=everything')).toEqual({ name: 'library' });
    expect(parseRoute('#/search?q=x&notes=yes')).toEqual({ name: 'search', q: 'x' });
  });
});
