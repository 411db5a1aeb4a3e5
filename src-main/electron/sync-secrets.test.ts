/**
 * Settings > Sync in the desktop app keeps the password and the passphrase
 * sealed by safeStorage (the fake electron plays the keychain): the file on
 * disk holds neither, both come back for the proxy and the renderer, and a
 * file the keychain cannot open is a clear message naming it, never garbage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SyncSettingsStore } from '../sync/sync-settings-store';
import { tempDirsForFile } from '../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();

vi.mock('electron', () => import('./test/fake-electron'));
const fake = await import('./test/fake-electron');
const { safeStorageBox } = await import('./sync-secrets');

const settings = { serverUrl: 'http://127.0.0.1:5984/notes', user: 'reader', password: 'a long server password', passphrase: 'my sealed passphrase', enabled: true };

afterEach(() => {
  fake.safeStorage.available = true;
  fake.safeStorage.backend = 'gnome_libsecret';
});

describe('sync credentials with safeStorage', () => {
  test('the file holds neither secret; the store gives both back', async () => {
    const dir = tempDir('sync-secrets-');
    const store = new SyncSettingsStore(dir, safeStorageBox());
    expect((await store.set(settings)).ok).toBe(true);
    const onDisk = readFileSync(join(dir, 'sync.json'), 'utf8');
    expect(onDisk).not.toContain(settings.password);
    expect(onDisk).not.toContain(settings.passphrase);
    expect(JSON.parse(onDisk)).toMatchObject({ secrets: 'sealed', user: 'reader' });
    // A new start of the app reads them back.
    const again = new SyncSettingsStore(dir, safeStorageBox());
    expect(await again.target()).toEqual({ serverUrl: settings.serverUrl, user: 'reader', password: settings.password });
    expect(await again.passphrase()).toEqual({ ok: true, value: { passphrase: settings.passphrase } });
    expect(await again.get()).toEqual({ ok: true, value: { serverUrl: settings.serverUrl, user: 'reader', hasPassword: true, hasPassphrase: true, enabled: true } });
  });

  test('no keychain (or Linux with only the fixed-key fallback): no box, so the store keeps its 0600 file', () => {
    fake.safeStorage.available = false;
    expect(safeStorageBox()).toBeNull();
    fake.safeStorage.available = true;
    fake.safeStorage.backend = 'basic_text';
    expect(safeStorageBox() === null).toBe(process.platform === 'linux');
  });

  test('a sealed password the keychain cannot open: a message naming the file, and no password sent', async () => {
    const dir = tempDir('sync-secrets-');
    const file = join(dir, 'sync.json');
    writeFileSync(file, JSON.stringify({ ...settings, password: Buffer.from('sealed elsewhere').toString('base64'), passphrase: '', secrets: 'sealed' }));
    const store = new SyncSettingsStore(dir, safeStorageBox());
    const r = await store.get();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(file);
    expect(await store.target()).toBeNull();
    // The file is left as it was until the person saves again.
    expect(JSON.parse(readFileSync(file, 'utf8')).secrets).toBe('sealed');
  });
});
