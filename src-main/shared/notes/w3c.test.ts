/**
 * W3C Web Annotation export and import: this app's export imports back to the
 * same annotations; other apps' shapes (a single Annotation, a page, a list,
 * bodyValue, HTML bodies, refinedBy selectors) import; annotations on articles
 * the archive does not have are listed; broken ones are reported, not written.
 */
import { describe, expect, it } from 'vitest';
import { exportW3c } from './w3c-export';
import { importW3cText, importW3cValue } from './w3c-import';
import { FIXTURE_ANNOTATIONS, FIXTURE_DOCS, fixtureInput } from './test-fixtures';

const known = new Set(FIXTURE_DOCS.map((d) => d.id));

describe('W3C export -> import round trip', () => {
  it('gives back every annotation whose article exists, field for field', () => {
    const r = importW3cText(exportW3c(fixtureInput()), { knownDocIds: known });
    if (!r.ok) throw new Error(r.message);
    const expected = FIXTURE_ANNOTATIONS.filter((a) => known.has(a.docId));
    expect(r.annotations).toEqual(expected);
    expect(r.unknownDocs).toEqual([{ index: 5, source: 'archive-reader://article/csto-removed-article?annotation=a6-unknown-doc', quote: FIXTURE_ANNOTATIONS[5].quote.exact }]);
    expect(r.invalid).toEqual([]);
    expect(r.total).toBe(FIXTURE_ANNOTATIONS.length);
  });

  it('works with a browser link base too', () => {
    const text = exportW3c(fixtureInput({ linkBase: 'http://127.0.0.1:5174/#' }));
    expect(text).toContain('"source": "http://127.0.0.1:5174/#article/csto-2013-05-28-minsk?annotation=a1-plain"');
    const parsed = JSON.parse(text);
    for (const item of parsed.first.items) delete item.archiveReader; // as another app would keep it
    const r = importW3cValue(parsed, { knownDocIds: known });
    if (!r.ok) throw new Error(r.message);
    expect(r.annotations.map((a) => [a.id, a.docId, a.color, a.note, a.tags])).toEqual(
      FIXTURE_ANNOTATIONS.filter((a) => known.has(a.docId)).map((a) => [a.id, a.docId, a.color, a.note, a.tags]),
    );
  });
});

describe('W3C annotations from other apps', () => {
  const text = 'Intro. The Council adopted the statement on Afghanistan. More text.';
  const foreign = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://annotations.example/anno/42',
    type: 'Annotation',
    created: '2015-01-28T12:00:00Z',
    bodyValue: 'Important!',
    body: [
      { type: 'TextualBody', value: '<p>An <b>HTML</b> comment<script>x()</script></p>', format: 'text/html' },
      { type: 'TextualBody', value: 'afghanistan', purpose: 'tagging' },
    ],
    target: {
      source: 'https://en.odkb-csto.org/news/42',
      selector: { type: 'RangeSelector', refinedBy: { type: 'TextQuoteSelector', exact: 'adopted the statement on Afghanistan', prefix: 'The Council ', suffix: '. More' } },
    },
  };
  const opts = {
    knownDocIds: known,
    resolveSource: (s: string) => (s === 'https://en.odkb-csto.org/news/42' ? 'csto-2013-05-28-minsk' : undefined),
    docText: (id: string) => (id === 'csto-2013-05-28-minsk' ? text : undefined),
    now: '2026-01-01T00:00:00.000Z',
  };

  it('imports a single foreign Annotation with a mapped source, computing its position from the text', () => {
    const r = importW3cValue(foreign, opts);
    if (!r.ok) throw new Error(r.message);
    expect(r.annotations).toHaveLength(1);
    const a = r.annotations[0];
    expect(a).toMatchObject({
      id: 'https://annotations.example/anno/42',
      docId: 'csto-2013-05-28-minsk',
      color: 'yellow',
      note: 'Important!\n\nAn HTML comment',
      tags: ['afghanistan'],
      created: '2015-01-28T12:00:00Z',
      modified: '2015-01-28T12:00:00Z',
      textHash: '',
    });
    expect(text.slice(a.position.start, a.position.end)).toBe('adopted the statement on Afghanistan');
  });

  it('lists annotations whose articles are unknown and reports broken ones, importing the rest', () => {
    const page = {
      type: 'AnnotationPage',
      items: [
        foreign,
        { ...foreign, id: 'b', target: { ...foreign.target, source: 'https://elsewhere.example/x' } },
        { ...foreign, id: 'c', target: 'https://en.odkb-csto.org/news/42' },
        { ...foreign, id: 'd', type: 'Note' },
        { ...foreign, id: 'e', target: { source: foreign.target.source, selector: { type: 'TextQuoteSelector', exact: 'x'.repeat(2_000_000) } } },
        'not an object',
      ],
    };
    const r = importW3cValue(page, opts);
    if (!r.ok) throw new Error(r.message);
    expect(r.annotations.map((a) => a.id)).toEqual(['https://annotations.example/anno/42']);
    expect(r.unknownDocs).toEqual([{ index: 1, source: 'https://elsewhere.example/x', quote: 'adopted the statement on Afghanistan' }]);
    expect(r.invalid.map((i) => i.index)).toEqual([2, 3, 4, 5]);
    expect(r.invalid[0].message).toMatch(/no TextQuoteSelector/);
    expect(r.invalid[1].message).toMatch(/not of type "Annotation"/);
    expect(r.invalid[2].message).toMatch(/quote\.exact is too long/);
  });

  it('refuses files that are not annotation files, with a message', () => {
    const cases: Array<[string, RegExp]> = [
      ['{"formatName":"archive-reader-backup"}', /backup file.*Restore/],
      ['{"hello":"world"}', /not a W3C Web Annotation file/],
      ['{"type":"AnnotationCollection","first":"https://example.org/page1"}', /pages are on the web/],
      ['not json', /not a JSON file/],
      ['{"type":"Annotation","target":', /incomplete/],
      ['{"type":"Annotation","__proto__":{"x":1}}', /"__proto__"/],
    ];
    for (const [text, message] of cases) {
      const r = importW3cText(text, { knownDocIds: known });
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    }
  });
});
