/**
 * The installed (packaged) app, against the fake `electron` module: it, and
 * only it, registers as the archive-reader:// handler (main-process.test.ts
 * shows the unpackaged one does not); an environment variable cannot point it
 * at another archive; mailto: links in notes open in the system's mail
 * program through openExternal, other schemes are refused with a message.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { ipcChannel, type AppInfo } from '../shared/contract';
import { APP_ORIGIN, LINK_PROTOCOL } from '../shared/origin';
import type { Result } from '../shared/result';

vi.mock('electron', () => import('./test/fake-electron'));
const fake = await import('./test/fake-electron');
const resources = join(import.meta.dirname, '..', '..', 'resources');

type Handler = (event: unknown, arg?: unknown) => Promise<Result<unknown>>;
const invoke = (method: string, arg: unknown) =>
  (fake.ipcMain.handlers.get(ipcChannel(method as never)) as Handler)({ senderFrame: new fake.FakeFrame(`${APP_ORIGIN}/index.html`) }, arg);

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
  fake.app.isPackaged = true;
  (process as { resourcesPath?: string }).resourcesPath = resources;
  vi.stubEnv('ARCHIVE_RESOURCES_DIR', '/tmp/somewhere-else');
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
  await import('../index');
  fake.app.fireReady();
  await vi.waitFor(async () => {
    const r = await invoke('appInfo', undefined);
    expect(r.ok && (r.value as AppInfo).archive.searchStatus).toBe('ready');
  }, { timeout: 30_000 });
}, 60_000);
afterAll(() => {
  vi.unstubAllEnvs();
  delete (process as { resourcesPath?: string }).resourcesPath;
});

test('registers as the archive-reader:// handler, with no script argument', () => {
  expect(fake.app.protocolClients).toEqual([{ protocol: LINK_PROTOCOL, args: [] }]);
});

test('opens the archive in its own resources, whatever ARCHIVE_RESOURCES_DIR and ELECTRON_RENDERER_URL say', async () => {
  expect(process.env.ARCHIVE_RESOURCES_DIR).toBe(resources);
  expect(fake.BrowserWindow.all[0].loadedUrl).toBe(`${APP_ORIGIN}/index.html`);
  const r = await invoke('list', { limit: 1 });
  expect(r.ok).toBe(true);
});

test('a mailto: link in a note opens in the mail program; other schemes are refused with a message', async () => {
  fake.shell.opened.length = 0;
  expect(await invoke('openExternal', { url: 'mailto:editor@example.org?subject=Minsk' })).toEqual({ ok: true, value: { opened: true } });
  expect(fake.shell.opened).toEqual(['mailto:editor@example.org?subject=Minsk']);
  const refused = await invoke('openExternal', { url: 'mailto:a@example.org?attach=/etc/passwd' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/mail link is not opened/) } });
  expect(fake.shell.opened).toHaveLength(1);
});
