/**
 * The development policy: only what Vite's dev client needs on top of the
 * production policy, the React Refresh preamble hash still matching what
 * @vitejs/plugin-react injects, and the <meta> copy dropped only when serving.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../shared/csp';
import { DEV_CONTENT_SECURITY_POLICY, DEV_CSP_DIRECTIVES, REACT_REFRESH_PREAMBLE, devCspPlugin, stripCspMeta } from './dev-csp';

const indexHtml = readFileSync(resolve(import.meta.dirname, '../../src-renderer/index.html'), 'utf8');

describe('dev CSP', () => {
  test('adds only the dev socket and the preamble hash; the production policy is unchanged', () => {
    const changed = Object.keys(DEV_CSP_DIRECTIVES).filter((k) => DEV_CSP_DIRECTIVES[k] !== CSP_DIRECTIVES[k]);
    expect(changed.sort()).toEqual(['connect-src', 'script-src']);
    expect(DEV_CSP_DIRECTIVES['connect-src']).toBe("'self' ws://localhost:* ws://127.0.0.1:*");
    expect(DEV_CSP_DIRECTIVES['script-src']).toMatch(/^'self' 'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(DEV_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline'[^;]*;\s*style|unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/ws:|sha256/);
  });

  test("the hashed preamble is exactly what @vitejs/plugin-react injects (base '/')", () => {
    const injected = (react as unknown as { preambleCode: string }).preambleCode.replace('__BASE__', '/');
    expect(REACT_REFRESH_PREAMBLE).toBe(injected);
    const hash = createHash('sha256').update(injected).digest('base64');
    expect(DEV_CSP_DIRECTIVES['script-src']).toContain(`'sha256-${hash}'`);
  });

  test('stripCspMeta removes the CSP <meta> tag and nothing else', () => {
    expect(indexHtml).toMatch(/http-equiv="Content-Security-Policy"/);
    const out = stripCspMeta(indexHtml);
    expect(out).not.toMatch(/Content-Security-Policy/i);
    expect(out).toContain('<meta name="viewport"');
    expect(out).toContain('<script type="module" src="./src/main.tsx"></script>');
    expect(out.length).toBeGreaterThan(indexHtml.length - 400);
  });

  test('the Vite plugin strips it when serving and keeps it when building', () => {
    const run = (command: 'serve' | 'build') => {
      const plugin = devCspPlugin() as any;
      plugin.configResolved({ command });
      return plugin.transformIndexHtml.handler(indexHtml) as string;
    };
    expect(run('serve')).not.toMatch(/Content-Security-Policy/);
    expect(run('build')).toBe(indexHtml);
  });
});
