/**
 * Starting the browser host the way a person meets it: `npm run web`, and
 * `npm start` where Electron cannot run.
 *
 * Owns the decisions around startWebHost: which data folder (one per archive,
 * so two hosts serving different archives never share notes or backups),
 * which port (the folder's remembered one: see port-memory.ts), what is
 * printed (the URL on a line of its own), and opening the default browser.
 */
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { openInBrowser } from './open-browser';
import { choosePort, releaseLock, runningHost, writeLock } from './port-memory';
import { defaultWebDataDir, startWebHost, type WebHost } from './server';

export interface LaunchOptions {
  /** undefined: the data folder's own port; 0: any free port, not remembered. */
  port?: number;
  /** An archive built by `cli ingest`; undefined: the bundled one. */
  archiveDir?: string;
  rendererDir?: string;
  /** Overrides the data folder chosen for the archive. */
  dataDir?: string;
  /** Open the default browser once serving. */
  open: boolean;
  version: string;
  /** One sentence saying why the app is in a browser, printed first. */
  reason?: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

export type Launch = { kind: 'serving'; host: WebHost; dataDir: string; stop: () => Promise<void> } | { kind: 'done'; exitCode: number };

/**
 * The data folder for an archive: the per-user folder for the bundled
 * archive, and a sub-folder named after any other archive's path, so each
 * archive gets its own port (and so its own notes database in the browser).
 */
export function dataDirForArchive(archiveDir: string | undefined, base: string = defaultWebDataDir()): string {
  if (archiveDir === undefined) return base;
  const abs = resolve(archiveDir);
  const slug = basename(abs).replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40) || 'archive';
  return join(base, 'archives', `${slug}-${createHash('sha256').update(abs).digest('hex').slice(0, 8)}`);
}

export async function launchWebHost(options: LaunchOptions): Promise<Launch> {
  const out = options.out ?? ((l: string) => console.log(l));
  const errOut = options.err ?? ((l: string) => console.error(l));
  const dataDir = resolve(options.dataDir ?? dataDirForArchive(options.archiveDir));
  if (options.reason) out(options.reason);

  if (options.port !== 0) {
    const running = runningHost(dataDir);
    if (running) {
      out('Archive Reader is already running for this data folder:');
      out(running.url);
      if (options.open) openInBrowser(running.url);
      return { kind: 'done', exitCode: 0 };
    }
  }
  const choice = await choosePort(dataDir, options.port);
  if (choice.kind === 'taken') {
    errOut(choice.message);
    return { kind: 'done', exitCode: 1 };
  }
  if (choice.note) errOut(choice.note);

  let host: WebHost;
  try {
    host = await startWebHost({
      port: choice.port,
      rendererDir: options.rendererDir,
      archiveDir: options.archiveDir,
      dataDir,
      version: options.version,
      log: () => undefined,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      errOut(
        `Port ${choice.port} on 127.0.0.1 cannot be used (${code === 'EACCES' ? 'permission denied' : 'in use by another program'}). ` +
          `Free it and start again${choice.remembered ? ': your notes in this browser belong to that port' : ', or choose another with --port <n>'}.`,
      );
      return { kind: 'done', exitCode: 1 };
    }
    throw e;
  }
  if (options.port !== 0) writeLock(dataDir, host.url);
  const state = await host.ready;
  out('Archive Reader is running at:');
  out(host.url);
  if (state.status !== 'ready') errOut(`The archive could not be opened: ${state.message}`);
  out(`Notes are kept by your browser for this address; backups in ${host.backupsDir}. Press Ctrl+C to stop.`);
  if (options.open && !openInBrowser(host.url)) out('Open that address in your browser.');
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= host.close().finally(() => {
      if (options.port !== 0) releaseLock(dataDir);
    }));
  return { kind: 'serving', host, dataDir, stop };
}

/** Keeps serving until Ctrl+C (or SIGTERM), then closes and exits 0. */
export function serveUntilInterrupted(launch: Launch): void {
  if (launch.kind === 'done') {
    process.exitCode = launch.exitCode;
    return;
  }
  const stop = () => {
    void launch.stop().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
