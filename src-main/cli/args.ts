/**
 * Command-line parsing for the CLI (node:util parseArgs, through
 * command-line.ts): positional words, `--flag value` options and boolean
 * switches, with a clear error for anything unknown. Kept apart from main.ts
 * so it can be tested without running commands.
 */
import { parseCommandLine, UsageError } from './command-line';

export { UsageError };

export interface ParsedArgs {
  command: string | null;
  positional: string[];
  options: Record<string, string>;
  flags: Set<string>;
}

const VALUE_OPTIONS = ['archive', 'limit', 'kind', 'from', 'to', 'out', 'offset'] as const;

/** The command, its positional words, `--name value` options and `--json`/`--help` switches. */
export function parseArgs(argv: string[]): ParsedArgs {
  const { values, positionals } = parseCommandLine(argv, {
    ...Object.fromEntries(VALUE_OPTIONS.map((name) => [name, { type: 'string' as const }])),
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const options: Record<string, string> = {};
  for (const name of VALUE_OPTIONS) if (typeof values[name] === 'string') options[name] = values[name];
  const flags = new Set((['json', 'help'] as const).filter((f) => values[f] === true));
  const [command, ...positional] = positionals;
  return { command: command ?? null, positional, options, flags };
}

export function intOption(o: Record<string, string>, name: string, min: number, max: number): number | undefined {
  if (o[name] === undefined) return undefined;
  const n = Number(o[name]);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got “${o[name]}”)`);
  return n;
}
