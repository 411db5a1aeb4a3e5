/**
 * The HTTP host: the built renderer and the contract's API on 127.0.0.1, for
 * browsers and the end-to-end tests. It runs the same handlers (src-main/ipc)
 * over the same archive code as Electron's main process.
 *
 *   GET  /...             files of out/renderer (index.html for routes), with the CSP header
 *   POST /api/<method>    body: the JSON argument (empty = none); answer: the Result as JSON
 *   GET  /api/socket      a WebSocket for the calls made on every keystroke (api-socket.ts)
 *   any  /sync/db/...     the person's CouchDB database, with the stored credentials (src-main/sync/couch-proxy.ts)
 *
 * Results (including errors such as not-found) answer HTTP 200: errors are
 * data. Only transport refusals use other statuses (403 host/origin, 404 path,
 * 405 method, 413 body too large, 415 not JSON), still with a Result body.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { API_METHODS, type ApiMethod, type ImportLimits } from '../shared/contract';
import { BACKUP_FOLDER, BackupStore, MAX_BACKUP_BYTES } from '../backups/backup-store';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { APP_NAME } from '../shared/origin';
import { err, type Result } from '../shared/result';
import type { ArchiveSlot, SlotState } from '../ipc/archive-slot';
import { createHandlers, dispatch } from '../ipc/handlers';
import { archiveIdForDir } from '../archive/store/archive-id';
import type { ArchiveService } from '../archive/types';
import type { ResourceOptions } from '../archive/paths';
import { refuseReason } from './request-guard';
import { createApiSocket } from './api-socket';
import { ArchiveRegistry } from '../archives/registry';
import { ImportJobs } from '../archives/import-jobs';
import { importWorkerFor } from '../archives/import-thread';
import { contentType, documentOpenerHeaders, resolveStaticPath, STATIC_HEADERS } from './static-files';
import { SyncSettingsStore } from '../sync/sync-settings-store';
import { proxyToCouch, SYNC_PROXY_PREFIX } from '../sync/couch-proxy';

/** API bodies above this are refused (the web host cannot save files, so none needs more). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
export const BIND_ADDRESS = '127.0.0.1';
/**
 * backupWrite carries a whole backup: at most MAX_BACKUP_BYTES of UTF-8. A backup is JSON text, so inside the
 * request's JSON string it grows at most twofold (each quote, backslash or newline becomes two bytes; raw
 * control characters cannot occur in it), plus the envelope. Nothing larger can be a backup the store accepts.
 */
export const MAX_BACKUP_BODY_BYTES = MAX_BACKUP_BYTES * 2 + 1024;
const LARGE_BODY_METHODS: Partial<Record<ApiMethod, number>> = { backupWrite: MAX_BACKUP_BODY_BYTES };

/**
 * Where the web host keeps its data (backups/) when --data is not given: a
 * per-user folder, $XDG_DATA_HOME/archive-reader-web or ~/.local/share/archive-reader-web
 * (%LOCALAPPDATA% on Windows, ~/Library/Application Support on macOS).
 */
export function defaultWebDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const name = 'archive-reader-web';
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, name);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), name);
}

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** The built renderer; defaults to out/renderer of this checkout. */
  rendererDir?: string;
  /** An archive built by `cli ingest`; defaults to the bundled archive (resources/archive). */
  archiveDir?: string;
  /** Where the bundled archive and its pages are (default: the repository's resources/; tests give a copy). */
  resources?: ResourceOptions;
  /** An archive already opening (tests that share one); wins over archiveDir. */
  archive?: Promise<ArchiveService>;
  /** The open archive's id (AppInfo.archiveId); defaults to "bundled", or for archiveDir its archiveIdForDir. */
  archiveId?: string;
  version?: string;
  /** The host's data folder (backups go in <dataDir>/backups, imported archives in <dataDir>/archives); defaults to defaultWebDataDir(). */
  dataDir?: string;
  /** Caps on imports (tests use tiny ones); import-jobs.ts has the defaults. */
  importLimits?: Partial<ImportLimits>;
  /** false: imports build in this thread (tests that inject a failing disk, which a worker thread would not see). */
  importThread?: boolean;
  log?: (message: string) => void;
}

export interface WebHost {
  /** e.g. http://127.0.0.1:5174/ */
  url: string;
  port: number;
  /** Settles when the archive is open (or failed to open). */
  ready: Promise<SlotState>;
  slot: ArchiveSlot;
  registry: ArchiveRegistry;
  /** The folder automatic backups go to. */
  backupsDir: string;
  close(): Promise<void>;
}

/**
 * How long the page's idle connection stays open. Node closes it after 5 s by default: a person reading the
 * results that long made the next key's search open a new connection, and a request sent as Node closed the
 * old one could meet a reset. Chromium keeps an idle connection it has used for minutes.
 */
export const KEEP_ALIVE_MS = 120_000;

/**
 * `timing`: how long reading the request and the handler took, sent with the JSON's own time as a
 * Server-Timing header, so the page's Resource Timing (and the bench) can tell the host's work from the
 * network and from the page's own delay in reading the answer.
 */
function sendJson(res: ServerResponse, status: number, body: Result<unknown>, timing?: { readMs: number; handledMs: number }): void {
  const started = performance.now();
  const text = JSON.stringify(body);
  const jsonMs = performance.now() - started;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    ...(timing ? { 'Server-Timing': `read;dur=${timing.readMs.toFixed(1)}, handler;dur=${timing.handledMs.toFixed(1)}, json;dur=${jsonMs.toFixed(1)}` } : {}),
  });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function serveStatic(rendererDir: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const file = resolveStaticPath(rendererDir, pathname);
  const found = file ? await stat(file).then((s) => s.isFile(), () => false) : false;
  if (!file || !found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    res.end(file ? 'Not found.' : 'Bad path.');
    return;
  }
  const body = await readFile(file);
  const type = contentType(file);
  res.writeHead(200, {
    ...STATIC_HEADERS,
    ...(type.startsWith('text/html') ? documentOpenerHeaders(req.headers['sec-fetch-site']) : {}),
    'Content-Type': type,
    'Content-Length': body.length,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** out/renderer, two folders up from src-main/web. */
export function defaultRendererDir(): string {
  return resolve(import.meta.dirname, '..', '..', 'out', 'renderer');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? ((m: string) => console.log(m));
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const dataDir = resolve(options.dataDir ?? defaultWebDataDir());
  // The archives of this data folder (the bundled one, or --archive's, and each import); the one last used opens.
  const registry = new ArchiveRegistry({
    dataDir,
    // Loaded lazily so that a caller passing its own archive never loads the archive core twice.
    openBundled: () => options.archive ?? import('./open-archive').then((m) => m.openArchiveAt(options.archiveDir, options.resources)),
    openDir: (dir) => import('./open-archive').then((m) => m.openArchiveAt(dir)),
    // The bundled archive (not one a caller passed, nor --archive's, which `cli ingest` rebuilds) can be rebuilt from its pages.
    rebuildBundled:
      options.archive || options.archiveDir !== undefined ? undefined : () => import('./open-archive').then((m) => m.rebuildAndOpenBundled(options.resources)),
    bundledName: options.archiveDir !== undefined ? basename(resolve(options.archiveDir)) : undefined,
    log,
  });
  const slot = registry.slot;
  const imports = new ImportJobs({ registry, limits: options.importLimits, worker: options.importThread === false ? null : importWorkerFor(undefined), log });
  const ready = registry.start().then(() => {
    const state = slot.current;
    if (state.status === 'ready') log(`web host: archive opened in ${slot.openMs} ms (${state.service.info().dir})`);
    else log(`web host: ${state.message}`);
    return state;
  });
  let port = options.port;
  const backupsDir = join(dataDir, BACKUP_FOLDER);
  const backups = new BackupStore(backupsDir, { log });
  const syncSettings = new SyncSettingsStore(dataDir);
  const handlers = createHandlers({
    sync: { get: () => syncSettings.get(), set: (req) => syncSettings.set(req), passphrase: () => syncSettings.passphrase() },
    backups: {
      write: (req) => backups.write(req),
      list: () => backups.list(),
      read: (name) => backups.read(name),
    },
    // No printToPdf: the browser renderer prints the HTML export through the browser's own print dialog.
    archive: slot,
    archives: { registry, imports },
    host: 'web',
    archiveId: options.archiveId ?? archiveIdForDir(options.archiveDir),
    appName: APP_NAME,
    version: options.version ?? '0.0.0',
    // Filled in once the port is known; passage links open the reader in this tab.
    get linkBase() {
      return `http://${BIND_ADDRESS}:${port}/#`;
    },
    log,
  });

  const server = createServer((req, res) => {
    void handle(req, res, performance.now()).catch((e: unknown) => {
      log(`web host: ${req.method} ${req.url} failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) sendJson(res, 500, err('internal', 'The server failed to answer.'));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 5000;
  const apiSocket = createApiSocket({ port: () => port, call: (method, arg) => dispatch(handlers, method, arg, log) });
  server.on('upgrade', (req, socket, head) => apiSocket.upgrade(req, socket, head));

  async function handle(req: IncomingMessage, res: ServerResponse, arrived: number): Promise<void> {
    const refused = refuseReason(req.headers, port, req.method);
    if (refused) {
      req.resume();
      sendJson(res, 403, err('invalid-argument', refused));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${BIND_ADDRESS}:${port}`);
    if (url.pathname === SYNC_PROXY_PREFIX || url.pathname.startsWith(`${SYNC_PROXY_PREFIX}/`)) {
      proxyToCouch(await syncSettings.target(), req, res);
      return;
    }
    if (url.pathname.startsWith('/upload/')) {
      await receiveUpload(url.pathname.slice('/upload/'.length), req, res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      if (req.method !== 'POST') {
        req.resume();
        res.setHeader('Allow', 'POST');
        sendJson(res, 405, err('invalid-argument', `Use POST for ${url.pathname}.`));
        return;
      }
      if (!(API_METHODS as readonly string[]).includes(method)) {
        req.resume();
        sendJson(res, 404, err('not-found', `Unknown method "${method}".`));
        return;
      }
      const type = req.headers['content-type'] ?? '';
      const limit = LARGE_BODY_METHODS[method as ApiMethod] ?? MAX_BODY_BYTES;
      const body = await readBody(req, limit);
      if (body === null) {
        sendJson(res, 413, err('too-large', `The request body is larger than ${limit} bytes.`));
        return;
      }
      let arg: unknown = undefined;
      if (body.length > 0) {
        // Only JSON: a form post from another page (a "simple" request) is refused here too.
        if (!/^application\/json\b/i.test(type)) {
          sendJson(res, 415, err('invalid-argument', 'Send the argument as application/json.'));
          return;
        }
        try {
          arg = JSON.parse(body.toString('utf8'));
        } catch {
          sendJson(res, 200, err('invalid-argument', `${method}: the body is not valid JSON.`));
          return;
        }
      }
      const handling = performance.now();
      const answer = await dispatch(handlers, method, arg, log);
      sendJson(res, 200, answer, { readMs: handling - arrived, handledMs: performance.now() - handling });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      res.setHeader('Allow', 'GET, HEAD');
      sendJson(res, 405, err('invalid-argument', `${req.method} is not accepted for ${url.pathname}.`));
      return;
    }
    await serveStatic(rendererDir, url.pathname, req, res);
  }

  /**
   * A batch of an import's files (archives/upload-batch.ts): raw bytes, so it has its own route and its own
   * size cap (the import's batch limit); only application/octet-stream, which another site cannot send
   * without a preflight this host never answers.
   */
  async function receiveUpload(jobId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('Allow', 'POST');
      sendJson(res, 405, err('invalid-argument', 'Use POST to upload files.'));
      return;
    }
    if (!/^j-[0-9a-f]{12}$/.test(jobId)) {
      req.resume();
      sendJson(res, 404, err('not-found', 'No such import.'));
      return;
    }
    if (!/^application\/octet-stream\b/i.test(req.headers['content-type'] ?? '')) {
      req.resume();
      sendJson(res, 415, err('invalid-argument', 'Send the files as application/octet-stream.'));
      return;
    }
    const body = await readBody(req, imports.limits.maxBatchBytes);
    if (body === null) {
      sendJson(res, 413, err('too-large', `An upload batch is larger than ${imports.limits.maxBatchBytes} bytes.`));
      return;
    }
    sendJson(res, 200, await imports.receive(jobId, body));
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, BIND_ADDRESS, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${BIND_ADDRESS}:${port}/`,
    port,
    ready,
    slot,
    registry,
    backupsDir,
    async close() {
      apiSocket.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await ready;
      await imports.close();
      await registry.close();
    },
  };
}
