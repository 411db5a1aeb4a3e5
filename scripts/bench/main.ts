/**
 * The benchmark: this project's search engine against MiniSearch at archive
 * scale. `npm run --silent bench -- --json [--sizes 1000,10000,50000] [--quick]`
 * prints one JSON object ({ machine, date, runs: [...], export }); without
 * --json, a readable table. Progress goes to stderr. See docs/benchmarks.md.
 *
 * The flow per size: generate (or reuse) a deterministic folder of articles,
 * build both indexes in fresh processes, open each in several fresh processes
 * (median figures), answer the same fixed query mix with both (run-size.ts).
 */
import { mkdirSync } from 'node:fs';
import { parseArgs, processesFor } from './args';
import { DEFAULT_SEED, generateArchive } from './generate';
import { describeMachine, type Machine } from './machine';
import { exportFigures, type ExportFigures } from './pending';
import { repoRoot } from './paths';
import { boundedQueries, buildQueryMix } from './queries';
import { formatReport } from './report';
import { runSize, type RunRow } from './run-size';
import { runChild } from './child-runner';
import { generateHtmlSet } from './html-pages';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { engineSourceHash } from './source-hash';
import { loadVocabulary } from './vocabulary';

export interface BenchReport {
  machine: Machine;
  date: string;
  options: { sizes: number[]; quick: boolean; seed: number; heapMb: number; browserOnly: boolean };
  /** Hash of src-main/archive/** at the start; `engineSourceChanged` if it differed at the end. */
  engineSource: string | null;
  engineSourceChanged: boolean;
  runs: RunRow[];
  /** `--html N`: N saved web pages (html-pages.ts) ingested in a fresh process. */
  html: { pages: number; bytes: number; ms: number | null; peakRssMB: number | null; result: unknown; error: string | null } | null;
  export: ExportFigures;
  durationMs: number;
}

export async function runBench(argv: string[]): Promise<BenchReport> {
  const opts = parseArgs(argv);
  const started = performance.now();
  const machine = describeMachine();
  const date = new Date().toISOString();
  const engineSource = engineSourceHash();
  mkdirSync(opts.workDir, { recursive: true });
  const vocab = loadVocabulary(repoRoot());
  const queries = buildQueryMix(vocab);
  const bounded = boundedQueries(vocab);
  const seed = opts.seed ?? DEFAULT_SEED;
  const runs: RunRow[] = [];
  for (const size of opts.sizes) {
    process.stderr.write(`[bench] ${size}: generating articles ...\n`);
    const gen = generateArchive(vocab, opts.workDir, size, seed, (done, total) => {
      if (done % 10000 === 0) process.stderr.write(`[bench] ${size}: generated ${done}/${total}\n`);
    });
    runs.push(
      await runSize(gen, opts.workDir, queries, bounded, processesFor(opts, size), {
        heapMb: opts.heapMb,
        timeoutMs: 60 * 60 * 1000,
        buildOnly: opts.only === 'build',
      }, opts.browserOnly),
    );
  }
  let html: BenchReport['html'] = null;
  if (opts.html) {
    process.stderr.write(`[bench] ${opts.html} HTML pages: generating ...\n`);
    const set = generateHtmlSet(vocab, opts.workDir, opts.html, seed);
    const out = join(opts.workDir, `engine-html-${opts.html}`);
    rmSync(out, { recursive: true, force: true });
    try {
      const r = await runChild<{ buildMs: number; result: unknown }>({ task: 'engine-build', src: set.dir, out }, { heapMb: opts.heapMb, timeoutMs: 60 * 60 * 1000 });
      html = { pages: set.pages, bytes: set.bytes, ms: Math.round(r.value.buildMs), peakRssMB: Math.round((r.peakRssBytes / 1024 / 1024) * 10) / 10, result: r.value.result, error: null };
      process.stderr.write(`[bench] ${opts.html} HTML pages built in ${html.ms} ms, peak ${html.peakRssMB} MB\n`);
    } catch (e) {
      html = { pages: set.pages, bytes: set.bytes, ms: null, peakRssMB: null, result: null, error: String((e as Error).message).slice(0, 2000) };
    }
  }
  let exp: ExportFigures;
  if (opts.only === 'build') exp = { figures: null, pending: 'not measured (--only build)', error: null };
  else if (opts.browserOnly) exp = { figures: null, pending: 'not measured (--browser-only)', error: null };
  else {
    process.stderr.write('[bench] export figures ...\n');
    exp = await exportFigures();
  }
  return {
    machine,
    date,
    options: { sizes: opts.sizes, quick: opts.quick, seed, heapMb: opts.heapMb, browserOnly: opts.browserOnly },
    engineSource,
    engineSourceChanged: engineSourceHash() !== engineSource,
    runs,
    html,
    export: exp,
    durationMs: Math.round(performance.now() - started),
  };
}

async function main() {
  const argv = process.argv.slice(2);
  let report: BenchReport;
  try {
    report = await runBench(argv);
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const json = argv.includes('--json');
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
}

await main();
