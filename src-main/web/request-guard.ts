/**
 * Who may talk to the HTTP host. It serves the archive (and, through the
 * renderer it serves, the person's notes) to one browser tab on this machine,
 * so a request is refused unless:
 *  - its Host header names this server (127.0.0.1:<port> or localhost:<port>),
 *    which defeats DNS-rebinding pages that resolve their own name to 127.0.0.1;
 *  - its Origin, when present, is this server's own origin, so a page on any
 *    other site or port cannot call the API or read its answers;
 *  - Sec-Fetch-Site, when the browser sends it, is not `cross-site`, except
 *    for a top-level GET navigation to a page: that is a person following a
 *    passage link from an exported file or another app, which must open the
 *    passage. It cannot read anything back, and the API (POST only) stays
 *    closed to other sites.
 * Requests without Origin (curl, the tests' fetch) are local processes, which
 * could read the files anyway.
 */
import type { IncomingHttpHeaders } from 'node:http';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** null when allowed, else the reason (sent back with 403). */
export function refuseReason(headers: IncomingHttpHeaders, port: number, method = 'GET'): string | null {
  const hosts = allowedHosts(port);
  const host = headers.host?.toLowerCase();
  if (!host || !hosts.includes(host)) return `Host "${host ?? ''}" is not this server (${hosts[0]}).`;
  const origin = headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return `Origin "${origin}" may not use this server.`;
  }
  const site = headers['sec-fetch-site'];
  const followingALink =
    (method === 'GET' || method === 'HEAD') && headers['sec-fetch-mode'] === 'navigate' && headers['sec-fetch-dest'] === 'document';
  if (site === 'cross-site' && !followingALink) return 'Cross-site requests are refused.';
  return null;
}
