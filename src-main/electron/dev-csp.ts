/**
 * `npm run dev` only: the few things Vite's dev server needs that the strict
 * policy forbids, and nothing else.
 *  - connect-src ws://localhost:* ws://127.0.0.1:*: the dev client's hot-reload socket;
 *  - script-src 'sha256-…' of React Refresh's inline preamble, which
 *    @vitejs/plugin-react injects into index.html in dev (a hash, not
 *    'unsafe-inline': any other inline script stays blocked);
 *  - the <meta> CSP copy in src-renderer/index.html is dropped by a tiny Vite
 *    plugin when serving (a <meta> policy cannot be relaxed by a header, the
 *    stricter of the two wins), and kept in the build.
 * The production policy (shared/csp.ts) is untouched; dev-csp.test.ts checks
 * the preamble copy below still matches plugin-react's, and the built
 * out/renderer/index.html still carries the strict <meta> policy.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { CSP_DIRECTIVES } from '../shared/csp';

/** @vitejs/plugin-react's preamble with base "/" (its `preambleCode`). */
export const REACT_REFRESH_PREAMBLE = `import { injectIntoGlobalHook } from "/@react-refresh";
injectIntoGlobalHook(window);
window.$RefreshReg$ = () => {};
window.$RefreshSig$ = () => (type) => type;`;

export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

export const DEV_CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  ...CSP_DIRECTIVES,
  'script-src': `${CSP_DIRECTIVES['script-src']} ${scriptHash(REACT_REFRESH_PREAMBLE)}`,
  'connect-src': `${CSP_DIRECTIVES['connect-src']} ws://localhost:* ws://127.0.0.1:*`,
};

export const DEV_CONTENT_SECURITY_POLICY = Object.entries(DEV_CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

const CSP_META = /[ \t]*<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>\s*\n?/gi;

/** index.html without its CSP <meta> tag(s). */
export function stripCspMeta(html: string): string {
  return html.replace(CSP_META, '');
}

/** Vite plugin: drop the <meta> CSP while serving (dev); the build keeps it. */
export function devCspPlugin(): Plugin {
  let serving = false;
  return {
    name: 'archive-reader:dev-csp',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => (serving ? stripCspMeta(html) : html),
    },
  };
}
