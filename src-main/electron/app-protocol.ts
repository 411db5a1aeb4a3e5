/**
 * The production renderer's home: app://archive/. IndexedDB (where every note
 * lives) is keyed by origin, so the renderer is served from this fixed custom
 * origin (never file://, never a port) and the origin stays the same across
 * versions, install folders and platforms. The scheme is registered as
 * standard (real origin, relative URLs) and secure (a secure context: IndexedDB,
 * crypto.randomUUID), with fetch support and nothing else.
 *
 * `app://archive/sync/db/...` is the way to the person's CouchDB, as
 * `/sync/db` is on the web host (couch-proxy.ts): the page's CSP stays
 * `connect-src 'self'` and the password stays in this process.
 */
import { protocol, type Session } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { APP_HOST, APP_ORIGIN, APP_PROTOCOL } from '../shared/origin';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { contentType, resolveStaticPath, STATIC_HEADERS } from '../web/static-files';
import { proxyFetchToCouch, SYNC_PROXY_PREFIX } from '../sync/couch-proxy';
import type { SyncTarget } from '../sync/sync-settings-store';

/** Where sync requests go: the stored target while sync is on, else null. */
export type SyncTargetSource = () => Promise<SyncTarget | null>;

/** Must run before app 'ready'. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_PROTOCOL,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** URL the main window loads in production. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function isSyncPath(pathname: string): boolean {
  return pathname === SYNC_PROXY_PREFIX || pathname.startsWith(`${SYNC_PROXY_PREFIX}/`);
}

/** Answer an app:// request: the sync proxy under /sync/db (any method), else files of `rendererDir` (GET/HEAD); only host "archive". */
export async function appProtocolResponse(rendererDir: string, request: Request | { url: string; method: string }, sync?: SyncTargetSource): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Content-Type': 'text/plain; charset=utf-8' };
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return new Response('Unknown host.', { status: 404, headers });
  if (isSyncPath(url.pathname)) {
    if (!sync || !(request instanceof Request)) return new Response('Sync is not available here.', { status: 404, headers });
    return proxyFetchToCouch(await sync(), request, `${url.pathname}${url.search}`);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed.', { status: 405, headers });
  const file = resolveStaticPath(rendererDir, url.pathname);
  if (!file || !(await stat(file).then((s) => s.isFile(), () => false))) {
    return new Response('Not found.', { status: 404, headers });
  }
  const body = request.method === 'HEAD' ? null : await readFile(file);
  // No opener policy: nothing outside the app can open this window or hold a handle to it (static-files.ts).
  return new Response(body, {
    status: 200,
    headers: { ...STATIC_HEADERS, 'Content-Type': contentType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/** Serve out/renderer on app:// for this session, and the sync proxy when `sync` is given. */
export function serveRenderer(session: Session, rendererDir: string, sync?: SyncTargetSource): void {
  session.protocol.handle(APP_PROTOCOL, (request) => appProtocolResponse(rendererDir, request, sync));
}
