/**
 * The web host's backups: `--data <dir>` decides where they go, a backup
 * larger than the ordinary body limit still goes through, and printToPdf says
 * the browser prints itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBackup } from '../shared/notes/backup/backup-format';
import { GOOD_BACKUP } from '../shared/notes/backup/malformed-backups';
import { FIXTURE_SNAPSHOT } from '../shared/notes/test-fixtures';
import type { BackupEntry, BackupWriteResponse } from '../shared/contract';
import type { Result } from '../shared/result';
import { openArchiveAt } from './open-archive';
import { MAX_BODY_BYTES, defaultWebDataDir, startWebHost, type WebHost } from './server';
import { tempDirsForFile } from '../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();

let host: WebHost;
let dataDir: string;

async function api(method: string, arg?: unknown): Promise<Result<unknown>> {
  const res = await fetch(new URL(`/api/${method}`, host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: arg === undefined ? undefined : JSON.stringify(arg),
  });
  return (await res.json()) as Result<unknown>;
}

beforeAll(async () => {
  dataDir = tempDir('web-data-');
  const rendererDir = tempDir('renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Archive Reader</title>');
  host = await startWebHost({ port: 0, rendererDir, dataDir, archive: openArchiveAt(), log: () => {} });
});
afterAll(() => host?.close());

describe('web host backups', () => {
  test('write, list and read go to <data>/backups', async () => {
    expect(host.backupsDir).toBe(join(dataDir, 'backups'));
    const w = await api('backupWrite', { text: GOOD_BACKUP, reason: 'auto' });
    expect(w.ok).toBe(true);
    const { entry } = (w as { value: BackupWriteResponse }).value;
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([entry.name]);
    expect(readFileSync(join(dataDir, 'backups', entry.name), 'utf8')).toBe(GOOD_BACKUP);
    expect(await api('backupList')).toEqual({ ok: true, value: [entry] as BackupEntry[] });
    expect(await api('backupRead', { name: entry.name })).toEqual({ ok: true, value: { name: entry.name, text: GOOD_BACKUP } });
    expect(await api('backupRead', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  test('a backup larger than the ordinary request limit is accepted', async () => {
    const bigNote = 'x'.repeat(9_000);
    const annotations = Array.from({ length: 1_100 }, (_, i) => ({ ...FIXTURE_SNAPSHOT.annotations[0], id: `big-${i}`, note: bigNote }));
    const text = createBackup({ ...FIXTURE_SNAPSHOT, annotations }, { appVersion: '0.1.0', createdAt: '2026-02-01T00:00:00.000Z' });
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_BODY_BYTES);
    const w = await api('backupWrite', { text, reason: 'manual' });
    expect(w).toMatchObject({ ok: true, value: { entry: { counts: { annotations: 1_100 } } } });
  });

  test('printToPdf is unsupported: the browser prints the HTML export itself', async () => {
    const r = await api('printToPdf', { html: '<p>x</p>' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/Print dialog/) } });
  });
});

describe('where the web host keeps its data by default', () => {
  test('a per-user folder: XDG_DATA_HOME, else ~/.local/share; LOCALAPPDATA on Windows', () => {
    expect(defaultWebDataDir({ XDG_DATA_HOME: '/x/data' }, 'linux')).toBe(resolve('/x/data/archive-reader-web'));
    expect(defaultWebDataDir({}, 'linux')).toBe(join(homedir(), '.local', 'share', 'archive-reader-web'));
    expect(defaultWebDataDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toContain('archive-reader-web');
  });

  test('npm run web refuses an empty --data', () => {
    const root = resolve(import.meta.dirname, '..', '..');
    const rendererDir = tempDir('renderer-');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src-main/web/main.ts'), '--port', '0', '--renderer', rendererDir, '--data', ' '], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--data needs a folder/);
  });
});
