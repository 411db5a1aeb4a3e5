/**
 * Command-line parsing for the CLI: positional words, `--flag value` options
 * and boolean switches, with a clear error for anything unknown. Kept apart
 * from main.ts so it can be tested without running commands.
 */

export interface ParsedArgs {
  command: string | null;
  positional: string[];
  options: Record<string, string>;
  flags: Set<string>;
}

export class UsageError extends Error {}

const VALUE_OPTIONS = new Set(['archive', 'limit', 'kind', 'from', 'to', 'out', 'offset']);
const FLAGS = new Set(['json', 'help']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (FLAGS.has(name)) flags.add(name);
      else if (VALUE_OPTIONS.has(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        options[name] = v;
      } else throw new UsageError(`unknown option --${name}`);
    } else if (a === '-h') flags.add('help');
    else positional.push(a);
  }
  return { command: positional.shift() ?? null, positional, options, flags };
}

export function intOption(o: Record<string, string>, name: string, min: number, max: number): number | undefined {
  if (o[name] === undefined) return undefined;
  const n = Number(o[name]);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got “${o[name]}”)`);
  return n;
}
