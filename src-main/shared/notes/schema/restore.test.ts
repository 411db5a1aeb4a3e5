/**
 * The restore step on its own (pure): what it repairs, what it refuses, and
 * that hostile shapes (from a bad import or a bug) never travel on. The
 * agreement between restore-on-read and the backup's strict check is in
 * rows-agree.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { isoOr, normalizeTagName, normalizeTags, restoreAnnotation, restoreColors, restoreDocState, restoreTagDef, validateAnnotation } from '.';
import { isCanonicalIso } from './fields';

const good = {
  id: 'a1',
  archiveId: 'bundled',
  docId: 'd1',
  color: 'green',
  quote: { type: 'TextQuoteSelector', exact: 'text', prefix: 'p', suffix: 's' },
  position: { type: 'TextPositionSelector', start: 3, end: 7 },
  textHash: 'h',
  note: 'n',
  tags: ['x'],
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-02T00:00:00.000Z',
};

describe('restoreAnnotation', () => {
  it('passes a good row through unchanged', () => {
    expect(restoreAnnotation(good)).toEqual({ ok: true, value: good });
  });

  it('reads a row from before archives as the bundled archive\'s, keeps any other archive, refuses a bad archive id', () => {
    const { archiveId: _none, ...older } = good;
    expect(restoreAnnotation(older)).toEqual({ ok: true, value: good });
    expect(restoreAnnotation({ ...good, archiveId: 'dir-0a1b' })).toMatchObject({ ok: true, value: { archiveId: 'dir-0a1b' } });
    expect(restoreAnnotation({ ...good, archiveId: '../x' })).toMatchObject({ ok: false, reason: expect.stringContaining('archiveId is not an archive id') });
    const { archiveId: _n, ...state } = { archiveId: 'x', docId: 'd1', tags: [], note: '', starred: false, readingPosition: null, modified: '2024-01-01T00:00:00.000Z' };
    expect(restoreDocState(state)).toMatchObject({ ok: true, value: { archiveId: 'bundled', docId: 'd1' } });
  });

  it('refuses rows it cannot repair, saying why', () => {
    for (const [raw, reason] of [
      [null, 'should be an object, not null'],
      [[], 'should be an object, not a list'],
      [{ ...good, id: '' }, 'id is empty'],
      [{ ...good, docId: 7 }, 'docId should be text, not number 7'],
      [{ ...good, quote: { exact: '' } }, 'quote.exact is empty'],
      [{ ...good, quote: undefined }, 'quote is missing'],
      [{ ...good, quote: { ...good.quote, exact: 'x'.repeat(300_000) } }, 'quote.exact is too long (300,000 characters; the limit is 200,000)'],
    ] as const) {
      const r = restoreAnnotation(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain(reason);
    }
  });

  it('drops unknown and prototype keys from parsed JSON', () => {
    const raw = JSON.parse(`{"id":"a","docId":"d","quote":{"exact":"q","__proto__":{"x":1}},"__proto__":{"polluted":true},"extra":1}`);
    const r = restoreAnnotation(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value).sort()).toEqual(['archiveId', 'color', 'created', 'docId', 'id', 'modified', 'note', 'position', 'quote', 'tags', 'textHash']);
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect((r.value as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('repairs inverted positions, bad dates and odd tags', () => {
    const r = restoreAnnotation({ ...good, position: { start: 9, end: 2 }, created: 'yesterday', modified: null, tags: 'x' }, '2025-05-05T00:00:00.000Z');
    expect(r.ok && r.value).toMatchObject({ position: { start: 0, end: 0 }, created: '2025-05-05T00:00:00.000Z', modified: '2025-05-05T00:00:00.000Z', tags: [] });
  });
});

describe('tags', () => {
  it('normalizes names and de-duplicates without regard to case', () => {
    expect(normalizeTagName('  Key\u0007  fact\n ')).toBe('Key fact');
    expect(normalizeTags(['CSTO', 'csto', ' Csto ', '', 5, 'Минск', 'минск'])).toEqual(['CSTO', 'Минск']);
    expect(normalizeTagName('x'.repeat(500))).toHaveLength(80);
  });
  it('refuses a tag colour that is not a hex colour', () => {
    expect(restoreTagDef({ name: 't', color: 'url(javascript:x)' })).toMatchObject({ ok: true, value: { color: '#868e96' } });
  });
});

describe('doc state and colours', () => {
  it('clamps the reading position and defaults the rest', () => {
    expect(restoreDocState({ docId: 'd', readingPosition: 7, starred: 'yes' })).toMatchObject({
      ok: true,
      value: { readingPosition: 1, starred: false, tags: [], note: '' },
    });
  });
  it('keeps the person’s colour labels and fills in missing colours', () => {
    const colors = restoreColors([{ id: 'pink', label: 'Open question' }, { id: 'nope', label: 'x' }]);
    expect(colors).toHaveLength(6);
    expect(colors.find((c) => c.id === 'pink')!.label).toBe('Open question');
    expect(colors.find((c) => c.id === 'yellow')!.label).toBe('Key fact');
  });
});

describe('timestamps (isCanonicalIso: the fast path of restore-on-read and of the schema)', () => {
  // The path without the fast check: what isoOr and the schema did with every timestamp before.
  const slowIsoOr = (value: string, fallback: string) => {
    const t = Date.parse(value);
    return Number.isFinite(t) ? new Date(t).toISOString() : fallback;
  };
  const samples = [
    '2024-01-01T00:00:00.000Z', '2024-12-31T23:59:59.999Z', '2024-02-29T12:00:00.000Z', '2000-02-29T00:00:00.000Z',
    '2023-02-29T00:00:00.000Z', '1900-02-29T00:00:00.000Z', '2024-02-30T00:00:00.000Z', '2024-04-31T10:00:00.000Z',
    '2024-13-01T00:00:00.000Z', '2024-00-10T00:00:00.000Z', '2024-01-00T00:00:00.000Z', '2024-01-01T24:00:00.000Z',
    '2024-01-01T23:60:00.000Z', '2024-01-01T23:59:60.000Z', '2024-01-01T10:00:00Z', '2024-01-01T10:00:00.5Z',
    '2024-01-01T10:00:00.000+02:00', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', 'yesterday', '',
  ];

  it('gives exactly what Date.parse and toISOString give, for canonical and other strings alike', () => {
    for (const s of samples) {
      expect(isoOr(s, 'fallback'), s).toBe(slowIsoOr(s, 'fallback'));
      if (isCanonicalIso(s)) expect(new Date(Date.parse(s)).toISOString(), s).toBe(s);
    }
  });

  it('only real instants are canonical; the rest still go through Date.parse (30 February becomes 1 March, as before)', () => {
    expect(samples.filter(isCanonicalIso)).toEqual([
      '2024-01-01T00:00:00.000Z', '2024-12-31T23:59:59.999Z', '2024-02-29T12:00:00.000Z', '2000-02-29T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z',
    ]);
    expect(isoOr('2024-02-30T00:00:00.000Z', 'x')).toBe('2024-03-01T00:00:00.000Z');
  });

  it('the schema refuses the same timestamps as before', () => {
    for (const created of ['2024-13-01T00:00:00.000Z', '2024-01-01T23:60:00.000Z', 'yesterday', '2024-01-01']) {
      expect(validateAnnotation({ ...good, created }).ok, created).toBe(false);
    }
    for (const created of ['2024-02-29T12:00:00.000Z', '2024-01-01T10:00:00+02:00', '2024-02-30T00:00:00.000Z']) {
      expect(validateAnnotation({ ...good, created }).ok, created).toBe(true);
    }
  });
});
