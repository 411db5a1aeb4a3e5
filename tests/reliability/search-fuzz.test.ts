/**
 * Search input fuzzing (issue 7, "Search input"): thousands of random and
 * grammar-generated query strings against two real archives, the bundled
 * corpus and a synthetic archive of a few hundred ingested articles. Every
 * search and findInDoc call must answer a sound result (see invariants.ts),
 * never throw. Latency is printed (p50/p99/max), never asserted.
 *
 * `npm test`: 1,000 queries per archive, fixed seed. `npm run test:soak`
 * (SOAK=1): 10,000 per archive. Replay: FUZZ_SEED=<seed> [FUZZ_COUNT=n].
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { ingestFolder, openArchive } from '../../src-main/archive/index';
import type { ArchiveService } from '../../src-main/archive/types';
import type { SearchRequest } from '../../src-main/shared/contract';
import type { Doc } from '../../src-main/shared/model';
import { openBundledCopy, removeDir, tempDir } from '../../src-main/archive/test/helpers';
import { fuzzRun, int, makeRng, percentile, pick, chance } from './rng';
import { generateQuery, type QueryKind } from './query-grammar';
import { findProblems, searchProblems } from './invariants';
import { writeSyntheticFolder } from './synthetic';

const RUN = fuzzRun(1_000, 10_000, 20_261_123);
const SYNTHETIC_ARTICLES = 300;

interface Target {
  name: string;
  archive: ArchiveService;
  docs: Map<string, Doc>;
  words: string[];
  cleanup: () => Promise<void>;
}

async function loadTarget(name: string, archive: ArchiveService, cleanup: () => Promise<void>): Promise<Target> {
  await archive.searchReady;
  const docs = new Map<string, Doc>();
  for (const s of (await archive.list({})).items) docs.set(s.id, (await archive.get(s.id))!);
  const words = new Set<string>();
  for (const d of docs.values()) for (const t of [d.title, ...d.paragraphs.map((p) => p.text)]) for (const m of t.matchAll(/[\p{L}\p{N}]+/gu)) words.add(m[0]);
  return { name, archive, docs, words: [...words], cleanup };
}

const targets: Target[] = [];
beforeAll(async () => {
  const bundled = await openBundledCopy();
  targets.push(await loadTarget('bundled', bundled.archive, bundled.cleanup));
  const dir = await tempDir('search-fuzz-');
  await writeSyntheticFolder(join(dir, 'src'), SYNTHETIC_ARTICLES, RUN.seed);
  await ingestFolder(join(dir, 'src'), join(dir, 'archive'));
  const synthetic = await openArchive(join(dir, 'archive'));
  targets.push(await loadTarget('synthetic', synthetic, async () => (await synthetic.close(), removeDir(dir))));
}, 300_000);
afterAll(async () => {
  for (const t of targets) await t.cleanup();
});

/** Random paging and filters, sometimes none, sometimes odd. */
function requestFor(rng: () => number, query: string): SearchRequest {
  const req: SearchRequest = { query };
  if (chance(rng, 0.3)) req.limit = pick(rng, [1, 5, 20, 50, 200]);
  if (chance(rng, 0.15)) req.offset = pick(rng, [0, 1, 3, 10, 1000]);
  if (chance(rng, 0.15)) req.kind = pick(rng, ['article', 'brief'] as const);
  if (chance(rng, 0.15)) req.from = int(rng, 2005, 2025);
  if (chance(rng, 0.1)) req.to = int(rng, 2005, 2025);
  return req;
}

const show = (q: string) => JSON.stringify(q.length > 120 ? `${q.slice(0, 120)}…(${q.length} chars)` : q);

describe.each(['bundled', 'synthetic'])('search fuzz: %s archive', (name) => {
  test(`${RUN.count} generated queries: sound answers, no exception`, async () => {
    const t = targets.find((x) => x.name === name)!;
    const rng = makeRng(RUN.seed ^ (name === 'bundled' ? 0 : 0x5eed));
    const ids = [...t.docs.keys()];
    const failures: string[] = [];
    const searchMs: number[] = [];
    const findMs: number[] = [];
    let slowest = { ms: -1, query: '' };
    let withHits = 0;
    let withNotice = 0;
    const interpreted: Record<string, number> = {};
    const kinds: Partial<Record<QueryKind, number>> = {};
    for (let i = 0; i < RUN.count; i++) {
      const { kind, query } = generateQuery(rng, t.words);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      const req = requestFor(rng, query);
      try {
        const t0 = performance.now();
        const r = await t.archive.search(req);
        const ms = performance.now() - t0;
        searchMs.push(ms);
        if (ms > slowest.ms) slowest = { ms, query };
        const problems = searchProblems(r, req, t.docs);
        if (r.total > 0) withHits++;
        if (r.notice) withNotice++;
        interpreted[r.interpretedAs] = (interpreted[r.interpretedAs] ?? 0) + 1;
        // In the reader: find the same query in a hit (or any document).
        const id = r.hits[0]?.id ?? pick(rng, ids);
        const t1 = performance.now();
        const f = await t.archive.findInDoc(id, query);
        findMs.push(performance.now() - t1);
        problems.push(...findProblems(f, t.docs.get(id)!));
        if (problems.length) failures.push(`#${i} ${kind} ${show(query)} ${JSON.stringify({ ...req, query: undefined })}: ${problems.join('; ')}`);
      } catch (e) {
        failures.push(`#${i} ${kind} ${show(query)}: threw ${(e as Error)?.stack ?? String(e)}`);
      }
    }
    const f1 = (n: number) => n.toFixed(1);
    console.log(
      `search fuzz [${name}] seed=${RUN.seed} queries=${RUN.count} docs=${t.docs.size} failures=${failures.length}\n` +
        `  search ms: p50 ${f1(percentile(searchMs, 50))}  p99 ${f1(percentile(searchMs, 99))}  max ${f1(Math.max(...searchMs))} (slowest ${show(slowest.query)})\n` +
        `  findInDoc ms: p50 ${f1(percentile(findMs, 50))}  p99 ${f1(percentile(findMs, 99))}  max ${f1(Math.max(...findMs))}\n` +
        `  with hits ${withHits}, with a notice ${withNotice}, interpreted ${JSON.stringify(interpreted)}, kinds ${JSON.stringify(kinds)}`,
    );
    expect(failures.slice(0, 20), `seed ${RUN.seed}: ${failures.length} failing queries`).toEqual([]);
    // The fuzzer must reach the interesting paths, not only refusals.
    expect(withHits).toBeGreaterThan(RUN.count * 0.15);
    expect(Object.keys(interpreted).sort()).toEqual(['fuzzy', 'literal', 'lunr']);
  }, RUN.soak ? 3_600_000 : 240_000);
});
