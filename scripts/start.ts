/**
 * `npm start`: the app, in Electron where it can run, else the same UI in the
 * default browser, served on 127.0.0.1.
 *
 *  1. builds the bundled archive and out/ when stale (a few seconds when not);
 *  2. makes sure Electron's binary is there, fetching it once if not;
 *  3. opens the Electron window; or, when the binary cannot be had, there is no
 *     display, or Electron exits at once with an error, says why in one
 *     sentence and serves the browser UI (src-main/web/launch.ts) until Ctrl+C.
 *
 * Options: --web (skip Electron), --no-open (do not open a browser), and the
 * browser host's own: --port, --data, --archive, --renderer.
 * `--dev` runs `electron-vite dev` instead (npm run dev); it needs Electron.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ensureBundledArchiveStatus } from '../src-main/archive/index';
import { launchWebHost, serveUntilInterrupted } from '../src-main/web/launch';
import { packageVersion, parseWebArgs, requireBuiltRenderer } from '../src-main/web/web-args';
import { buildIfStale } from './build-if-stale';
import { ensureElectron } from './electron-binary';

const root = resolve(import.meta.dirname, '..');
/** An Electron that exits with an error sooner than this never showed the app: fall back to the browser. */
const EARLY_EXIT_MS = 15_000;

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function runElectronVite(args: string[]): Promise<{ code: number; early: boolean }> {
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const started = Date.now();
  const child = spawn(bin, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  // Ctrl+C reaches Electron through the terminal's process group; wait for it rather than die first.
  process.on('SIGINT', () => undefined);
  return new Promise((done) => {
    child.on('exit', (code, signal) => done({ code: code ?? (signal ? 0 : 1), early: Date.now() - started < EARLY_EXIT_MS }));
    child.on('error', () => done({ code: 1, early: true }));
  });
}

async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2), { web: { type: 'boolean' }, 'no-open': { type: 'boolean' }, dev: { type: 'boolean' } });
  if (args.archive === undefined) {
    const s = await ensureBundledArchiveStatus();
    if (s.rebuilt) console.log(`Built the bundled archive (${s.reason}).`);
  }
  if (buildIfStale()) console.log('Built the app.');
  requireBuiltRenderer(args.renderer);

  let reason: string | undefined;
  if (args.web === true) {
    reason = undefined;
  } else {
    const electron = await ensureElectron((line) => console.log(line));
    if (!electron.ok) {
      reason = `Electron's binary could not be downloaded (${electron.reason}), so Archive Reader opens in your browser instead.`;
    } else if (!hasDisplay()) {
      reason = 'There is no display to open a window on, so Archive Reader is served for a browser instead.';
    } else {
      const run = await runElectronVite(args.dev === true ? ['dev'] : ['preview', '--skipBuild']);
      if (run.code === 0 || !run.early || args.dev === true) process.exit(run.code);
      reason = `Electron could not start here (exit code ${run.code}), so Archive Reader opens in your browser instead.`;
    }
  }
  if (args.dev === true) {
    console.error(`${reason ?? 'npm run dev needs Electron.'} For the browser, use npm run web.`);
    process.exit(1);
  }
  serveUntilInterrupted(
    await launchWebHost({
      port: args.port,
      archiveDir: args.archive,
      rendererDir: args.renderer,
      dataDir: args.data,
      open: args['no-open'] !== true,
      version: packageVersion(),
      reason,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(`start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
