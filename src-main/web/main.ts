/**
 * `npm run web -- --port <n> [--archive <dir>] [--renderer <dir>] [--data <dir>]`
 *
 * Serves the built renderer and the API on 127.0.0.1 only and prints the URL
 * (`--port 0` picks a free port; the printed line says which). Backups go to
 * <data>/backups (default: a per-user folder, see defaultWebDataDir). Stops on Ctrl+C.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultRendererDir, startWebHost } from './server';

const USAGE = 'usage: npm run web -- --port <n> [--archive <dir>] [--renderer <dir>] [--data <dir>]';

function fail(message: string): never {
  console.error(`web: ${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '5174' },
        archive: { type: 'string' },
        renderer: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got "${values.port}"`);
  const rendererDir = values.renderer ? resolve(values.renderer) : defaultRendererDir();
  if (!existsSync(resolve(rendererDir, 'index.html'))) fail(`no built renderer in ${rendererDir}: run "npm run build" first`);
  if (values.archive !== undefined && !existsSync(values.archive)) fail(`--archive ${values.archive}: no such folder`);

  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  if (values.data !== undefined && values.data.trim() === '') fail('--data needs a folder');
  const host = await startWebHost({
    port,
    rendererDir,
    archiveDir: values.archive,
    version: pkg.version,
    ...(values.data !== undefined ? { dataDir: resolve(values.data) } : {}),
  });
  // Tests and scripts read this line to find the port.
  console.log(`Archive Reader is being served at ${host.url}`);
  console.log(`Backups are kept in ${host.backupsDir}`);
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`web: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
