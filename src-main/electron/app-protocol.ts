/**
 * The production renderer's home: app://archive/. IndexedDB (where every note
 * lives) is keyed by origin, so the renderer is served from this fixed custom
 * origin (never file://, never a port) and the origin stays the same across
 * versions, install folders and platforms. The scheme is registered as
 * standard (real origin, relative URLs) and secure (a secure context: IndexedDB,
 * crypto.randomUUID), with fetch support and nothing else.
 */
import { protocol, type Session } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { APP_HOST, APP_ORIGIN, APP_PROTOCOL } from '../shared/origin';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { contentType, resolveStaticPath, STATIC_HEADERS } from '../web/static-files';

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

/** Answer an app:// request from `rendererDir`; only host "archive", only GET/HEAD. */
export async function appProtocolResponse(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Content-Type': 'text/plain; charset=utf-8' };
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return new Response('Unknown host.', { status: 404, headers });
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed.', { status: 405, headers });
  const file = resolveStaticPath(rendererDir, url.pathname);
  if (!file || !(await stat(file).then((s) => s.isFile(), () => false))) {
    return new Response('Not found.', { status: 404, headers });
  }
  const body = request.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, {
    status: 200,
    headers: { ...STATIC_HEADERS, 'Content-Type': contentType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/** Serve out/renderer on app:// for this session. */
export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_PROTOCOL, (request) => appProtocolResponse(rendererDir, request));
}
