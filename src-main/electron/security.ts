/**
 * Session and web-contents hardening. The renderer shows scraped news pages
 * and the person's own Markdown, either of which could carry a payload, so
 * the shell assumes the page may be hostile:
 *  - every response gets the strict CSP header (the dev server's pages get the
 *    dev policy of dev-csp.ts: the same plus Vite's socket and React Refresh's
 *    preamble hash);
 *  - every permission request and check is denied (camera, notifications,
 *    clipboard reading, geolocation, HID/serial/USB devices...), except one:
 *    writing sanitized data to the clipboard, for our own main frame only, so
 *    "Copy with citation" (navigator.clipboard.write) works;
 *  - navigation away from the loaded page, redirects, new windows and
 *    <webview> are refused; links go out only through openExternal (ipc-bridge);
 *  - IPC is answered only for our own main frame (see isTrustedFrame).
 */
import type { Session, WebContents, WebFrameMain } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { APP_ORIGIN } from '../shared/origin';
import { DEV_CONTENT_SECURITY_POLICY } from './dev-csp';

/** The only permission ever granted, and only to a trusted origin's main frame. */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

/** Origins whose main frame may call the API: app://archive, plus the dev server in development. */
export function trustedOrigins(devServerUrl?: string): string[] {
  const origins = [APP_ORIGIN];
  if (devServerUrl) origins.push(originOf(devServerUrl) ?? '');
  return origins.filter(Boolean);
}

/** scheme://host[:port] of a URL; Node's URL says "null" for custom schemes, so build it by hand. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (!u.host) return null;
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** Only the top frame of a page loaded from a trusted origin; no iframes, no foreign pages. */
export function isTrustedFrame(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined, origins: readonly string[]): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && origins.includes(origin);
}

/** Whether `permission` may be granted to a request from `url` (`isMainFrame` false for iframes). */
export function permissionAllowed(permission: string, url: string | undefined, isMainFrame: boolean | undefined, origins: readonly string[]): boolean {
  if (permission !== ALLOWED_PERMISSION || isMainFrame === false || !url) return false;
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

export interface HardenSessionOptions {
  /** Origins of our own pages (trustedOrigins()). */
  origins: readonly string[];
  /** Development (the Vite dev server): send the dev policy instead of the production one. */
  dev?: boolean;
}

export function hardenSession(session: Session, { origins, dev = false }: HardenSessionOptions): void {
  const policy = dev ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details?.requestingUrl ?? contents?.getURL(), details?.isMainFrame, origins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(permission, details?.requestingUrl ?? requestingOrigin, details?.isMainFrame, origins),
  );
  session.setDevicePermissionHandler(() => false);
}

/** For every web contents the app creates (hooked on app 'web-contents-created'). */
export function hardenContents(contents: WebContents, log: (m: string) => void = console.warn, onFileDrop?: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    // A file or folder dropped onto the window arrives as a navigation to its file: URL: never followed, handed to the import.
    if (onFileDrop && url.startsWith('file:')) onFileDrop(url);
    else log(`archive-reader: navigation to ${url} refused`);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log(`archive-reader: redirect to ${url} refused`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('archive-reader: <webview> refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`archive-reader: new window for ${url} refused (links open through openExternal)`);
    return { action: 'deny' };
  });
}
