/**
 * The peer: MiniSearch, configured as a developer would for the same archive
 * (fields title, boosted, and body; titles stored for result lists; bodies
 * stay on disk), built from the same headline-first files and asked the same
 * queries through equivalent options (see queries.ts).
 *
 * Runs inside a fresh child process (see child.ts).
 */
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import type { Options } from 'minisearch';
import { readHeadlineFolder } from './headline-files';
import type { BenchQuery, BoundedQuery, MiniSearchQuery } from './queries';
import { timeQueries, type BoundedResult, type LatencyResult } from './query-timing';
import type { OpenFigures } from './engine-tasks';

/** Title weighs more than body, as in this project's index (FIELD_BOOST in src-main/archive/search/engine.ts). */
export const TITLE_BOOST = 10;

function options(): Options {
  return {
    idField: 'id',
    fields: ['title', 'body'],
    storeFields: ['title'],
    searchOptions: { boost: { title: TITLE_BOOST } },
  };
}

export async function miniBuild(src: string, outFile: string): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const { default: MiniSearch } = await import('minisearch');
  const ms = new MiniSearch(options());
  let n = 0;
  for (const a of readHeadlineFolder(src)) {
    ms.add(a);
    if (++n % 5000 === 0) process.stderr.write(`  minisearch build: ${n} articles\n`);
  }
  writeFileSync(outFile, JSON.stringify(ms));
  return { buildMs: performance.now() - t0, articles: n, indexBytes: statSync(outFile).size };
}

export async function miniOpen(
  file: string,
  first: MiniSearchQuery,
  queries: BenchQuery[] | null,
  bounded: BoundedQuery[] | null,
): Promise<{ open: OpenFigures; latency: LatencyResult | null; bounded: BoundedResult[] | null }> {
  const t0 = performance.now();
  const { default: MiniSearch } = await import('minisearch');
  const ms = MiniSearch.loadJSON(readFileSync(file, 'utf8'), options());
  // Nothing can be listed before the whole index is in memory: open = loaded.
  const openMs = performance.now() - t0;
  ms.search(first.text, first.options);
  const searchReadyMs = performance.now() - t0;
  const mem = process.memoryUsage();
  const open: OpenFigures = {
    openMs,
    searchReadyMs,
    rssBytes: mem.rss,
    heapUsedBytes: mem.heapUsed,
    articles: ms.documentCount,
    firstQuery: first.text,
  };
  const byText = new Map<string, MiniSearchQuery>();
  for (const q of queries ?? []) byText.set(q.lunr, q.mini);
  for (const b of bounded ?? []) byText.set(b.lunr, b.mini);
  const run = async (text: string) => {
    const q = byText.get(text) ?? { text, options: {} };
    const hits = ms.search(q.text, q.options);
    // A result page: the top 20 with their stored titles, as the engine returns.
    const page = hits.slice(0, 20).map((h) => ({ id: h.id, title: h.title as string, score: h.score }));
    return { total: hits.length, note: page.length > 0 ? null : 'no hits' };
  };
  const timed = await timeQueries(
    run,
    queries?.map((q) => ({ kind: q.kind, text: q.lunr })) ?? null,
    bounded?.map((b) => ({ label: b.label, text: b.lunr })) ?? null,
  );
  return { open, ...timed };
}
