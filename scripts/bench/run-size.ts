/**
 * One row of the benchmark: for one archive size, build, load and query this
 * project's engine and MiniSearch on the same articles and the same queries,
 * each step in a fresh child process, and compute the ratios (engine / peer).
 *
 * Load figures are medians over several fresh processes, engine and peer
 * alternating so that noise from the shared machine falls on both.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runChild, type RunOptions } from './child-runner';
import { diskFigures, type DiskFigures } from './disk';
import type { OpenFigures } from './engine-tasks';
import { engineAvailable } from './engine-tasks';
import type { GeneratedArchive } from './generate';
import { browserFigures, type BrowserFigures } from './pending';
import type { BenchQuery, BoundedQuery } from './queries';
import type { BoundedResult, LatencyResult } from './query-timing';
import { median, ratio, round } from './stats';

export interface EngineSection {
  available: boolean;
  error: string | null;
  build: { ms: number | null; peakRssMB: number | null; disk: DiskFigures | null; indexBytes: number | null; result?: unknown } | null;
  load: {
    processes: number;
    openMs: number | null;
    searchReadyMs: number | null;
    rssMB: number | null;
    heapUsedMB: number | null;
    articles: number | null;
    samples: { openMs: number; searchReadyMs: number; rssMB: number }[];
  } | null;
  query: LatencyResult | null;
  bounded: BoundedResult[] | null;
}

export interface RunRow {
  size: number;
  generated: { dir: string; bytes: number; words: number; ms: number; cached: boolean };
  queries: number;
  engine: EngineSection;
  minisearch: EngineSection;
  ratios: { searchReady: number | null; rss: number | null; p50: number | null; p95: number | null; build: number | null; buildPeakRss: number | null; indexBytes: number | null };
  browser: BrowserFigures;
}

const MBf = (b: number | null | undefined) => (b == null ? null : round(b / (1024 * 1024), 1));

function emptySection(error: string | null, available: boolean): EngineSection {
  return { available, error, build: null, load: null, query: null, bounded: null };
}

type OpenValue = { open: OpenFigures; latency: LatencyResult | null; bounded: BoundedResult[] | null };

function log(msg: string) {
  process.stderr.write(`[bench] ${msg}\n`);
}

export async function runSize(
  gen: GeneratedArchive,
  workDir: string,
  queries: BenchQuery[],
  bounded: BoundedQuery[],
  processes: number,
  opts: RunOptions & { buildOnly?: boolean },
  /** Only this engine's build and the browser figures (--browser-only). */
  browserOnly = false,
): Promise<RunRow> {
  const size = gen.size;
  const engineDir = join(workDir, `engine-${size}`);
  const miniFile = join(workDir, `minisearch-${size}.json`);
  const engine = engineAvailable() ? emptySection(null, true) : emptySection('src-main/archive/index.ts does not exist yet', false);
  const mini = browserOnly ? emptySection('not measured (--browser-only)', false) : emptySection(null, true);

  if (engine.available) {
    log(`${size}: building this project's index (ingestFolder) ...`);
    rmSync(engineDir, { recursive: true, force: true });
    mkdirSync(engineDir, { recursive: true });
    try {
      const r = await runChild<{ buildMs: number; result: unknown }>({ task: 'engine-build', src: gen.dir, out: engineDir }, opts);
      const disk = diskFigures(engineDir);
      engine.build = { ms: round(r.value.buildMs, 0), peakRssMB: MBf(r.peakRssBytes), disk, indexBytes: disk.indexBytes, result: r.value.result };
      log(`${size}: engine built in ${Math.round(r.value.buildMs)} ms, peak ${MBf(r.peakRssBytes)} MB, ${MBf(disk.totalBytes)} MB on disk`);
    } catch (e) {
      engine.available = false;
      engine.error = String((e as Error).message).slice(0, 2000);
      log(`${size}: engine build failed: ${engine.error}`);
      // A build killed by the OOM killer leaves its temporary folder (a dot-sibling of the target) behind.
      for (const n of readdirSync(workDir)) if (n.startsWith(`.${basename(engineDir)}`)) rmSync(join(workDir, n), { recursive: true, force: true });
    }
  }

  if (mini.available) {
    log(`${size}: building the MiniSearch index ...`);
    try {
      const r = await runChild<{ buildMs: number; indexBytes: number }>({ task: 'mini-build', src: gen.dir, out: miniFile }, opts);
      mini.build = { ms: round(r.value.buildMs, 0), peakRssMB: MBf(r.peakRssBytes), disk: null, indexBytes: r.value.indexBytes };
      log(`${size}: MiniSearch built in ${Math.round(r.value.buildMs)} ms, peak ${MBf(r.peakRssBytes)} MB, ${MBf(r.value.indexBytes)} MB`);
    } catch (e) {
      mini.available = false;
      mini.error = String((e as Error).message).slice(0, 2000);
    }
  }

  const engineOpens: OpenValue[] = [];
  const miniOpens: OpenValue[] = [];
  const first = queries[0];
  for (let i = 0; i < (browserOnly || opts.buildOnly ? 0 : processes); i++) {
    // The first process of each engine also answers the query mix, after its load figures are taken.
    const withQueries = i === 0;
    if (engine.available) {
      log(`${size}: engine fresh process ${i + 1}/${processes}${withQueries ? ' (+ query mix)' : ''}`);
      try {
        const r = await runChild<OpenValue>(
          { task: 'engine-open', dir: engineDir, firstQuery: first.lunr, queries: withQueries ? queries : null, bounded: withQueries ? bounded : null },
          opts,
        );
        engineOpens.push(r.value);
      } catch (e) {
        engine.available = false;
        engine.error = String((e as Error).message).slice(0, 2000);
        log(`${size}: engine open failed: ${engine.error}`);
      }
    }
    if (mini.available) {
      log(`${size}: MiniSearch fresh process ${i + 1}/${processes}${withQueries ? ' (+ query mix)' : ''}`);
      try {
        const r = await runChild<OpenValue>(
          { task: 'mini-open', file: miniFile, first: first.mini, queries: withQueries ? queries : null, bounded: withQueries ? bounded : null },
          opts,
        );
        miniOpens.push(r.value);
      } catch (e) {
        mini.available = false;
        mini.error = String((e as Error).message).slice(0, 2000);
      }
    }
  }
  summarizeOpens(engine, engineOpens);
  summarizeOpens(mini, miniOpens);

  // The UI in Chromium against the HTTP host serving the archive built above (browser-bench.ts).
  let browser: BrowserFigures;
  if (opts.buildOnly) browser = browserFigures('not measured (--only build)');
  else if (!engine.build || !engine.available) browser = browserFigures(null, 'no archive to serve: the engine build or open failed');
  else {
    log(`${size}: browser figures (Chromium against the web host) ...`);
    try {
      browser = (await runChild<BrowserFigures>({ task: 'browser', archiveDir: engineDir, quick: processes === 1 }, { ...opts, timeoutMs: 30 * 60 * 1000 })).value;
    } catch (e) {
      browser = browserFigures(null, String((e as Error).message).slice(0, 2000));
    }
    log(`${size}: browser: ${browser.error ?? `keystroke p95 ${browser.keystrokeToPaintP95Ms} ms, open with highlights ${browser.openArticle500HighlightsMs} ms`}`);
  }

  return {
    size,
    generated: { dir: gen.dir, bytes: gen.bytes, words: gen.words, ms: round(gen.ms, 0) ?? 0, cached: gen.cached },
    queries: queries.length,
    engine,
    minisearch: mini,
    ratios: {
      searchReady: ratio(engine.load?.searchReadyMs, mini.load?.searchReadyMs),
      rss: ratio(engine.load?.rssMB, mini.load?.rssMB),
      p50: ratio(engine.query?.p50Ms, mini.query?.p50Ms),
      p95: ratio(engine.query?.p95Ms, mini.query?.p95Ms),
      build: ratio(engine.build?.ms, mini.build?.ms),
      buildPeakRss: ratio(engine.build?.peakRssMB, mini.build?.peakRssMB),
      indexBytes: ratio(engine.build?.indexBytes, mini.build?.indexBytes),
    },
    browser,
  };
}

function summarizeOpens(section: EngineSection, opens: OpenValue[]) {
  if (opens.length === 0) return;
  const samples = opens.map((o) => ({ openMs: round(o.open.openMs, 1)!, searchReadyMs: round(o.open.searchReadyMs, 1)!, rssMB: MBf(o.open.rssBytes)! }));
  section.load = {
    processes: opens.length,
    openMs: round(median(opens.map((o) => o.open.openMs)), 1),
    searchReadyMs: round(median(opens.map((o) => o.open.searchReadyMs)), 1),
    rssMB: MBf(median(opens.map((o) => o.open.rssBytes))),
    heapUsedMB: MBf(median(opens.map((o) => o.open.heapUsedBytes))),
    articles: opens[0].open.articles,
    samples,
  };
  const q = opens[0].latency;
  section.query = q
    ? {
        ...q,
        p50Ms: round(q.p50Ms, 3),
        p95Ms: round(q.p95Ms, 3),
        maxMs: round(q.maxMs, 3),
        meanMs: round(q.meanMs, 3),
        byKind: Object.fromEntries(Object.entries(q.byKind).map(([k, v]) => [k, { ...v, p50Ms: round(v.p50Ms, 3), p95Ms: round(v.p95Ms, 3) }])),
      }
    : null;
  section.bounded = opens[0].bounded?.map((b) => ({ ...b, ms: round(b.ms, 1)! })) ?? null;
}
