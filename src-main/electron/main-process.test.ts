/**
 * The Electron main process (src-main/index.ts) started against the fake
 * `electron` module and the real bundled archive: every window's
 * webPreferences, the session's CSP, permission, navigation and window-open
 * handlers, IPC refused from unexpected frames, menu commands, single
 * instance and links. These are the promises issue 7 asks to see tested.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { API_METHODS, ipcChannel, type AppInfo } from '../shared/contract';
import { COMMAND_CHANNEL } from '../shared/commands';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { APP_NAME, APP_ORIGIN, LINK_PROTOCOL } from '../shared/origin';
import type { Result } from '../shared/result';
import { tempDirsForFile } from '../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();

vi.mock('electron', () => import('./test/fake-electron'));
const fake = await import('./test/fake-electron');

type Handler = (event: unknown, arg?: unknown) => Promise<Result<unknown>>;
const trustedFrame = () => new fake.FakeFrame(`${APP_ORIGIN}/index.html`);

function invoke(method: string, arg: unknown, frame: InstanceType<typeof fake.FakeFrame> | null = trustedFrame()) {
  const handler = fake.ipcMain.handlers.get(ipcChannel(method as never)) as Handler | undefined;
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler({ senderFrame: frame, sender: fake.BrowserWindow.all[0]?.webContents }, arg);
}

let privilegedBeforeReady: typeof fake.protocol.privileged = [];
/** What main warned about (refused navigations, frames...): asserted below, kept out of the test output. */
const warnings: string[] = [];
let infoWhenWindowAppeared: AppInfo | null = null;

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation((m: unknown) => void warnings.push(String(m)));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  await import('../index');
  privilegedBeforeReady = [...fake.protocol.privileged];
  fake.app.fireReady();
  // Startup runs right after ready; the window must exist before the archive has finished opening.
  // Only microtasks pass here: opening the archive needs file reads (macrotasks), so it cannot have finished.
  for (let i = 0; i < 10 && fake.BrowserWindow.all.length === 0; i++) await Promise.resolve();
  expect(fake.BrowserWindow.all.length).toBe(1);
  const first = await invoke('appInfo', undefined);
  infoWhenWindowAppeared = first.ok ? (first.value as AppInfo) : null;
  await vi.waitFor(async () => {
    const r = await invoke('appInfo', undefined);
    expect(r.ok && (r.value as AppInfo).archive.status).toBe('ready');
  }, { timeout: 30_000 });
}, 60_000);

describe('startup', () => {
  test('app:// is registered as standard and secure before ready', () => {
    expect(privilegedBeforeReady).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
  });

  test('the production identity: app name and user-data folder of the real app', () => {
    expect(fake.app.getName()).toBe(APP_NAME);
    expect(fake.app.getPath('userData').endsWith(APP_NAME)).toBe(true);
  });

  test('the window appears while the archive is still loading, then the archive is ready', async () => {
    expect(infoWhenWindowAppeared?.archive.status).toBe('loading');
    const r = await invoke('appInfo', undefined);
    expect(r).toMatchObject({ ok: true, value: { host: 'electron', linkBase: `${LINK_PROTOCOL}://` } });
  });

  test('the window loads app://archive, hidden until ready-to-show', () => {
    const [win] = fake.BrowserWindow.all;
    expect(win.loadedUrl).toBe(`${APP_ORIGIN}/index.html`);
    expect(win.options.show).toBe(false);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  test('unpackaged, does not take archive-reader:// links from the installed app; holds the single-instance lock', () => {
    expect(fake.app.protocolClients).toEqual([]);
    expect(fake.app.quitCalls).toBe(0);
  });
});

describe('security', () => {
  test('every window: context isolation, sandbox, no Node, web security, no webview', () => {
    expect(fake.BrowserWindow.all.length).toBeGreaterThan(0);
    for (const win of fake.BrowserWindow.all) {
      expect(win.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
      });
      expect(win.options.webPreferences.preload).toMatch(/preload[/\\]index\.cjs$/);
    }
  });

  test('every response gets our CSP header, replacing any other', () => {
    const listener = fake.session.defaultSession.headersListener!;
    let out: { responseHeaders: Record<string, string[]> } | undefined;
    listener({ url: `${APP_ORIGIN}/index.html`, responseHeaders: { 'content-security-policy': ["script-src 'unsafe-inline' *"], 'X-Other': ['1'] } }, (r: typeof out) => (out = r));
    expect(out!.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(out!.responseHeaders['content-security-policy']).toBeUndefined();
    expect(out!.responseHeaders['X-Other']).toEqual(['1']);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval|\*/);
  });

  test('every permission request and check is denied, except clipboard writing for our own main frame', () => {
    const s = fake.session.defaultSession;
    const wc = fake.BrowserWindow.all[0].webContents;
    const request = (permission: string, details: Record<string, unknown>) => {
      let granted: boolean | undefined;
      s.permissionRequest!(wc, permission, (g: boolean) => (granted = g), details);
      return granted;
    };
    const ours = { requestingUrl: `${APP_ORIGIN}/index.html#/article/x`, isMainFrame: true };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'pointerLock', 'display-capture']) {
      expect(request(permission, ours), permission).toBe(false);
      expect(s.permissionCheck!(wc, permission, APP_ORIGIN, ours), permission).toBe(false);
    }
    // "Copy with citation": navigator.clipboard.write from our page.
    expect(request('clipboard-sanitized-write', ours)).toBe(true);
    expect(s.permissionCheck!(wc, 'clipboard-sanitized-write', APP_ORIGIN, ours)).toBe(true);
    // ...but not from anyone else: another origin, an iframe, the dev server in production, nothing named.
    for (const details of [
      { requestingUrl: 'https://attacker.example/', isMainFrame: true },
      { requestingUrl: `${APP_ORIGIN}/index.html`, isMainFrame: false },
      { requestingUrl: 'http://localhost:5173/', isMainFrame: true },
      { requestingUrl: 'app://other/index.html', isMainFrame: true },
    ]) {
      expect(request('clipboard-sanitized-write', details), JSON.stringify(details)).toBe(false);
      expect(s.permissionCheck!(wc, 'clipboard-sanitized-write', details.requestingUrl, details), JSON.stringify(details)).toBe(false);
    }
    expect(s.permissionCheck!(wc, 'clipboard-sanitized-write', 'https://attacker.example', {})).toBe(false);
    expect(s.devicePermission!({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
  });

  test('navigation, redirects, <webview> and new windows are refused; nothing opens outside', () => {
    const wc = fake.BrowserWindow.all[0].webContents;
    for (const url of ['https://attacker.example/', 'file:///etc/passwd', `${APP_ORIGIN}/other.html`, 'javascript:alert(1)']) {
      expect(wc.fireCancellable('will-navigate', url), url).toBe(true);
    }
    expect(wc.fireCancellable('will-redirect', 'https://attacker.example/')).toBe(true);
    expect(wc.fireCancellable('will-attach-webview', {}, {})).toBe(true);
    for (const url of ['https://example.org/', 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(wc.windowOpenHandler!({ url, disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    }
    expect(fake.shell.opened).toEqual([]);
    expect(fake.BrowserWindow.all.length).toBe(1);
    expect(warnings).toContain('archive-reader: navigation to https://attacker.example/ refused');
  });

  test('every contract method has an IPC handler', () => {
    for (const method of API_METHODS) expect(fake.ipcMain.handlers.has(ipcChannel(method)), method).toBe(true);
  });

  test('IPC from our main frame is answered', async () => {
    const r = await invoke('list', { limit: 1 });
    expect(r.ok).toBe(true);
  });

  test('IPC from an unexpected frame is refused and runs nothing', async () => {
    const saveCalls = fake.dialog.calls.length;
    const strangers = [
      null,
      new fake.FakeFrame('https://attacker.example/'),
      new fake.FakeFrame('file:///tmp/evil.html'),
      new fake.FakeFrame('http://localhost:5173/'), // the dev server is trusted only in development
      new fake.FakeFrame(`${APP_ORIGIN}/index.html`, trustedFrame()), // an iframe, even of our own origin
      new fake.FakeFrame('app://other/index.html'),
    ];
    for (const frame of strangers) {
      for (const method of ['list', 'saveFile', 'openExternal']) {
        const r = await invoke(method, method === 'openExternal' ? { url: 'https://example.org' } : {}, frame);
        expect(r, `${method} from ${frame?.url ?? 'null'}`).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'This page may not use the archive.' } });
      }
    }
    expect(fake.dialog.calls.length).toBe(saveCalls);
    expect(fake.shell.opened).toEqual([]);
    expect(warnings).toContain('archive-reader: saveFile refused for frame https://attacker.example/');
  });

  test('openExternal opens only http(s) in the system browser', async () => {
    expect(await invoke('openExternal', { url: 'javascript:alert(document.cookie)' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await invoke('openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(fake.shell.opened).toEqual([]);
    expect(await invoke('openExternal', { url: 'https://en.odkb-csto.org/' })).toEqual({ ok: true, value: { opened: true } });
    expect(fake.shell.opened).toEqual(['https://en.odkb-csto.org/']);
  });
});

describe('saveFile through the save dialog', () => {
  test('writes what the renderer sent where the person chose, text or base64', async () => {
    const dir = tempDir('save-');
    fake.dialog.nextSavePath = join(dir, 'notes.md');
    const r = await invoke('saveFile', { suggestedName: '../../notes.md', mimeType: 'text/markdown', data: '# Notes\nОДКБ' });
    expect(r).toEqual({ ok: true, value: { savedAs: join(dir, 'notes.md') } });
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('# Notes\nОДКБ');
    const lastCall = fake.dialog.calls.at(-1) as [unknown, { defaultPath: string }];
    expect(lastCall[1].defaultPath.endsWith(join('documents', 'notes.md'))).toBe(true);
    fake.dialog.nextSavePath = join(dir, 'x.bin');
    await invoke('saveFile', { suggestedName: 'x.bin', mimeType: 'application/octet-stream', data: Buffer.from([0, 1, 2, 255]).toString('base64'), encoding: 'base64' });
    expect([...readFileSync(join(dir, 'x.bin'))]).toEqual([0, 1, 2, 255]);
  });

  test('a cancelled dialog answers cancelled; an unwritable place answers io', async () => {
    fake.dialog.nextSavePath = null;
    expect(await invoke('saveFile', { suggestedName: 'a.md', mimeType: 'text/markdown', data: 'x' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    fake.dialog.nextSavePath = '/proc/archive-reader-cannot-write-here/a.md';
    expect(await invoke('saveFile', { suggestedName: 'a.md', mimeType: 'text/markdown', data: 'x' })).toMatchObject({ ok: false, error: { code: 'io' } });
  });
});

describe('menu, second launch and links', () => {
  test('menu items send their command to the window', () => {
    const flat = (items: any[]): any[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);
    const items = flat(fake.Menu.application!.template);
    const wc = fake.BrowserWindow.all[0].webContents;
    wc.sent.length = 0;
    items.find((i) => i.label === 'Search').click();
    items.find((i) => i.label === 'Dark').click();
    expect(wc.sent).toEqual([
      { channel: COMMAND_CHANNEL, args: [{ command: 'focus-search' }] },
      { channel: COMMAND_CHANNEL, args: [{ command: 'theme-dark' }] },
    ]);
  });

  test('a second launch focuses the window; with a link it opens the link', () => {
    const [win] = fake.BrowserWindow.all;
    const wc = win.webContents;
    wc.sent.length = 0;
    win.focused = false;
    fake.app.emit('second-instance', {}, ['/opt/archive-reader/archive-reader']);
    expect(win.focused).toBe(true);
    fake.app.emit('second-instance', {}, ['/opt/archive-reader/archive-reader', '--flag', 'archive-reader://article/abc?annotation=n1']);
    expect(wc.sent).toEqual([{ channel: COMMAND_CHANNEL, args: [{ command: 'open-link', arg: 'archive-reader://article/abc?annotation=n1' }] }]);
    expect(fake.BrowserWindow.all.length).toBe(1);
  });

  test('macOS open-url: only archive-reader:// links reach the renderer', () => {
    const wc = fake.BrowserWindow.all[0].webContents;
    wc.sent.length = 0;
    let prevented = false;
    fake.app.emit('open-url', { preventDefault: () => (prevented = true) }, 'https://attacker.example/');
    fake.app.emit('open-url', { preventDefault: () => {} }, 'archive-reader://article/xyz');
    expect(prevented).toBe(true);
    expect(wc.sent).toEqual([{ channel: COMMAND_CHANNEL, args: [{ command: 'open-link', arg: 'archive-reader://article/xyz' }] }]);
  });

  test('window bounds are saved when the window closes', () => {
    const [win] = fake.BrowserWindow.all;
    win.emit('close', { preventDefault: () => {} });
    const saved = JSON.parse(readFileSync(join(fake.app.getPath('userData'), 'window-state.json'), 'utf8'));
    expect(saved).toMatchObject({ bounds: { width: win.options.width, height: win.options.height }, maximized: false });
  });
});
