/**
 * The compact engine against plain Lunr: the same documents indexed by a real
 * lunr.Builder (same fields, boosts, en + ru pipelines) and by buildIndex,
 * then the same queries (single words, AND, OR, prohibited, prefix, fuzzy,
 * field-scoped, boosted, Russian) asked of both. Scores must agree (BM25 as
 * Lunr computes it) and so must the top results, on the bundled corpus and on
 * a synthetic archive. Also: the index file round trip, a damaged file, and
 * the bound on wildcard expansion.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildIndex, loadEngine, INDEX_FIELDS, type EngineClause, type EngineDoc, type EngineHits, type SearchEngine } from './engine';
import { configureBuilder, setupLunr, lunr } from './lunr-setup';
import { planQuery } from './query-plan';
import { MAX_EXPANSION } from './term-lookup';
import { readFolder } from '../ingest/read-folder';
import { buildDocs } from '../ingest/build-docs';
import { toEngineDoc } from '../ingest/ingest-folder';
import { bundledCorpusDir } from '../paths';
import { removeDir, tempDir } from '../test/helpers';

const BOOST = { title: 10, body: 1, facets: 3 };

function plainLunr(docs: EngineDoc[]): lunr.Index {
  const l = setupLunr();
  return l(function () {
    configureBuilder(this);
    this.ref('id');
    for (const f of INDEX_FIELDS) this.field(f, { boost: BOOST[f] });
    for (const d of docs) this.add(d);
  });
}

/** How the engine asked lunr.Index before: the reference answer. */
function lunrSearch(index: lunr.Index, clauses: EngineClause[]): { id: string; score: number }[] {
  const P = lunr.Query.presence;
  const W = lunr.Query.wildcard;
  return index
    .query((q) => {
      for (const c of clauses) {
        q.term(c.term, {
          ...(c.editDistance > 0 ? { editDistance: c.editDistance } : {}),
          fields: c.fields ?? [...INDEX_FIELDS],
          presence: c.presence === 'required' ? P.REQUIRED : c.presence === 'prohibited' ? P.PROHIBITED : P.OPTIONAL,
          wildcard: (c.leadingWildcard ? W.LEADING : W.NONE) | (c.trailingWildcard ? W.TRAILING : W.NONE),
          boost: c.boost,
          usePipeline: c.usePipeline,
        });
      }
    })
    .map((r) => ({ id: r.ref, score: r.score }));
}

/** Top-k agree: same scores rank by rank, and the same documents (ties at the cut aside). */
function expectSameTop(query: string, ref: { id: string; score: number }[], got: { id: string; score: number }[], k = 10): void {
  expect(got.length, `${query}: number of matches`).toBe(ref.length);
  const n = Math.min(k, ref.length);
  for (let i = 0; i < n; i++) expect(got[i].score, `${query}: score at rank ${i + 1}`).toBeCloseTo(ref[i].score, 6);
  if (n === 0) return;
  const cut = ref[n - 1].score;
  const above = (xs: typeof ref) => xs.filter((x) => x.score > cut + 1e-9).map((x) => x.id).sort();
  expect(above(got), `${query}: top documents`).toEqual(above(ref));
  const all = new Map(ref.map((r) => [r.id, r.score]));
  for (const g of got) expect(g.score, `${query}: score of ${g.id}`).toBeCloseTo(all.get(g.id)!, 6);
}

const QUERIES = [
  'minsk', 'security', 'collective security', '+collective +security', 'csto -minsk', '+csto -russia', 'secur*', 'organ*',
  '*tion', 'secruity~1', 'minks~1', 'title:minsk', 'body:exercise', 'facets:kazakhstan', 'minsk^5 moscow', 'безопасности',
  'безопасность', '+граница +минск', 'title:secur*', '-minsk', 'nonexistentword', '+nonexistentword minsk', 'exercis*~1',
  'colectiv~2', 'pecekeepin~2', 'безопастност~2',
];

/** A deterministic synthetic archive from the corpus's own words (English and Russian). */
function synthetic(words: string[], n: number): EngineDoc[] {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (k: number) => Array.from({ length: k }, () => words[Math.floor(rnd() ** 2 * words.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => ({ id: `doc-${i}`, title: pick(3 + Math.floor(rnd() * 6)), body: pick(50 + Math.floor(rnd() * 400)), facets: rnd() < 0.5 ? pick(2) : '' }));
}

let corpusDocs: EngineDoc[] = [];
let dir = '';
beforeAll(async () => {
  const folder = await readFolder(bundledCorpusDir());
  corpusDocs = buildDocs(folder.files).docs.map(toEngineDoc);
  dir = await tempDir('engine-test-');
});
afterAll(async () => removeDir(dir));

describe.each([
  ['the bundled corpus', () => corpusDocs],
  ['a synthetic archive', () => synthetic([...new Set(corpusDocs.flatMap((d) => d.body.split(/[^\p{L}]+/u)).filter((w) => w.length > 1))], 600)],
])('against plain Lunr: %s', (_name, docsOf) => {
  let engine: SearchEngine;
  let index: lunr.Index;
  beforeAll(async () => {
    const docs = docsOf();
    const sub = join(dir, String(Math.random()).slice(2));
    await buildIndex(docs, sub);
    engine = await loadEngine(sub);
    index = plainLunr(docs);
  });

  test.each(QUERIES)('%s', async (query) => {
    const clauses = planQuery(query).clauses;
    const ref = lunrSearch(index, clauses);
    const got = all(await engine.search(clauses));
    expectSameTop(query, ref, got);
  });

  // "co* ..." expands to more (term, field) pairs than the scorer keeps one bit each for: the rest are looked up.
  test.each(['secur* minsk~1 csto', 'co* minsk~1 csto', 'csto s*'])('matched terms of a hit are those Lunr reports: %s', async (query) => {
    const clauses = planQuery(query).clauses;
    const ref = index.query((q) => {
      for (const c of clauses) q.term(c.term, { ...(c.editDistance ? { editDistance: c.editDistance } : {}), wildcard: c.trailingWildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE, usePipeline: c.usePipeline });
    });
    const got = all(await engine.search(clauses));
    const byId = new Map(got.map((h) => [h.id, h]));
    expect(ref.length).toBeGreaterThan(0);
    for (const r of ref.slice(0, 30)) expect(byId.get(r.ref)!.terms.sort()).toEqual(Object.keys(r.matchData.metadata).sort());
  });
});

describe('the index file', () => {
  test('round trip: a reloaded index answers like the one just built, and a damaged one is refused', async () => {
    const a = join(dir, 'rt-a');
    const { bytes } = await buildIndex(corpusDocs, a);
    expect(bytes).toBeGreaterThan(0);
    const first = await loadEngine(a);
    const second = await loadEngine(a);
    expect(first.docCount).toBe(corpusDocs.length);
    for (const q of QUERIES) {
      const c = planQuery(q).clauses;
      expect(plain(await second.search(c))).toEqual(plain(await first.search(c)));
    }
    const file = join(a, 'index.bin');
    const raw = await readFile(file);
    await writeFile(file, raw.subarray(0, Math.floor(raw.length / 2)));
    await expect(loadEngine(a)).rejects.toThrow(/cannot be read.*rebuild/);
    await writeFile(file, 'not an index');
    await expect(loadEngine(a)).rejects.toThrow(/index\.bin cannot be read/);
    await expect(loadEngine(join(dir, 'nowhere'))).rejects.toThrow(/missing/);
    await first.close();
    await expect(first.search(c0())).rejects.toThrow(/closed/);
  });

  test('wildcard expansion is bounded: the most frequent terms are kept', async () => {
    // More distinct words ending in "zq" than the bound, one of them in every document.
    const n = MAX_EXPANSION + 300;
    const docs: EngineDoc[] = Array.from({ length: 40 }, (_, i) => ({
      id: `w${i}`,
      title: 'common titleqzq',
      body: Array.from({ length: Math.ceil(n / 40) }, (_, j) => `w${i}x${j}qzq`).join(' '),
      facets: '',
    }));
    const sub = join(dir, 'wild');
    await buildIndex(docs, sub);
    const engine = await loadEngine(sub);
    const hits = all(await engine.search(planQuery('*tleqzq').clauses));
    expect(hits.map((h) => h.id).sort()).toEqual(docs.map((d) => d.id).sort());
    const many = all(await engine.search(planQuery('*qzq').clauses));
    // titleqzq (in every document) survives the cut, so every document is still found.
    expect(many.length).toBe(40);
    expect(many[0].terms).toContain('titleqzq');
    const index = plainLunr(docs);
    const lunrAll = index.query((q) => q.term('qzq', { wildcard: lunr.Query.wildcard.LEADING, usePipeline: false }));
    expect(lunrAll.length).toBe(40);
    // Lunr would expand to every one of the n + 1 terms; the engine keeps MAX_EXPANSION.
    const expanded = new Set(many.flatMap((h) => h.terms));
    expect(expanded.size).toBeLessThanOrEqual(MAX_EXPANSION);
    expect(expanded.size).toBeGreaterThan(MAX_EXPANSION - 100);
  });
});

const all = (h: EngineHits) => h.slice(0, h.length);
const plain = (h: EngineHits) => all(h).map((x) => ({ id: x.id, score: x.score, terms: x.terms }));

function c0(): EngineClause[] {
  return planQuery('minsk').clauses;
}
