/**
 * Command line of `npm run --silent bench -- [--json] [--sizes 1000,10000,50000] [--quick]
 * [--processes N] [--work DIR] [--heap MB] [--seed N]`. Bad options get a clear message.
 */
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
}

export const USAGE = `usage: npm run --silent bench -- [--json] [--sizes 1000,10000,50000] [--quick]
       [--processes N] [--work DIR] [--heap MB] [--seed N]
  --json        one JSON object on stdout (progress goes to stderr)
  --sizes       archive sizes in articles (default 1000,10000; --quick: 1000)
  --quick       one fresh process per measurement (the CI variant)
  --processes   fresh processes per engine for load figures (default 5, 3 at >= 50,000)
  --work        where generated articles and indexes go (default: $TMPDIR/archive-reader-bench)
  --heap        V8 heap limit for child processes in MB (default 12288)`;

export function parseArgs(argv: string[]): BenchOptions {
  const opts: BenchOptions = { json: false, sizes: [], quick: false, processes: null, workDir: defaultWorkDir(), heapMb: 12288, seed: null };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
    return v;
  };
  const positive = (v: string, name: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: "${v}" is not a positive whole number\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--json':
        opts.json = true;
        break;
      case '--quick':
        opts.quick = true;
        break;
      case '--sizes':
        opts.sizes = value(i, a).split(',').map((s) => positive(s.trim(), a));
        i++;
        break;
      case '--processes':
        opts.processes = positive(value(i, a), a);
        i++;
        break;
      case '--work':
        opts.workDir = value(i, a);
        i++;
        break;
      case '--heap':
        opts.heapMb = positive(value(i, a), a);
        i++;
        break;
      case '--seed':
        opts.seed = positive(value(i, a), a);
        i++;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option "${a}"\n${USAGE}`);
    }
  }
  if (opts.sizes.length === 0) opts.sizes = opts.quick ? [1000] : [1000, 10000];
  return opts;
}

export function processesFor(opts: BenchOptions, size: number): number {
  if (opts.processes) return opts.processes;
  if (opts.quick) return 1;
  return size >= 50_000 ? 3 : 5;
}
