/**
 * Development mode (electron-vite dev sets ELECTRON_RENDERER_URL) must run as
 * a different app with its own user-data folder, so it can never open a
 * person's real notes database, and it trusts IPC from the dev server's page.
 */
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { ipcChannel } from '../shared/contract';
import { APP_NAME, DEV_APP_NAME } from '../shared/origin';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { DEV_CONTENT_SECURITY_POLICY } from './dev-csp';
import type { Result } from '../shared/result';

vi.mock('electron', () => import('./test/fake-electron'));
const fake = await import('./test/fake-electron');
const DEV_URL = 'http://localhost:5173/';

const warnings: string[] = [];

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation((m: unknown) => void warnings.push(String(m)));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.stubEnv('ELECTRON_RENDERER_URL', DEV_URL);
  await import('../index');
  fake.app.fireReady();
  await vi.waitFor(() => expect(fake.BrowserWindow.all.length).toBe(1));
});
afterAll(() => vi.unstubAllEnvs());

test('runs under the development name and user-data folder, loading the dev server', () => {
  expect(fake.app.getName()).toBe(DEV_APP_NAME);
  expect(fake.app.getPath('userData').endsWith(DEV_APP_NAME)).toBe(true);
  expect(fake.app.getPath('userData').endsWith(APP_NAME)).toBe(false);
  expect(fake.BrowserWindow.all[0].loadedUrl).toBe(DEV_URL);
});

test('IPC is answered for the dev server page, refused for other local ports', async () => {
  const handler = fake.ipcMain.handlers.get(ipcChannel('appInfo')) as (e: unknown, a?: unknown) => Promise<Result<unknown>>;
  expect((await handler({ senderFrame: new fake.FakeFrame(`${DEV_URL}#/library`) }, undefined)).ok).toBe(true);
  expect((await handler({ senderFrame: new fake.FakeFrame('http://localhost:5174/') }, undefined)).ok).toBe(false);
  expect(warnings).toContain('archive-reader: appInfo refused for frame http://localhost:5174/');
});

test('the menu has reload and developer tools in development', () => {
  const flat = (items: any[]): any[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);
  expect(flat(fake.Menu.application!.template).map((i) => i.role)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
});

test("the dev server's pages get the dev policy (Vite's socket, React Refresh's preamble hash), never a looser one", () => {
  let out: { responseHeaders: Record<string, string[]> } | undefined;
  fake.session.defaultSession.headersListener!({ url: DEV_URL, responseHeaders: { 'Content-Security-Policy': ['script-src *'] } }, (r: typeof out) => (out = r));
  expect(out!.responseHeaders['Content-Security-Policy']).toEqual([DEV_CONTENT_SECURITY_POLICY]);
  expect(DEV_CONTENT_SECURITY_POLICY).not.toBe(CONTENT_SECURITY_POLICY);
  expect(DEV_CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'|https?:/);
});

test('in development, clipboard writing is allowed for the dev server page only', () => {
  const s = fake.session.defaultSession;
  expect(s.permissionCheck!(null, 'clipboard-sanitized-write', 'http://localhost:5173', { requestingUrl: DEV_URL, isMainFrame: true })).toBe(true);
  expect(s.permissionCheck!(null, 'clipboard-sanitized-write', 'http://localhost:5174', { requestingUrl: 'http://localhost:5174/', isMainFrame: true })).toBe(false);
  expect(s.permissionCheck!(null, 'clipboard-read', 'http://localhost:5173', { requestingUrl: DEV_URL, isMainFrame: true })).toBe(false);
});
