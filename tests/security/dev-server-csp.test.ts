/**
 * `npm run dev` under its policy, without Electron: the renderer served by a
 * real Vite dev server (same root, base and plugins as electron.vite.config.ts's
 * renderer, including the dev-only <meta> stripper), with the dev policy sent
 * as a header the way main's session sends it, opened in real Chromium. React
 * Refresh's inline preamble and Vite's hot-reload socket must be allowed (the
 * app mounts, no CSP violation) while the policy still refuses any other inline
 * script.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import react from '@vitejs/plugin-react';
import { devCspPlugin, DEV_CONTENT_SECURITY_POLICY } from '../../src-main/electron/dev-csp';
import { chromiumLaunchOptions } from '../support/chromium';

const root = resolve(import.meta.dirname, '..', '..');
let server: ViteDevServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: resolve(root, 'src-renderer'),
    base: './',
    plugins: [react(), devCspPlugin()],
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, headers: { 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY } },
  });
  await server.listen();
  url = server.resolvedUrls!.local[0];
  browser = await chromium.launch(chromiumLaunchOptions());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the served index.html has no CSP <meta>, and its only inline script is the hashed preamble', async () => {
  const html = await (await fetch(url)).text();
  expect(html).not.toMatch(/http-equiv="Content-Security-Policy"/);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs)).map(([, , body]) => body);
  expect(inline.length).toBeGreaterThan(0);
  for (const body of inline) {
    expect(DEV_CONTENT_SECURITY_POLICY).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
});

test('in Chromium the app mounts under the dev policy, with no CSP violation, and other inline script stays blocked', async () => {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|preamble/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(url);
  // Page functions reach the DOM through globalThis: this tsconfig has no DOM types.
  type Doc = { getElementById(id: string): { childElementCount: number } | null; createElement(t: string): { textContent: string }; body: { appendChild(n: unknown): void } };
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: Doc }).document.getElementById('root')?.childElementCount ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
  // Vite's client connected its hot-reload socket (connect-src ws://localhost:*).
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/@vite/client'))), { timeout: 30_000 }).toBe(true);
  expect(violations).toEqual([]);
  const ran = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: Doc }).document;
    const s = d.createElement('script');
    s.textContent = 'window.__injected = 1';
    d.body.appendChild(s);
    return (globalThis as unknown as { __injected?: number }).__injected ?? null;
  });
  expect(ran).toBeNull();
  expect(violations.join('\n')).toMatch(/Content Security Policy/);
  await page.close();
});
