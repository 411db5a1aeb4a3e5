/**
 * The built bundles (out/, from `npm run build`) as Electron would load them.
 * Node cannot run Electron, so the main bundle is started with the `electron`
 * module replaced by the fake: this proves its imports resolve (the archive
 * code is bundled, lunr is found), that the preload and renderer paths it
 * computes from out/main exist, that it finds and opens the bundled archive,
 * and that app://archive serves the built renderer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { ipcChannel, type AppInfo, type ArchivesResponse, type SearchResponse } from '../../src-main/shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../src-main/shared/csp';
import type { Result } from '../../src-main/shared/result';

vi.mock('electron', () => import('../../src-main/electron/test/fake-electron'));
const fake = await import('../../src-main/electron/test/fake-electron');

const root = resolve(import.meta.dirname, '..', '..');
const mainBundle = resolve(root, 'out/main/index.js');

beforeAll(async () => {
  if (!existsSync(mainBundle)) throw new Error('out/main/index.js is missing: run "npm run build" before this test (npm test does).');
  await import(/* @vite-ignore */ mainBundle);
  fake.app.fireReady();
  await vi.waitFor(() => expect(fake.BrowserWindow.all.length).toBe(1));
});

describe('out/main/index.js started with a stand-in electron module', () => {
  test('points the window at the built preload, which exists', () => {
    const preload = fake.BrowserWindow.all[0].options.webPreferences.preload as string;
    expect(preload).toBe(resolve(root, 'out/preload/index.cjs'));
    expect(existsSync(preload)).toBe(true);
  });

  test('opens the bundled archive found from out/main', async () => {
    const handler = fake.ipcMain.handlers.get(ipcChannel('appInfo')) as (e: unknown, a?: unknown) => Promise<Result<AppInfo>>;
    const frame = new fake.FakeFrame('app://archive/index.html');
    await vi.waitFor(async () => {
      const r = await handler({ senderFrame: frame }, undefined);
      expect(r.ok && r.value.archive.status).toBe('ready');
    }, { timeout: 30_000 });
    const r = await handler({ senderFrame: frame }, undefined);
    expect(r.ok && r.value.archive.articles).toBeGreaterThan(0);
  });

  test('answers a search through the bundled search thread (out/main/search-worker.js)', async () => {
    expect(existsSync(resolve(root, 'out/main/search-worker.js'))).toBe(true);
    const handler = fake.ipcMain.handlers.get(ipcChannel('search')) as (e: unknown, a?: unknown) => Promise<Result<SearchResponse>>;
    const r = await handler({ senderFrame: new fake.FakeFrame('app://archive/index.html') }, { query: 'peacekeeping' });
    expect(r.ok && r.value.hits.length).toBeGreaterThan(0);
    // The same question to the bundled worker file directly: it starts in plain Node and answers alike.
    const { openArchive } = await import('../../src-main/archive/index');
    const warn = vi.spyOn(console, 'warn');
    const a = await openArchive(resolve(root, 'resources/archive'), { searchThread: resolve(root, 'out/main/search-worker.js') });
    await a.searchReady;
    expect(a.info().searchStatus).toBe('ready');
    const direct = await a.search({ query: 'peacekeeping' });
    await a.close();
    // Had the thread not started, the archive would have said so and searched in this thread.
    expect(warn.mock.calls.flat().join(' ')).not.toMatch(/searching in the main thread/);
    warn.mockRestore();
    expect(direct.hits.map((h) => h.id)).toEqual(r.ok ? r.value.hits.map((h) => h.id) : []);
  });

  test('serves the built renderer on app://archive with the CSP header', async () => {
    const handle = fake.session.defaultSession.handlers.get('app')!;
    const res = (await handle({ url: 'app://archive/index.html', method: 'GET' })) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await res.text();
    expect(html).toBe(readFileSync(resolve(root, 'out/renderer/index.html'), 'utf8'));
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = (await handle({ url: `app://archive/${script}`, method: 'GET' })) as Response;
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  test('no worker entry or shared chunk imports the main entry (a worker would start the app inside itself)', () => {
    const dir = resolve(root, 'out/main');
    const files = [...readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'index.js'), ...readdirSync(join(dir, 'chunks')).map((f) => `chunks/${f}`)];
    expect(files).toEqual(expect.arrayContaining(['search-worker.js', 'ingest-worker.js', 'import-worker.js']));
    for (const f of files) {
      const code = readFileSync(join(dir, f), 'utf8');
      expect(code, f).not.toMatch(/from\s*["'](\.\.?\/)+index\.js["']|import\(\s*["'](\.\.?\/)+index\.js["']\s*\)/);
    }
  });

  test('the sandboxed preload bundle requires nothing but electron', () => {
    const code = readFileSync(resolve(root, 'out/preload/index.cjs'), 'utf8');
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s/);
  });

  test('keeps its archives in the user-data folder: the list answers, the bundled archive open', async () => {
    const handler = fake.ipcMain.handlers.get(ipcChannel('archiveList')) as (e: unknown, a?: unknown) => Promise<Result<ArchivesResponse>>;
    const r = await handler({ senderFrame: new fake.FakeFrame('app://archive/index.html') }, undefined);
    expect(r.ok && r.value.archives.map((a) => [a.id, a.open])).toEqual([['bundled', true]]);
  });

  test('the bundled import worker (out/main/import-worker.js) builds an archive in plain Node', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { runBuild } = await import('../../src-main/archives/import-thread');
    const { storyFiles, writeFolder } = await import('../../src-main/archives/test-folder');
    const dir = mkdtempSync(join(tmpdir(), 'import-worker-bundle-'));
    try {
      const src = writeFolder(join(dir, 'src'), storyFiles(4, 'Bundled worker'));
      const result = await runBuild({ src, out: join(dir, 'out') }, resolve(root, 'out/main/import-worker.js'), () => undefined, new AbortController().signal);
      expect(result.report.articles).toBe(4);
      expect(result.counts).toEqual({ imported: 4, updated: 0, unchanged: 0, removed: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
