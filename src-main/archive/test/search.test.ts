/**
 * Search relevance on the bundled corpus with the real Lunr index: fields,
 * prefix, fuzzy, phrase, negation, Russian stemming, the fuzzy retry when
 * nothing matches, filters, paging, and snippet/highlight offsets that point
 * at the matched words.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { docText, paragraphOffsets, type DocSummary } from '../../shared/model';
import type { SearchResponse } from '../../shared/contract';
import type { ArchiveService } from '../types';
import { openBundledCopy, SOURCES } from './helpers';

let archive: ArchiveService;
let cleanup: () => Promise<void>;
let items: DocSummary[];
const idOf = (source: string) => items.find((i) => i.kind === 'article' && i.source === source)!.id;
const sourcesOf = (r: SearchResponse) => r.hits.map((h) => items.find((i) => i.id === h.id)!.source);

beforeAll(async () => {
  ({ archive, cleanup } = await openBundledCopy());
  items = (await archive.list({})).items;
});
afterAll(() => cleanup());

/** Every highlight names a word the predicate accepts, and snippet offsets point into the paragraph. */
async function expectHighlights(r: SearchResponse, accept: (word: string) => boolean): Promise<void> {
  let seen = 0;
  for (const h of r.hits) {
    const doc = (await archive.get(h.id))!;
    for (const s of h.snippets) {
      expect(doc.paragraphs[s.paragraph].text.slice(s.start, s.start + s.text.length)).toBe(s.text);
      for (const [a, b] of s.highlights) {
        expect(a).toBeLessThan(b);
        expect(accept(s.text.slice(a, b)), s.text.slice(a, b)).toBe(true);
        seen++;
      }
    }
  }
  expect(seen).toBeGreaterThan(0);
}

describe('relevance', () => {
  test('field query: title:minsk finds only the article with Minsk in its title', async () => {
    const r = await archive.search({ query: 'title:minsk' });
    expect(r.interpretedAs).toBe('lunr');
    expect(sourcesOf(r)).toEqual([SOURCES.y2017]);
    const body = await archive.search({ query: 'minsk' });
    expect(body.total).toBeGreaterThanOrEqual(1);
    const none = await archive.search({ query: 'title:afghanistan' });
    expect(none.hits.map((h) => h.id)).not.toContain(idOf(SOURCES.y2024)); // Afghanistan is in its body, not its title
  });

  test('title boost: a word in the headline ranks that article first', async () => {
    const r = await archive.search({ query: 'videoconferencing' });
    expect(r.hits[0].id).toBe(idOf(SOURCES.y2021));
    const b = await archive.search({ query: 'bishkek', kind: 'article' });
    expect([idOf(SOURCES.y2013), idOf(SOURCES.y2019)]).toContain(b.hits[0].id);
  });

  test('prefix: tasmag* finds Tasmagambetov', async () => {
    const r = await archive.search({ query: 'tasmag*' });
    expect(r.total).toBeGreaterThanOrEqual(4);
    await expectHighlights(r, (w) => /^Tasmagambetov$/i.test(w));
  });

  test('as you type: a word not finished yet finds the words it begins, with no notice', async () => {
    const full = await archive.search({ query: 'tasmag*' });
    for (const q of ['Tasmag', 'bishkek tasmag', '+tasmag']) {
      const r = await archive.search({ query: q });
      expect(r.interpretedAs, q).toBe('lunr');
      expect(r.notice, q).toBeNull();
      expect(r.hits.map((h) => h.id).filter((id) => full.hits.some((f) => f.id === id)).length, q).toBeGreaterThan(0);
    }
    const r = await archive.search({ query: 'Tasmag' });
    expect(r.hits.map((h) => h.id)).toEqual(full.hits.map((h) => h.id));
    await expectHighlights(r, (w) => /^Tasmagambetov$/i.test(w));
    // A word typed past its stem: "collective" is indexed as "collect", which "collecti" does not begin.
    const past = await archive.search({ query: 'collecti' });
    expect(past.interpretedAs).toBe('lunr');
    expect(past.total).toBe((await archive.search({ query: 'collective' })).total);
    // Followed by a space, the word is taken as finished: nothing begins with it, so the spelling retry runs.
    const finished = await archive.search({ query: 'tasmag ' });
    expect(finished.hits.some((h) => h.snippets.some((s) => s.highlights.some(([a, b]) => /^Tasmagambetov$/i.test(s.text.slice(a, b)))))).toBe(false);
    // A misspelled whole word still gets its correction, and an excluded word is never completed.
    expect((await archive.search({ query: 'Bordyusha' })).notice).toMatch(/showing results for “Bordyuzha”/);
    expect((await archive.search({ query: 'bishkek -tasmag' })).total).toBe((await archive.search({ query: 'bishkek' })).total);
  });

  test('fuzzy: Bordyuzha~1 and a typo with ~1', async () => {
    const exact = await archive.search({ query: 'Bordyuzha' });
    const fuzzy = await archive.search({ query: 'Bordyuzh~1' });
    expect(sourcesOf(exact).sort()).toEqual([SOURCES.y2017, SOURCES.y2013].sort());
    expect(fuzzy.interpretedAs).toBe('lunr');
    expect(sourcesOf(fuzzy).sort()).toEqual(sourcesOf(exact).sort());
    await expectHighlights(fuzzy, (w) => w === 'Bordyuzha');
  });

  test('phrase: words in sequence only, highlighted as a phrase', async () => {
    const r = await archive.search({ query: '"Collective Rapid Reaction Forces"' });
    expect(r.total).toBeGreaterThanOrEqual(2);
    await expectHighlights(r, (w) => /^Collective Rapid Reaction Forces$/i.test(w));
    for (const h of r.hits) expect(docText((await archive.get(h.id))!)).toMatch(/Collective Rapid Reaction Forces/i);
    // All four words are in the 2017 article, never in this order.
    const scattered = await archive.search({ query: '"forces collective rapid reaction"' });
    expect(scattered.total).toBe(0);
    const all = await archive.search({ query: 'forces collective rapid reaction' });
    expect(all.total).toBeGreaterThan(0);
  });

  test('boosts change the order', async () => {
    const minsk = await archive.search({ query: 'minsk^20 afghanistan', kind: 'article' });
    const afgh = await archive.search({ query: 'minsk afghanistan^20', kind: 'article' });
    expect(minsk.hits[0].id).toBe(idOf(SOURCES.y2017));
    expect(afgh.hits[0].id).not.toBe(idOf(SOURCES.y2017));
  });

  test('negation: +bishkek -minsk', async () => {
    const both = await archive.search({ query: '+bishkek' });
    const r = await archive.search({ query: '+bishkek -minsk' });
    expect(r.total).toBeGreaterThan(0);
    expect(r.total).toBeLessThanOrEqual(both.total);
    for (const h of r.hits) expect(docText((await archive.get(h.id))!).toLowerCase()).not.toContain('minsk');
    for (const h of r.hits) expect(docText((await archive.get(h.id))!).toLowerCase()).toContain('bishkek');
  });

  test('Russian: граница finds the paragraph with границы, highlighted', async () => {
    const r = await archive.search({ query: 'граница' });
    expect(r.hits.map((h) => h.id)).toEqual([idOf(SOURCES.y2024)]);
    await expectHighlights(r, (w) => w === 'границы');
    expect(r.hits[0].snippets[0].paragraph).toBe((await archive.get(idOf(SOURCES.y2024)))!.paragraphs.findIndex((p) => p.lang === 'ru'));
  });

  test('diacritics in the query are folded', async () => {
    const r = await archive.search({ query: 'Bíshkék' });
    expect(r.total).toBe((await archive.search({ query: 'bishkek' })).total);
  });

  test('no results: retried fuzzily and the result says so', async () => {
    const r = await archive.search({ query: 'Bordyusha' });
    expect(r.interpretedAs).toBe('fuzzy');
    expect(r.notice).toMatch(/No results for “Bordyusha”; showing results for “Bordyuzha”/);
    expect(sourcesOf(r).sort()).toEqual([SOURCES.y2017, SOURCES.y2013].sort());
    const nothing = await archive.search({ query: 'xylophonequartz' });
    expect(nothing.total).toBe(0);
    expect(nothing.hits).toEqual([]);
  });
});

describe('filters and paging', () => {
  test('kind and year range', async () => {
    const briefs = await archive.search({ query: 'tasmagambetov', kind: 'brief' });
    expect(briefs.total).toBeGreaterThan(0);
    expect(briefs.hits.every((h) => h.kind === 'brief')).toBe(true);
    const y = await archive.search({ query: 'csto', kind: 'article', from: 2019, to: 2021 });
    expect(y.hits.map((h) => h.published!.slice(0, 4)).sort()).toEqual(['2020', '2021']);
  });

  test('pages cover the results without overlap', async () => {
    const all = await archive.search({ query: 'csto', limit: 200 });
    const docs = await Promise.all((await archive.list({})).items.map(async (i) => (await archive.get(i.id))!));
    const withWord = docs.filter((d) => /\bCSTO\b/i.test(`${d.title} ${docText(d)}`));
    expect(all.total).toBe(withWord.length);
    expect(all.total).toBeGreaterThan(10);
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 5) pages.push(...(await archive.search({ query: 'csto', limit: 5, offset })).hits.map((h) => h.id));
    expect(pages).toEqual(all.hits.map((h) => h.id));
    const past = await archive.search({ query: 'csto', offset: 100 });
    expect(past.total).toBe(all.total);
    expect(past.hits).toEqual([]);
  });

  test('hits carry title, date, kind, score', async () => {
    const r = await archive.search({ query: 'Khachaturov' });
    expect(r.hits[0]).toMatchObject({ id: idOf(SOURCES.y2017), kind: 'article', published: null });
    expect(r.hits[0].title).toMatch(/^On November 30, 2017/);
    expect(r.hits[0].score).toBeGreaterThan(0);
  });
});

describe('findInDoc', () => {
  test('match offsets point into docText(doc)', async () => {
    const id = idOf(SOURCES.y2017);
    const doc = (await archive.get(id))!;
    const text = docText(doc);
    const r = (await archive.findInDoc(id, 'Khachaturov'))!;
    expect(r.interpretedAs).toBe('lunr');
    expect(r.matches.length).toBe(4);
    for (const m of r.matches) expect(text.slice(m.start, m.end)).toBe('Khachaturov');
    // A match in the second paragraph is offset by the first paragraph and the separator.
    const offsets = paragraphOffsets(doc);
    expect(r.matches[0].start).toBeGreaterThan(offsets[1]);
  });

  test('stems, phrases and fuzzy retry', async () => {
    const id = idOf(SOURCES.y2024);
    const text = docText((await archive.get(id))!);
    const ru = (await archive.findInDoc(id, 'граница'))!;
    expect(ru.matches.map((m) => text.slice(m.start, m.end))).toEqual(['границы']);
    const phrase = (await archive.findInDoc(id, '"Parliamentary Assembly"'))!;
    expect(phrase.matches.length).toBeGreaterThan(1);
    for (const m of phrase.matches) expect(text.slice(m.start, m.end)).toBe('Parliamentary Assembly');
    // A word not finished yet: every word it begins (find in a page reads as you type, too).
    const withName = (await archive.search({ query: 'tasmagambetov' })).hits[0].id;
    const tasmag = (await archive.findInDoc(withName, 'Tasmag'))!;
    expect(tasmag.matches.length).toBeGreaterThan(0);
    const nameText = docText((await archive.get(withName))!);
    for (const m of tasmag.matches) expect(nameText.slice(m.start, m.end)).toBe('Tasmagambetov');
    const typo = (await archive.findInDoc(idOf(SOURCES.y2013), 'Bordyusha'))!;
    expect(typo.interpretedAs).toBe('fuzzy');
    expect(typo.matches.length).toBe(4);
    expect(await archive.findInDoc('no-such-id', 'x')).toBeUndefined();
  });
});
