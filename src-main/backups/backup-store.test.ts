/**
 * The backups folder on a real disk: what is written is exactly what the
 * renderer sent, only valid backups are written, the last 10 automatic ones
 * are kept, the list is newest first with counts, and no name reaches outside
 * the folder.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createBackup } from '../shared/notes/backup/backup-format';
import { GOOD_BACKUP, MALFORMED_BACKUPS } from '../shared/notes/backup/malformed-backups';
import { FIXTURE_SNAPSHOT } from '../shared/notes/test-fixtures';
import type { BackupReason } from '../shared/contract';
import type { Result } from '../shared/result';
import { BackupStore, backupName, isBackupName, readHeader } from './backup-store';
import { tempDirsForFile } from '../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();

const day = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-01-01T08:00:00.000Z');

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A store whose clock the test moves. */
function store() {
  const dir = join(tempDir('backups-'), 'backups');
  let now = T0;
  const s = new BackupStore(dir, { now: () => new Date(now), log: () => {} });
  return { s, dir, tick: (ms: number) => (now += ms), at: () => new Date(now).toISOString() };
}

const backupAt = (createdAt: string) => createBackup(FIXTURE_SNAPSHOT, { appVersion: '0.1.0', createdAt, schemaVersion: 1 });

describe('backupWrite', () => {
  test('writes the text unchanged, under a name of ours, with its date, reason, size and counts', async () => {
    const { s, dir } = store();
    const r = value(await s.write({ text: GOOD_BACKUP, reason: 'quit' }));
    expect(r.pruned).toEqual([]);
    expect(r.entry).toEqual({
      name: 'archive-reader-backup-quit-2026-01-01T08-00-00-000Z.json',
      createdAt: '2026-01-15T09:00:00.000Z',
      reason: 'quit',
      bytes: Buffer.byteLength(GOOD_BACKUP),
      counts: {
        annotations: FIXTURE_SNAPSHOT.annotations.length,
        docState: FIXTURE_SNAPSHOT.docState.length,
        tags: FIXTURE_SNAPSHOT.tags.length,
        settings: FIXTURE_SNAPSHOT.settings.length,
      },
    });
    expect(readFileSync(join(dir, r.entry.name), 'utf8')).toBe(GOOD_BACKUP);
    // No temporary file is left behind.
    expect(readdirSync(dir)).toEqual([r.entry.name]);
    expect(value(await s.read(r.entry.name)).text).toBe(GOOD_BACKUP);
  });

  test('two backups in the same millisecond get two names', async () => {
    const { s } = store();
    const a = value(await s.write({ text: GOOD_BACKUP, reason: 'manual' }));
    const b = value(await s.write({ text: GOOD_BACKUP, reason: 'manual' }));
    expect(b.entry.name).toBe(a.entry.name.replace('.json', '-1.json'));
    expect(value(await s.list())).toHaveLength(2);
  });

  test.each(MALFORMED_BACKUPS)('refuses %s and writes nothing', async (_what, text) => {
    const { s, dir } = store();
    const r = await s.write({ text, reason: 'auto' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^Not saved as a backup: /);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  test('a folder that cannot be written answers io and leaves the older backups alone', async () => {
    if (process.getuid?.() === 0) {
      // root ignores folder permissions: use a path under a file instead.
      const { s } = store();
      const blocked = new BackupStore(join(tempDir('f-'), 'file', 'backups'), { log: () => {} });
      writeFileSync(join(blocked.dir, '..', '..', 'file'), 'x');
      const r = await blocked.write({ text: GOOD_BACKUP, reason: 'auto' });
      expect(r).toMatchObject({ ok: false, error: { code: 'io' } });
      expect(value(await s.list())).toEqual([]);
      return;
    }
    const { s, dir } = store();
    const first = value(await s.write({ text: GOOD_BACKUP, reason: 'auto' }));
    chmodSync(dir, 0o500);
    try {
      expect(await s.write({ text: GOOD_BACKUP, reason: 'auto' })).toMatchObject({ ok: false, error: { code: 'io' } });
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(readdirSync(dir)).toEqual([first.entry.name]);
  });
});

describe('keeping the last 10 automatic backups', () => {
  test('the 11th automatic backup removes the oldest; manual and safety ones are not counted', async () => {
    const { s, tick, at } = store();
    const manual = value(await s.write({ text: backupAt(at()), reason: 'manual' }));
    const safety = value(await s.write({ text: backupAt(at()), reason: 'safety' }));
    const written: string[] = [];
    for (let i = 0; i < 10; i++) {
      tick(day);
      const reason: BackupReason = i % 2 ? 'quit' : 'auto';
      const r = value(await s.write({ text: backupAt(at()), reason }));
      expect(r.pruned).toEqual([]);
      written.push(r.entry.name);
    }
    tick(day);
    const eleventh = value(await s.write({ text: backupAt(at()), reason: 'auto' }));
    expect(eleventh.pruned).toEqual([written[0]]);
    const names = value(await s.list()).map((e) => e.name);
    expect(names).toHaveLength(12);
    expect(names[0]).toBe(eleventh.entry.name);
    expect(names).toEqual(expect.arrayContaining([manual.entry.name, safety.entry.name, ...written.slice(1)]));
    expect(names).not.toContain(written[0]);
  });

  test('backups of an emptied database never push out the last backup that has notes', async () => {
    const { s, tick, at } = store();
    const withNotes = value(await s.write({ text: backupAt(at()), reason: 'auto' }));
    const empty = () => createBackup({ annotations: [], docState: [], tags: [], settings: [] }, { appVersion: '0.1.0', createdAt: at() });
    for (let i = 0; i < 15; i++) {
      tick(day);
      await s.write({ text: empty(), reason: 'quit' });
    }
    const list = value(await s.list());
    expect(list).toHaveLength(11);
    expect(list.at(-1)).toEqual(withNotes.entry);
    expect(list.slice(0, 10).every((e) => e.counts.annotations === 0)).toBe(true);
  });

  test('safety backups are pruned among themselves to 10, never touching automatic ones', async () => {
    const { s, tick, at } = store();
    const auto = value(await s.write({ text: backupAt(at()), reason: 'auto' }));
    for (let i = 0; i < 12; i++) {
      tick(1000);
      await s.write({ text: backupAt(at()), reason: 'safety' });
    }
    const list = value(await s.list());
    expect(list.filter((e) => e.reason === 'safety')).toHaveLength(10);
    expect(list.map((e) => e.name)).toContain(auto.entry.name);
  });

  test('an automatic backup is due when none exists or the newest is a day old', async () => {
    const { s, tick, at } = store();
    expect(await s.automaticBackupDue()).toBe(true);
    await s.write({ text: backupAt(at()), reason: 'manual' });
    expect(await s.automaticBackupDue()).toBe(true);
    await s.write({ text: backupAt(at()), reason: 'quit' });
    expect(await s.automaticBackupDue()).toBe(false);
    tick(day - 1);
    expect(await s.automaticBackupDue()).toBe(false);
    tick(1);
    expect(await s.automaticBackupDue()).toBe(true);
  });
});

describe('backupList and backupRead', () => {
  test('newest first; files that are not ours or are damaged are not listed', async () => {
    const { s, dir, tick } = store();
    const older = value(await s.write({ text: backupAt('2026-01-01T00:00:00.000Z'), reason: 'auto' }));
    tick(1000);
    const newer = value(await s.write({ text: backupAt('2026-01-02T00:00:00.000Z'), reason: 'auto' }));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, backupName('auto', new Date('2025-01-01'))), '{"formatName": "archive-reader-bac');
    mkdirSync(join(dir, backupName('manual', new Date('2025-01-02'))));
    expect(value(await s.list()).map((e) => e.name)).toEqual([newer.entry.name, older.entry.name]);
  });

  test('an empty or missing folder lists nothing', async () => {
    expect(value(await store().s.list())).toEqual([]);
  });

  test('names that are not ours, paths and traversal are refused', async () => {
    const { s } = store();
    for (const name of ['../../etc/passwd', '/etc/passwd', 'archive-reader-backup-auto-2026-01-01T08-00-00-000Z.json/../../x', 'notes.txt',
      'archive-reader-backup-evil-2026-01-01T08-00-00-000Z.json', 'archive-reader-backup-auto-2026-01-01T08-00-00-000Z.json.tmp', '']) {
      expect(isBackupName(name), name).toBe(false);
      expect(await s.read(name), name).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(await s.read('archive-reader-backup-auto-2026-01-01T08-00-00-000Z.json')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('readHeader finds date and counts at the head, or in a file written another way', () => {
    const compact = JSON.stringify(JSON.parse(GOOD_BACKUP));
    for (const text of [GOOD_BACKUP, compact]) {
      expect(readHeader(text)).toEqual({ createdAt: '2026-01-15T09:00:00.000Z', counts: expect.objectContaining({ annotations: FIXTURE_SNAPSHOT.annotations.length }) });
    }
    expect(readHeader('{"createdAt": "x", "counts": {}}')).toBeNull();
    expect(readHeader('not json')).toBeNull();
  });
});

describe('backupList reads each header once', () => {
  test('a header is cached by name, size and mtime: concurrent lists agree, and a file changed in place with the same size and mtime is not re-read', async () => {
    const { s, dir } = store();
    const entry = value(await s.write({ text: GOOD_BACKUP, reason: 'manual' })).entry;
    const file = join(dir, entry.name);
    const { utimesSync } = await import('node:fs');
    utimesSync(file, 1_700_000_000, 1_700_000_000); // a whole second: the same mtime can be put back exactly
    const lists = await Promise.all(Array.from({ length: 20 }, () => s.list()));
    for (const l of lists) expect(value(l)).toEqual([entry]);
    // Same length, other date; then the old mtime put back: the cached header (old date) is still given.
    writeFileSync(file, GOOD_BACKUP.replace('2026-01-15T09:00:00.000Z', '2026-01-16T09:00:00.000Z'));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(value(await s.list())[0].createdAt).toBe('2026-01-15T09:00:00.000Z');
    // A fresh store (no cache) reads the file as it is now.
    expect(value(await new BackupStore(dir, { log: () => {} }).list())[0].createdAt).toBe('2026-01-16T09:00:00.000Z');
  });
});
