/**
 * The built renderer (out/renderer/index.html, what app://archive and the web
 * host serve) keeps the strict CSP <meta> tag: the dev-only plugin that drops
 * it for `npm run dev` must not touch the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { CSP_DIRECTIVES } from '../../src-main/shared/csp';

const built = join(resolve(import.meta.dirname, '..', '..'), 'out/renderer/index.html');

test('out/renderer/index.html carries the production policy, with no dev additions and no inline script', () => {
  if (!existsSync(built)) throw new Error('out/renderer/index.html is missing: run "npm run build" first (npm test does).');
  const html = readFileSync(built, 'utf8');
  const metas = [...html.matchAll(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/g)].map((m) => m[1]);
  expect(metas).toHaveLength(1);
  const parsed = Object.fromEntries(
    metas[0].split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...sources] = d.split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );
  const { 'frame-ancestors': _headerOnly, ...expected } = CSP_DIRECTIVES;
  expect(parsed).toEqual(expected);
  expect(metas[0]).not.toMatch(/ws:|sha256|unsafe-eval|localhost/);
  // No inline scripts at all (the React Refresh preamble is a dev-server thing).
  expect([...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].every(([, attrs, body]) => /\bsrc=/.test(attrs) && body.trim() === '')).toBe(true);
});
