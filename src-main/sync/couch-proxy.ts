/**
 * The host's way through to the person's CouchDB: `/sync/db/<rest>` is sent
 * to `<server database URL>/<rest>` with the stored credentials added.
 *
 * Why a proxy rather than the page talking to the server: the renderer's CSP
 * stays `connect-src 'self'` (no per-person origin in it), CouchDB needs no
 * CORS setting for the app, and the password stays in the host, never in the
 * page. Only paths under the configured database are reachable, and only
 * while sync is on; cookies are neither sent nor passed back. Bodies stream
 * both ways, so a long-poll `_changes` request and a large `_bulk_docs` work.
 *
 * Two transports, one rule: the web host forwards Node's request and response
 * streams (proxyToCouch); Electron's app:// handler gets and returns Fetch
 * API objects (proxyFetchToCouch). Both go through upstreamUrl, the same
 * header lists and the same credentials.
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream';
import type { SyncTarget } from './sync-settings-store';

export const SYNC_PROXY_PREFIX = '/sync/db';

const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'content-length', 'if-match', 'if-none-match'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-length', 'etag', 'cache-control', 'transfer-encoding'];

function sendJson(res: ServerResponse, status: number, body: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

/** The upstream URL of a proxied path, or null when the path is not under the prefix. */
export function upstreamUrl(target: SyncTarget, pathAndQuery: string): URL | null {
  if (pathAndQuery !== SYNC_PROXY_PREFIX && !pathAndQuery.startsWith(`${SYNC_PROXY_PREFIX}/`) && !pathAndQuery.startsWith(`${SYNC_PROXY_PREFIX}?`)) {
    return null;
  }
  const rest = pathAndQuery.slice(SYNC_PROXY_PREFIX.length);
  const base = new URL(target.serverUrl);
  const [path, query] = splitOnce(rest, '?');
  // No way out of the database: no "..", no encoded slashes turning into another database's path.
  if (/(^|\/)\.\.?(\/|$)/.test(path) || /%2e%2e/i.test(path)) return null;
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  url.search = query === undefined ? '' : `?${query}`;
  return url;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const at = s.indexOf(sep);
  return at < 0 ? [s, undefined] : [s.slice(0, at), s.slice(at + 1)];
}

function authorization(target: SyncTarget): string | null {
  return target.user || target.password ? `Basic ${Buffer.from(`${target.user}:${target.password}`).toString('base64')}` : null;
}

function jsonResponse(status: number, body: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
}

/** The same forwarding for a Fetch API request (Electron's protocol handler): `pathAndQuery` is the request's path under the app's origin. */
export async function proxyFetchToCouch(target: SyncTarget | null, request: Request, pathAndQuery: string): Promise<Response> {
  if (!target) return jsonResponse(409, { error: 'sync_off', reason: 'Sync is off: set a server in Settings > Sync.' });
  const url = upstreamUrl(target, pathAndQuery);
  if (!url) return jsonResponse(404, { error: 'not_found', reason: 'Not a path of the sync database.' });
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    // content-length is the body's own; fetch sets it.
    if (value !== null && name !== 'content-length') headers.set(name, value);
  }
  const auth = authorization(target);
  if (auth) headers.set('authorization', auth);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let answer: Response;
  try {
    answer = await fetch(url, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      signal: request.signal,
      redirect: 'manual',
    });
  } catch (e) {
    return jsonResponse(502, { error: 'unreachable', reason: `The sync server cannot be reached: ${(e as Error).message}` });
  }
  const out = new Headers({ 'Cache-Control': 'no-store' });
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    // fetch has already undone the transfer encoding; its length may not be the decoded body's.
    if (name === 'transfer-encoding' || name === 'content-length') continue;
    const value = answer.headers.get(name);
    if (value !== null) out.set(name, value);
  }
  return new Response(answer.body, { status: answer.status, headers: out });
}

/**
 * How long the server may stay silent on an open request. CouchDB's long poll sends a heartbeat every 10 s
 * (PouchDB asks for `heartbeat=10000`), so a minute of silence is a dead connection (a laptop that slept, a
 * network that changed): the request is failed so the page's sync retries instead of waiting forever.
 */
export const UPSTREAM_IDLE_MS = 60_000;

/** Answer one `/sync/db/...` request by forwarding it. */
export function proxyToCouch(target: SyncTarget | null, req: IncomingMessage, res: ServerResponse, idleMs = UPSTREAM_IDLE_MS): void {
  if (!target) {
    req.resume();
    sendJson(res, 409, { error: 'sync_off', reason: 'Sync is off: set a server in Settings > Sync.' });
    return;
  }
  const url = upstreamUrl(target, req.url ?? '');
  if (!url) {
    req.resume();
    sendJson(res, 404, { error: 'not_found', reason: 'Not a path of the sync database.' });
    return;
  }
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const auth = authorization(target);
  if (auth) headers.authorization = auth;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(url, { method: req.method, headers }, (answer) => {
    const out: Record<string, string | string[]> = { 'Cache-Control': 'no-store' };
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (value !== undefined) out[name] = value;
    }
    res.writeHead(answer.statusCode ?? 502, out);
    // pipeline, not pipe: when the server goes away mid-answer (a long poll open while it restarts), pipe would
    // leave the page's request open forever and its live pull would wait on it without an error, never retrying.
    // pipeline destroys the page's response too, so the page sees a failed request and sync tries again.
    pipeline(answer, res, () => undefined);
  });
  upstream.setTimeout(idleMs, () => upstream.destroy(new Error(`the server sent nothing for ${Math.round(idleMs / 1000)} s`)));
  upstream.on('error', (e) => {
    if (!res.headersSent) sendJson(res, 502, { error: 'unreachable', reason: `The sync server cannot be reached: ${e.message}` });
    else res.destroy();
  });
  // The page gave up (a cancelled long poll): stop waiting on the server too.
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}
