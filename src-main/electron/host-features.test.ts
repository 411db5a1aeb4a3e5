/**
 * The Electron main process (src-main/index.ts, fake `electron`, real archive,
 * real files) for the features of issues 5 and 7 that only the host can do:
 * backups in <userData>/backups through IPC, the backup asked of the renderer
 * before quitting, HTML printed to PDF in a locked-down hidden window, and a
 * passage link that launched the app reaching the renderer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { GOOD_BACKUP } from '../shared/notes/backup/malformed-backups';
import { ipcChannel, type BackupEntry, type BackupWriteResponse } from '../shared/contract';
import { COMMAND_CHANNEL } from '../shared/commands';
import { APP_ORIGIN } from '../shared/origin';
import type { Result } from '../shared/result';

vi.mock('electron', () => import('./test/fake-electron'));
const fake = await import('./test/fake-electron');
const { PDF_CSP, PDF_PARTITION } = await import('./pdf');

type Handler = (event: unknown, arg?: unknown) => Promise<Result<unknown>>;
const LAUNCH_LINK = 'archive-reader://article/csto-launch?annotation=a1';

function invoke(method: string, arg?: unknown, url = `${APP_ORIGIN}/index.html`) {
  const handler = fake.ipcMain.handlers.get(ipcChannel(method as never)) as Handler;
  return handler({ senderFrame: new fake.FakeFrame(url) }, arg);
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const mainWindow = () => fake.BrowserWindow.all[0];
const commands = () => mainWindow().webContents.sent.filter((m) => m.channel === COMMAND_CHANNEL).map((m) => m.args[0]);
const backupsDir = () => join(fake.app.getPath('userData'), 'backups');

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
  // Launched by the OS for a passage link (Windows, Linux): the link is an argument.
  const argv = process.argv;
  process.argv = ['/opt/archive-reader/archive-reader', '--no-sandbox', LAUNCH_LINK];
  try {
    await import('../index');
  } finally {
    process.argv = argv;
  }
  fake.app.fireReady();
  await vi.waitFor(() => expect(fake.BrowserWindow.all.length).toBe(1));
});

describe('passage links', () => {
  test('a link the app was launched with reaches the renderer once its window exists', () => {
    expect(commands()).toContainEqual({ command: 'open-link', arg: LAUNCH_LINK });
  });

  test('a malformed link on a second launch only focuses the window', () => {
    mainWindow().webContents.sent.length = 0;
    fake.app.emit('second-instance', {}, ['/opt/archive-reader/archive-reader', 'archive-reader://settings/delete-all']);
    expect(commands()).toEqual([]);
    expect(mainWindow().focused).toBe(true);
  });
});

describe('backups in the user-data folder', () => {
  test('backupWrite stores a valid backup in <userData>/backups; list and read give it back', async () => {
    const written = value<BackupWriteResponse>(await invoke('backupWrite', { text: GOOD_BACKUP, reason: 'manual' }));
    expect(readdirSync(backupsDir())).toEqual([written.entry.name]);
    expect(readFileSync(join(backupsDir(), written.entry.name), 'utf8')).toBe(GOOD_BACKUP);
    expect(value<BackupEntry[]>(await invoke('backupList'))).toEqual([written.entry]);
    expect(value(await invoke('backupRead', { name: written.entry.name }))).toEqual({ name: written.entry.name, text: GOOD_BACKUP });
  });

  test('bad requests are refused with a message and write nothing', async () => {
    const before = readdirSync(backupsDir());
    const cases: [unknown, string][] = [
      [{ text: '{"formatName":"something-else"}', reason: 'auto' }, 'invalid-argument'],
      [{ text: GOOD_BACKUP.slice(0, 500), reason: 'auto' }, 'invalid-argument'],
      [{ text: GOOD_BACKUP, reason: 'weekly' }, 'invalid-argument'],
      [{ text: GOOD_BACKUP }, 'invalid-argument'],
      [{ text: GOOD_BACKUP, reason: 'auto', path: '/tmp/x' }, 'invalid-argument'],
    ];
    for (const [arg, code] of cases) {
      const r = await invoke('backupWrite', arg);
      expect(r, JSON.stringify(arg).slice(0, 80)).toMatchObject({ ok: false, error: { code } });
    }
    for (const name of ['../window-state.json', '..', '/etc/passwd', 'window-state.json']) {
      expect(await invoke('backupRead', { name }), name).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(readdirSync(backupsDir())).toEqual(before);
  });

  test('another frame cannot write, list or read backups', async () => {
    for (const method of ['backupWrite', 'backupList', 'backupRead', 'printToPdf']) {
      const r = await invoke(method, {}, 'https://attacker.example/');
      expect(r, method).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'This page may not use the archive.' } });
    }
  });
});

describe('the backup before quitting', () => {
  test('quitting holds, asks the renderer for a backup, and quits once it is written', async () => {
    const wc = mainWindow().webContents;
    wc.sent.length = 0;
    const quits = fake.app.quitCalls;
    fake.app.quit();
    expect(fake.app.quitCalls).toBe(quits); // held
    await vi.waitFor(() => expect(commands()).toEqual([{ command: 'backup-before-quit' }]));
    expect(fake.app.quitCalls).toBe(quits);
    // The renderer answers with its backup.
    const r = value<BackupWriteResponse>(await invoke('backupWrite', { text: GOOD_BACKUP, reason: 'quit' }));
    expect(r.entry.reason).toBe('quit');
    await vi.waitFor(() => expect(fake.app.quitCalls).toBe(quits + 1));
    expect(existsSync(join(backupsDir(), r.entry.name))).toBe(true);
    // Asked once: the window's own close (which follows a quit) does not ask again.
    mainWindow().close();
    expect(mainWindow().isDestroyed()).toBe(true);
    expect(commands()).toEqual([{ command: 'backup-before-quit' }]);
  });
});

describe('printToPdf', () => {
  test('prints the HTML in a hidden, sandboxed window without JavaScript, in its own session, then destroys it', async () => {
    const html = '<!doctype html><title>Excerpts</title><h1>Excerpts</h1><script>window.pwned = 1</script><img src="https://tracker.example/x.png">';
    let served: { status: number; csp: string | null; body: string } | null = null;
    let blocked: Record<string, boolean> = {};
    fake.app.once('web-contents-created', (_e: unknown, contents: InstanceType<typeof fake.FakeWebContents>) => {
      contents.printToPDF = async () => {
        // While printing, the page is served by the print session only, and nothing else loads.
        const ses = fake.session.partitions.get(PDF_PARTITION)!.session;
        const win = fake.BrowserWindow.all.at(-1)!;
        const res = (await ses.handlers.get('app')!({ url: win.loadedUrl, method: 'GET' })) as Response;
        served = { status: res.status, csp: res.headers.get('content-security-policy'), body: await res.text() };
        blocked = {};
        for (const url of [win.loadedUrl!, 'https://tracker.example/x.png', `${APP_ORIGIN}/index.html`, 'file:///etc/passwd', 'data:image/png;base64,AAAA']) {
          ses.beforeRequest!({ url }, (r: { cancel: boolean }) => (blocked[url] = r.cancel));
        }
        return Buffer.from('%PDF-1.7 printed');
      };
    });
    const windows = fake.BrowserWindow.all.length;
    const r = value<{ data: string; bytes: number }>(await invoke('printToPdf', { html }));
    expect(Buffer.from(r.data, 'base64').toString()).toBe('%PDF-1.7 printed');
    expect(r.bytes).toBe(16);

    const win = fake.BrowserWindow.all[windows];
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(win.options.webPreferences.preload).toBeUndefined();
    expect(win.options.webPreferences.session).toBe(fake.session.partitions.get(PDF_PARTITION)!.session);
    expect(fake.session.partitions.get(PDF_PARTITION)!.options).toEqual({ cache: false }); // in memory: no "persist:"
    expect(win.loadedUrl).toMatch(/^app:\/\/pdf-export\/[0-9a-f]{32}\.html$/);
    expect(served).toEqual({ status: 200, csp: PDF_CSP, body: html });
    expect(PDF_CSP).toMatch(/default-src 'none'/);
    expect(PDF_CSP).not.toMatch(/script-src/);
    expect(blocked).toEqual({
      [win.loadedUrl!]: false,
      'https://tracker.example/x.png': true,
      [`${APP_ORIGIN}/index.html`]: true,
      'file:///etc/passwd': true,
      'data:image/png;base64,AAAA': false,
    });
    expect(win.isDestroyed()).toBe(true);
    // The page is gone from the print session once printed.
    const ses = fake.session.partitions.get(PDF_PARTITION)!.session;
    expect(((await ses.handlers.get('app')!({ url: win.loadedUrl, method: 'GET' })) as Response).status).toBe(404);
    // The print session denies every permission.
    let granted: boolean | undefined;
    ses.permissionRequest!(win.webContents, 'clipboard-sanitized-write', (g: boolean) => (granted = g), {});
    expect(granted).toBe(false);
  });

  test('a failed print answers io and still destroys the window; oversized or empty HTML is refused', async () => {
    fake.app.once('web-contents-created', (_e: unknown, contents: InstanceType<typeof fake.FakeWebContents>) => {
      contents.pdfResult = new Error('printing failed');
    });
    const r = await invoke('printToPdf', { html: '<p>x</p>' });
    expect(r).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringContaining('printing failed') } });
    expect(fake.BrowserWindow.all.at(-1)!.isDestroyed()).toBe(true);
    expect(await invoke('printToPdf', { html: '' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await invoke('printToPdf', { html: 'x'.repeat(64 * 1024 * 1024 + 1) })).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});
