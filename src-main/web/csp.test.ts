/**
 * One policy everywhere: the header Electron and the web host send, and the
 * <meta> copy in the renderer's index.html, must say the same thing, and it
 * must stay strict (no inline or remote scripts, no remote origins at all).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../shared/csp';

const parse = (policy: string) =>
  Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name, sources.join(' ')];
      }),
  );

test('the policy is strict: scripts only from the app, no remote origins, no eval, no plugins, no framing', () => {
  const p = parse(CONTENT_SECURITY_POLICY);
  expect(p['script-src']).toBe("'self'");
  expect(p['default-src']).toBe("'self'");
  expect(p['object-src']).toBe("'none'");
  expect(p['frame-ancestors']).toBe("'none'");
  expect(p['base-uri']).toBe("'none'");
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*|ws:/);
});

test("the renderer's <meta> policy matches the header (frame-ancestors only works as a header)", () => {
  const html = readFileSync(resolve(import.meta.dirname, '../../src-renderer/index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(meta, 'index.html has a CSP meta tag').toBeDefined();
  const { 'frame-ancestors': _headerOnly, ...expected } = CSP_DIRECTIVES;
  expect(parse(meta!)).toEqual(expected);
});
