/**
 * Backup and restore against real IndexedDB in Chromium: back up, empty the
 * database, restore, compare canonical hashes (also from a database that
 * started at schema version 1); every malformed backup leaves the database
 * byte-for-byte unchanged; a write failure halfway through a replace rolls the
 * whole restore back; a failed safety backup stops the restore.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, err } from '../../../src-main/shared/result';
import type { NotesDatabase } from './database';
import { deleteNotesDatabase, openNotesDatabase } from './database';
import fixtureV1 from './fixtures/notes-v1.json';
import { createFixtureDatabase, type NotesFixture } from './fixtures/load-fixture';
import { freshDb } from './test-helpers';
import { parseBackup } from '../../../src-main/shared/notes/backup/backup-parse';
import { createBackup, emptySnapshot } from '../../../src-main/shared/notes/backup/backup-format';
import { readAnnotations } from './annotations-store';
import { canonicalSnapshot, snapshotHash } from '../../../src-main/shared/notes/backup/restore-plan';
import { GOOD_BACKUP, MALFORMED_BACKUPS } from '../../../src-main/shared/notes/backup/malformed-backups';
import { FIXTURE_SNAPSHOT } from '../../../src-main/shared/notes/test-fixtures';
import { exportW3c } from '../../../src-main/shared/notes/w3c-export';
import { importW3cText } from '../../../src-main/shared/notes/w3c-import';
import { fixtureInput } from '../../../src-main/shared/notes/test-fixtures';
import { createBackupText, importAnnotations, readRawSnapshot, readSnapshot, restoreBackup, restoreFromText, type BackupMade } from './backup-db';

let db: NotesDatabase;
let dispose: () => Promise<void>;
const safety: BackupMade[] = [];
const opts = { appVersion: 'test', saveSafetyBackup: async (b: BackupMade) => (safety.push(b), ok(null)) };

beforeEach(async () => {
  ({ db, dispose } = await freshDb());
  safety.length = 0;
});
afterEach(async () => {
  await dispose();
});

async function fill(target: NotesDatabase): Promise<void> {
  await target.transaction('rw', [target.annotations, target.articleState, target.tags, target.settings], async () => {
    await target.annotations.bulkPut(structuredClone(FIXTURE_SNAPSHOT.annotations));
    await target.articleState.bulkPut(structuredClone(FIXTURE_SNAPSHOT.docState));
    await target.tags.bulkPut(structuredClone(FIXTURE_SNAPSHOT.tags));
    await target.settings.bulkPut(structuredClone(FIXTURE_SNAPSHOT.settings));
  });
}

/** Everything stored, raw, as one string: "byte-for-byte unchanged" means this string is equal. */
const rawState = async (target: NotesDatabase) => canonicalSnapshot((await readRawSnapshot(target)) as never);
const hash = async (target: NotesDatabase) => snapshotHash((await readSnapshot(target)).snapshot);

describe('backup, clear, restore', () => {
  it('gives back the same database (canonical hash), and keeps a safety backup of what was there', async () => {
    await fill(db);
    const before = await hash(db);
    const made = await createBackupText(db, '0.1.0');
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.counts).toEqual({ annotations: 7, docState: 2, tags: 2, settings: 2 });

    await db.transaction('rw', [db.annotations, db.articleState, db.tags, db.settings], async () => {
      for (const t of [db.annotations, db.articleState, db.tags, db.settings]) await t.clear();
    });
    expect(await db.annotations.count()).toBe(0);

    const r = await restoreFromText(db, made.value.text, 'replace', opts);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.changes.annotations.added).toBe(7);
    expect(await hash(db)).toBe(before);
    expect(safety).toHaveLength(1);
    expect(safety[0].counts.annotations).toBe(0);
  });

  it('merge into a changed database keeps newer edits and adds what is missing', async () => {
    await fill(db);
    const backup = await createBackupText(db, '0.1.0');
    if (!backup.ok) throw new Error(backup.error.message);
    await db.annotations.update('a1-plain', { note: 'edited after the backup', modified: '2030-01-01T00:00:00.000Z' });
    await db.annotations.delete('a2-markdown');
    const r = await restoreFromText(db, backup.value.text, 'merge', opts);
    if (!r.ok) throw new Error(r.error.message);
    expect((await db.annotations.get('a1-plain'))?.note).toBe('edited after the backup');
    expect(await db.annotations.get('a2-markdown')).toBeDefined();
    expect(r.value.changes.annotations).toMatchObject({ added: 1, keptCurrent: 1 });
  });

  it('works across a schema version change: a database made at version 1, upgraded, backed up and restored', async () => {
    const name = `backup-v1-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    await createFixtureDatabase(name, fixtureV1 as unknown as NotesFixture);
    const upgraded = openNotesDatabase(name);
    try {
      await upgraded.open();
      const before = await hash(upgraded);
      const made = await createBackupText(upgraded, '0.1.0');
      if (!made.ok) throw new Error(made.error.message);
      // The row the v1 fixture holds damaged beyond repair cannot go into a backup: reported, and kept in the database.
      expect(made.value.skipped).toHaveLength(1);
      const r = await restoreFromText(upgraded, made.value.text, 'replace', opts);
      if (!r.ok) throw new Error(r.error.message);
      expect(await hash(upgraded)).toBe(before);
      expect((await upgraded.annotations.get('0b6f2a8e-4f0e-4d47-9a59-2f0b1c6a7e05'))?.note).toBe('a row damaged beyond repair: no quote');
      // And into a brand-new database.
      const { db: empty, dispose: disposeEmpty } = await freshDb();
      try {
        const r2 = await restoreFromText(empty, made.value.text, 'merge', opts);
        if (!r2.ok) throw new Error(r2.error.message);
        expect(await hash(empty)).toBe(before);
      } finally {
        await disposeEmpty();
      }
    } finally {
      upgraded.close();
      await deleteNotesDatabase(name);
    }
  });
});

describe('what a restore adds, the Notebook shows', () => {
  // The old bug: the backup check allowed a 1,000,000-character quote and the reader 200,000, so
  // restoring this file said "1 highlight added" and the Notebook then showed none
  // ("1 saved item could not be read"). One schema now decides both: the file is refused, saying why.
  it('a backup holding a 300,000-character quote is refused at restore, naming the row and the limit', async () => {
    const long = { ...FIXTURE_SNAPSHOT.annotations[0], id: 'long-quote', quote: { ...FIXTURE_SNAPSHOT.annotations[0].quote, exact: 'q'.repeat(300_000) } };
    const text = createBackup({ ...emptySnapshot(), annotations: [long] }, { appVersion: '0.1.0', createdAt: '2026-01-15T09:00:00.000Z' });
    const r = await restoreFromText(db, text, 'merge', opts);
    const added = r.ok ? r.value.changes.annotations.added : 0;
    const read = await readAnnotations(db);
    // Whatever a restore reports as added must be readable: the invariant the bug broke.
    expect(read.rows).toHaveLength(added);
    expect(read.invalid).toEqual([]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Annotation 1 ("long-quote"): quote.exact is too long (300,000 characters; the limit is 200,000)');
  });

  it('a quote at the limit is restored and readable', async () => {
    const atLimit = { ...FIXTURE_SNAPSHOT.annotations[0], id: 'at-limit', quote: { ...FIXTURE_SNAPSHOT.annotations[0].quote, exact: 'q'.repeat(200_000) } };
    const text = createBackup({ ...emptySnapshot(), annotations: [atLimit] }, { appVersion: '0.1.0', createdAt: '2026-01-15T09:00:00.000Z' });
    const r = await restoreFromText(db, text, 'merge', opts);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.changes.annotations.added).toBe(1);
    const read = await readAnnotations(db);
    expect(read.rows.map((a) => a.id)).toEqual(['at-limit']);
  });
});

describe('bad input leaves the database unchanged', () => {
  for (const [name, text] of MALFORMED_BACKUPS) {
    it(`refuses ${name}`, async () => {
      await fill(db);
      const before = await rawState(db);
      for (const mode of ['merge', 'replace'] as const) {
        const r = await restoreFromText(db, text, mode, opts);
        expect(r.ok).toBe(false);
      }
      expect(await rawState(db)).toBe(before);
      expect(safety).toHaveLength(0);
    });
  }

  it('a storage failure halfway through a replace rolls everything back', async () => {
    await fill(db);
    const before = await rawState(db);
    const parsed = parseBackup(GOOD_BACKUP.replace(/"note":"Kept and exported anyway\."/, '"note":"changed"'));
    if (!parsed.ok) throw new Error(parsed.message);
    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    let calls = 0;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls > 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const r = await restoreBackup(db, parsed.snapshot, 'replace', opts);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/disk is full|quota/);
    } finally {
      proto.put = put;
    }
    expect(calls).toBeGreaterThan(3);
    expect(await rawState(db)).toBe(before);
  });

  it('a failed safety backup stops the restore before anything is written', async () => {
    await fill(db);
    const before = await rawState(db);
    const r = await restoreFromText(db, GOOD_BACKUP.replace(/"theme","value":"sepia"/, '"theme","value":"dark"'), 'replace', {
      appVersion: 'test',
      saveSafetyBackup: async () => err('cancelled', 'you cancelled saving the safety backup'),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Nothing was restored: the safety backup could not be saved/);
    expect(await rawState(db)).toBe(before);
  });
});

describe('W3C import into the database', () => {
  it('adds annotations on known articles, creating their tag rows, and is idempotent', async () => {
    const known = new Set(FIXTURE_SNAPSHOT.annotations.map((a) => a.docId).filter((d) => d !== 'csto-removed-article'));
    const parsed = importW3cText(exportW3c(fixtureInput()), { knownDocIds: known });
    if (!parsed.ok) throw new Error(parsed.message);
    const r = await importAnnotations(db, parsed.annotations);
    expect(r).toEqual({ ok: true, value: { added: 6, updated: 0, kept: 0 } });
    expect((await db.tags.toArray()).map((t) => t.name)).toContain('Центральная Азия');
    const again = await importAnnotations(db, parsed.annotations);
    expect(again).toEqual({ ok: true, value: { added: 0, updated: 0, kept: 6 } });
  });
});
