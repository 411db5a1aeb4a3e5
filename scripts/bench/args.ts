/**
 * Command line of `npm run --silent bench -- [--json] [--sizes 1000,10000,50000] [--quick]
 * [--processes N] [--work DIR] [--heap MB] [--seed N] [--browser-only] [--only build] [--html N]`. Bad options get a clear message.
 */
import { parseCommandLine, type CommandLine } from '../../src-main/cli/command-line';
import { defaultWorkDir } from './paths';

export interface BenchOptions {
  json: boolean;
  sizes: number[];
  quick: boolean;
  /** Fresh processes per engine for open/load figures; null = by size (5, or 3 at >= 50,000). */
  processes: number | null;
  workDir: string;
  heapMb: number;
  seed: number | null;
  /** Only the browser figures: build this engine's archive and measure the UI; no MiniSearch, load or query figures. */
  browserOnly: boolean;
  /** 'build': only the index builds (this project's ingester and MiniSearch), no load, query or browser figures. */
  only: 'build' | null;
  /** Also build an archive of this many saved web pages (html-pages.ts); null: none. */
  html: number | null;
}

export const USAGE = `usage: npm run --silent bench -- [--json] [--sizes 1000,10000,50000] [--quick]
       [--processes N] [--work DIR] [--heap MB] [--seed N] [--browser-only] [--only build] [--html N]
  --json        one JSON object on stdout (progress goes to stderr)
  --sizes       archive sizes in articles (default 1000,10000; --quick: 1000)
  --quick       one fresh process per measurement (the CI variant)
  --processes   fresh processes per engine for load figures (default 5, 3 at >= 50,000)
  --work        where generated articles and indexes go (default: $TMPDIR/archive-reader-bench)
  --heap        V8 heap limit for child processes in MB (default 12288)
  --browser-only  build the archive and take only the browser figures (no MiniSearch,
                load, query or export figures): to re-measure the UI after a renderer change
  --only build  only the index builds (ingestion figures): no load, query, browser or export figures
  --html        also ingest N saved web pages made from the HTML fixtures (e.g. 2000)`;

export function parseArgs(argv: string[]): BenchOptions {
  if (argv.includes('--help') || argv.includes('-h')) throw new Error(USAGE);
  let values: CommandLine['values'];
  try {
    ({ values } = parseCommandLine(argv, {
      json: { type: 'boolean' },
      quick: { type: 'boolean' },
      sizes: { type: 'string' },
      processes: { type: 'string' },
      work: { type: 'string' },
      heap: { type: 'string' },
      seed: { type: 'string' },
      'browser-only': { type: 'boolean' },
      only: { type: 'string' },
      html: { type: 'string' },
    }));
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${USAGE}`);
  }
  const positive = (v: string, name: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: "${v}" is not a positive whole number\n${USAGE}`);
    return n;
  };
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const opts: BenchOptions = {
    json: values.json === true,
    quick: values.quick === true,
    sizes: (str('sizes') ?? '').split(',').filter((s) => s.trim() !== '').map((s) => positive(s.trim(), '--sizes')),
    processes: str('processes') !== undefined ? positive(str('processes')!, '--processes') : null,
    workDir: str('work') ?? defaultWorkDir(),
    heapMb: str('heap') !== undefined ? positive(str('heap')!, '--heap') : 12288,
    seed: str('seed') !== undefined ? positive(str('seed')!, '--seed') : null,
    browserOnly: values['browser-only'] === true,
    only: null,
    html: str('html') !== undefined ? positive(str('html')!, '--html') : null,
  };
  if (str('only') !== undefined) {
    if (str('only') !== 'build') throw new Error(`--only: "${str('only')}" is not a part the bench can run alone (only "build")\n${USAGE}`);
    opts.only = 'build';
  }
  if (opts.sizes.length === 0) opts.sizes = opts.quick ? [1000] : [1000, 10000];
  return opts;
}

export function processesFor(opts: BenchOptions, size: number): number {
  if (opts.processes) return opts.processes;
  if (opts.quick) return 1;
  return size >= 50_000 ? 3 : 5;
}
