/**
 * Mapping a request path to a file of the built renderer, for both the HTTP
 * host and Electron's app:// protocol. Plain Node, no electron import.
 *
 * The path is decoded, normalized and then checked to stay inside the renderer
 * folder, so `..`, encoded slashes and absolute paths cannot reach other files.
 * Paths without a file extension fall back to index.html (client-side routes).
 */
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that `pathname` (a URL path, still percent-encoded)
 * names, or null when it would escape `root` or is malformed.
 */
export function resolveStaticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // A ".." segment is never a link the renderer made: refuse rather than clamp.
  if (decoded.split('/').includes('..')) return null;
  let rel = normalize(decoded).replace(/^[/\\]+/, '');
  if (rel === '' || rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
  else if (extname(rel) === '') rel = 'index.html';
  const base = resolve(root);
  const file = resolve(base, rel);
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

/** Headers every renderer file is served with (besides the CSP, added by each host, and the opener policy below). */
export const STATIC_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-cache',
};

/**
 * The HTTP host's page, as a document, cuts any window of another site off from it
 * (`Cross-Origin-Opener-Policy: same-origin`) when that site opened it: a page that
 * followed a passage link, or called `window.open`, keeps no handle to navigate or
 * watch the reader's tab. A page the person opened themselves (an address typed or
 * bookmarked, `npm start` opening the browser: `Sec-Fetch-Site: none`) or the app
 * itself (`same-origin`) has no such opener, and gets no policy: in Chromium the
 * policy moves the page into a new browsing context group, that is a new renderer
 * process, and that cost 200-230 ms of every start on two cores (docs/benchmarks.md).
 * Without Sec-Fetch-Site (an older browser) the policy is sent.
 *
 * Electron's window needs none (app-protocol.ts): nothing outside the app can open it
 * or hold a handle to it (security.ts refuses new windows and navigations away).
 */
export function documentOpenerHeaders(secFetchSite: string | string[] | undefined): Record<string, string> {
  const openedByPersonOrApp = secFetchSite === 'none' || secFetchSite === 'same-origin';
  return { Vary: 'Sec-Fetch-Site', ...(openedByPersonOrApp ? {} : { 'Cross-Origin-Opener-Policy': 'same-origin' }) };
}
