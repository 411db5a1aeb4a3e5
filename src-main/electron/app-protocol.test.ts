/**
 * app://archive/ serving: files of the built renderer with the CSP header,
 * nothing outside it, nothing for other hosts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

vi.mock('electron', () => import('./test/fake-electron'));
const { appProtocolResponse } = await import('./app-protocol');

const dir = mkdtempSync(join(tmpdir(), 'renderer-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Archive Reader</title>');
writeFileSync(join(dir, 'assets', 'a.js'), 'export {}');
writeFileSync(join(tmpdir(), 'outside-renderer.txt'), 'secret');

const get = (url: string, method = 'GET') => appProtocolResponse(dir, { url, method });

describe('app:// protocol', () => {
  test('serves index.html and assets with the CSP header', async () => {
    const index = await get('app://archive/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toContain('Archive Reader');
    const js = await get('app://archive/assets/a.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('app://archive/')).status).toBe(200);
  });

  test('refuses other hosts, other methods, missing files and paths leaving the renderer', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://archive/index.html', 'POST')).status).toBe(405);
    expect((await get('app://archive/assets/none.js')).status).toBe(404);
    for (const url of ['app://archive/%2e%2e/outside-renderer.txt', 'app://archive/assets/..%2f..%2foutside-renderer.txt']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('secret');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});
