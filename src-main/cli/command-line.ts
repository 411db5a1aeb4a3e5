/**
 * The one command-line parser of the CLI and the scripts: node:util's
 * parseArgs (strict, positionals allowed), with two things it does not do.
 * Its errors become a UsageError with a short message ("unknown option
 * --colour", "--limit needs a value"); and a word that starts with a single
 * "-" but is no declared short option stays a positional, so a search such as
 * `search "-drug border"` needs no `--` before it.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandLine {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Placeholder prefix for held words: a NUL can never come from a shell argument. */
const HELD = '\u0000';

export function parseCommandLine(argv: readonly string[], options: Options): CommandLine {
  const shorts = new Set(Object.values(options).map((o) => o.short).filter((s): s is string => !!s));
  const held: string[] = [];
  const args = argv.map((a) => (/^-[^-]/.test(a) && !shorts.has(a.slice(1)) ? `${HELD}${held.push(a) - 1}` : a));
  let parsed: { values: CommandLine['values']; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (e) {
    throw new UsageError(shortMessage(e));
  }
  return {
    values: parsed.values,
    positionals: parsed.positionals.map((p) => (p.startsWith(HELD) ? held[Number(p.slice(1))]! : p)),
  };
}

function shortMessage(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const message = err.message ?? String(e);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `${option} needs a value`;
  return message.split('\n')[0]!;
}
