/**
 * The options of `npm run web` and `npm start`, parsed once with node:util's
 * parseArgs and checked; a bad one exits 2 with a usage line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultRendererDir } from './server';

export const USAGE = 'usage: npm run web -- [--port <n>] [--archive <dir>] [--data <dir>] [--renderer <dir>] [--open]';

function fail(message: string): never {
  console.error(`web: ${message}\n${USAGE}`);
  process.exit(2);
}

export interface WebArgs {
  port?: number;
  archive?: string;
  data?: string;
  renderer: string;
  open: boolean;
}

/** Parses and checks the options shared by `npm run web` and `npm start`; exits 2 with a usage line on bad ones. */
export function parseWebArgs(argv: string[], extra: Record<string, { type: 'boolean' }> = {}): WebArgs & Record<string, unknown> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        archive: { type: 'string' },
        renderer: { type: 'string' },
        data: { type: 'string' },
        open: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
        ...extra,
      },
      strict: true,
    }));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(String(values.port)) || port > 65535) fail(`--port must be 0..65535, got "${String(values.port)}"`);
  }
  const renderer = typeof values.renderer === 'string' ? resolve(values.renderer) : defaultRendererDir();
  const archive = typeof values.archive === 'string' ? values.archive : undefined;
  if (archive !== undefined && !existsSync(archive)) fail(`--archive ${archive}: no such folder`);
  const data = typeof values.data === 'string' ? values.data : undefined;
  if (data !== undefined && data.trim() === '') fail('--data needs a folder');
  return { ...values, port, archive, data, renderer, open: values.open === true };
}

/** Exits 2 when the renderer has not been built into `dir`. */
export function requireBuiltRenderer(dir: string): void {
  if (!existsSync(resolve(dir, 'index.html'))) fail(`no built renderer in ${dir}: run "npm run build" first`);
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

