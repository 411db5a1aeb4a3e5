/**
 * Command line of `npm run --silent bench -- [--json] [--sizes 1000,10000,50000] [--quick]
 * [--processes N] [--work DIR] [--heap MB] [--seed N] [--browser-only]`. Bad options get a clear message.
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
}

export const USAGE = `usage: npm run --silent bench -- [--json] [--sizes 1000,10000,50000] [--quick]
       [--processes N] [--work DIR] [--heap MB] [--seed N] [--browser-only]
  --json        one JSON object on stdout (progress goes to stderr)
  --sizes       archive sizes in articles (default 1000,10000; --quick: 1000)
  --quick       one fresh process per measurement (the CI variant)
  --processes   fresh processes per engine for load figures (default 5, 3 at >= 50,000)
  --work        where generated articles and indexes go (default: $TMPDIR/archive-reader-bench)
  --heap        V8 heap limit for child processes in MB (default 12288)
  --browser-only  build the archive and take only the browser figures (no MiniSearch,
                load, query or export figures): to re-measure the UI after a renderer change`;

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
  };
  if (opts.sizes.length === 0) opts.sizes = opts.quick ? [1000] : [1000, 10000];
  return opts;
}

export function processesFor(opts: BenchOptions, size: number): number {
  if (opts.processes) return opts.processes;
  if (opts.quick) return 1;
  return size >= 50_000 ? 3 : 5;
}
