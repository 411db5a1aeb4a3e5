/**
 * Backup, restore and W3C import against the live notes database: the glue
 * between the pure backup format (src-main/shared/notes/backup) and the
 * NotesDatabase. Lives in db/ because all IndexedDB access does.
 *
 * - `readSnapshot` reads all four tables in one read transaction (a consistent
 *   picture even while another window writes).
 * - `createBackupText` turns it into a backup file and checks the file parses
 *   back before anyone relies on it.
 * - `restoreBackup` takes a safety backup first (the caller decides where it
 *   goes), then plans and writes merge or replace inside ONE read-write
 *   transaction over every table: if anything throws, IndexedDB rolls the whole
 *   transaction back and the database is exactly as it was. Replace removes
 *   every readable row; a row too damaged to back up is left where it is.
 * - `importAnnotations` adds W3C-imported annotations the same way.
 *
 * Rows are read through the same restore step as every other read
 * (shared/notes/schema), so what is backed up is exactly what the app can show.
 *
 * A backup is the person's whole notes database, every archive's notes, each
 * row naming its archive; a restore writes each row back to its own archive,
 * whichever archive is open (notes of an archive this app lacks are kept and
 * appear when that archive is imported). W3C imports go into the open archive.
 */
import type { Annotation } from '../../../src-main/shared/notes/annotation-model';
import { err, ok, type Result } from '../../../src-main/shared/result';
import {
  TABLE_NAMES,
  countsOf,
  createBackup,
  emptySnapshot,
  notesContents,
  type NotesContents,
  type Snapshot,
  type TableCounts,
} from '../../../src-main/shared/notes/backup/backup-format';
import { parseBackup } from '../../../src-main/shared/notes/backup/backup-parse';
import { planRestore, type RestoreMode, type RestorePlan } from '../../../src-main/shared/notes/backup/restore-plan';
import { restoreAnnotation, restoreDocState, restoreTagDef, validateSetting, type Restored } from '../../../src-main/shared/notes/schema';
import type { NotesDatabase } from './database';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { ensureTagRows } from './tags-store';
import { guardedWrite, storageErrorMessage } from './write-status';

const tablesOf = (db: NotesDatabase) => [db.annotations, db.articleState, db.tags, db.settings];

/** Every row of every table, as stored, in one read transaction. */
export async function readRawSnapshot(db: NotesDatabase): Promise<Record<(typeof TABLE_NAMES)[number], unknown[]>> {
  return db.transaction('r', tablesOf(db), async () => ({
    annotations: await db.annotations.toArray(),
    docState: await db.articleState.toArray(),
    tags: await db.tags.toArray(),
    settings: await db.settings.toArray(),
  }));
}

export interface SnapshotRead {
  snapshot: Snapshot;
  /** Stored primary keys of the rows in `snapshot` (what a replace deletes; damaged rows are not among them). */
  storedKeys: { annotations: string[]; docState: [string, string][]; tags: string[]; settings: string[] };
  /**
   * Rows the backup format would refuse even after repair (they stay in the
   * database untouched; the person is told how many could not be backed up).
   */
  skipped: string[];
}

const restoreSetting = (raw: unknown): Restored<Snapshot['settings'][number]> => {
  const r = validateSetting(raw);
  return r.ok ? { ok: true, value: r.row } : { ok: false, reason: `setting: ${r.message}` };
};

export async function readSnapshot(db: NotesDatabase): Promise<SnapshotRead> {
  const raw = await readRawSnapshot(db);
  const snapshot = emptySnapshot();
  const skipped: string[] = [];
  const storedKeys: SnapshotRead['storedKeys'] = { annotations: [], docState: [], tags: [], settings: [] };
  // The reader's own restore step decides: a row the Notebook can show is backed up, one it cannot is skipped and counted.
  const take = <T>(rows: unknown[], table: (typeof TABLE_NAMES)[number], restore: (r: unknown) => Restored<T>, key: (row: Record<string, string>) => void): T[] =>
    rows.flatMap((r, i) => {
      const v = restore(r);
      if (v.ok) {
        key(r as Record<string, string>);
        return [v.value];
      }
      skipped.push(`${table} row ${i + 1}: ${v.reason}`);
      return [];
    });
  // The keys as stored (a restored row may differ, e.g. a repaired tag spelling): what a replace deletes.
  snapshot.annotations = take(raw.annotations, 'annotations', (r) => restoreAnnotation(r), (r) => storedKeys.annotations.push(r.id));
  snapshot.docState = take(raw.docState, 'docState', (r) => restoreDocState(r), (r) => storedKeys.docState.push([r.archiveId, r.docId]));
  snapshot.tags = take(raw.tags, 'tags', (r) => restoreTagDef(r), (r) => storedKeys.tags.push(r.name));
  snapshot.settings = take(raw.settings, 'settings', restoreSetting, (r) => storedKeys.settings.push(r.key));
  return { snapshot, skipped, storedKeys };
}

export interface BackupMade {
  text: string;
  createdAt: string;
  counts: TableCounts;
  /** The notes as a person counts them, for the "Backup saved" message. */
  contents: NotesContents;
  skipped: string[];
}

/** A whole-database backup file, verified to parse back to the same counts. */
export async function createBackupText(db: NotesDatabase, appVersion: string): Promise<Result<BackupMade>> {
  try {
    const { snapshot, skipped } = await readSnapshot(db);
    const createdAt = new Date().toISOString();
    const text = createBackup(snapshot, { appVersion, createdAt, schemaVersion: CURRENT_SCHEMA_VERSION });
    const check = parseBackup(text);
    if (!check.ok) return err('internal', `The backup could not be verified, so it was not saved: ${check.message}`);
    return ok({ text, createdAt, counts: countsOf(snapshot), contents: notesContents(snapshot), skipped });
  } catch (e) {
    return err('io', `Could not read the notes database: ${storageErrorMessage(e)}`);
  }
}

/** What the restore dialog shows next to the backup's preview: what merge or replace would change now. */
export async function previewRestore(db: NotesDatabase, incoming: Snapshot): Promise<Record<RestoreMode, RestorePlan['changes']>> {
  const { snapshot } = await readSnapshot(db);
  return {
    merge: planRestore(snapshot, incoming, 'merge').changes,
    replace: planRestore(snapshot, incoming, 'replace').changes,
  };
}

export interface RestoreOptions {
  appVersion: string;
  /** Store the safety backup (a file in the data folder, a download...). Restore stops if it fails. */
  saveSafetyBackup: (backup: BackupMade) => Promise<Result<unknown>>;
}

export interface RestoreDone {
  changes: RestorePlan['changes'];
  safetyBackup: BackupMade;
}

/**
 * Restore a validated snapshot (from parseBackup): safety backup first, then
 * the whole plan in one transaction. Any failure leaves the database as it was.
 */
export async function restoreBackup(db: NotesDatabase, incoming: Snapshot, mode: RestoreMode, opts: RestoreOptions): Promise<Result<RestoreDone>> {
  const safety = await createBackupText(db, opts.appVersion);
  if (!safety.ok) return err(safety.error.code, `Nothing was restored: the safety backup failed. ${safety.error.message}`);
  const saved = await opts.saveSafetyBackup(safety.value);
  if (!saved.ok) return err(saved.error.code, `Nothing was restored: the safety backup could not be saved (${saved.error.message}).`);
  return guardedWrite(() =>
    db.transaction('rw', tablesOf(db), async () => {
      const { snapshot: current, storedKeys } = await readSnapshot(db);
      const plan = planRestore(current, incoming, mode);
      if (plan.clearFirst) {
        // Replace deletes every readable row; a damaged row the backup could not hold stays (never dropped silently).
        await db.annotations.bulkDelete(storedKeys.annotations);
        await db.articleState.bulkDelete(storedKeys.docState);
        await db.tags.bulkDelete(storedKeys.tags);
        await db.settings.bulkDelete(storedKeys.settings);
      }
      await db.annotations.bulkPut(plan.put.annotations);
      await db.articleState.bulkPut(plan.put.docState);
      await db.tags.bulkPut(plan.put.tags);
      await db.settings.bulkPut(plan.put.settings);
      return ok({ changes: plan.changes, safetyBackup: safety.value });
    }),
  );
}

/** Parse, validate and restore a backup file's text: a bad file is refused before anything is touched. */
export async function restoreFromText(db: NotesDatabase, text: string, mode: RestoreMode, opts: RestoreOptions): Promise<Result<RestoreDone>> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return err('invalid-argument', parsed.message);
  return restoreBackup(db, parsed.snapshot, mode, opts);
}

/** Add imported annotations (W3C import): new ids are added, existing ones updated only when newer. */
export async function importAnnotations(db: NotesDatabase, annotations: readonly Annotation[]): Promise<Result<{ added: number; updated: number; kept: number }>> {
  return guardedWrite(() =>
    db.transaction('rw', db.annotations, db.tags, db.tagRenames, async () => {
      let added = 0;
      let updated = 0;
      let kept = 0;
      const existing = await db.annotations.bulkGet(annotations.map((a) => a.id));
      for (const [i, a] of annotations.entries()) {
        const mine = existing[i] ? restoreAnnotation(existing[i]) : null;
        // The same id in another archive is that archive's highlight: never moved into this one.
        if (mine?.ok && mine.value.archiveId !== db.archiveId) {
          kept++;
          continue;
        }
        if (mine?.ok && Date.parse(mine.value.modified) >= Date.parse(a.modified)) {
          kept++;
          continue;
        }
        const row = { ...a, archiveId: db.archiveId, tags: await ensureTagRows(db, a.tags) };
        await db.annotations.put(row);
        if (mine) updated++;
        else added++;
      }
      return ok({ added, updated, kept });
    }),
  );
}

/** The person's notes right now, as a person would count them (see notesContents). */
export async function currentContents(db: NotesDatabase): Promise<NotesContents> {
  return db.transaction('r', [db.annotations, db.articleState, db.tags], async () =>
    notesContents({ annotations: await db.annotations.toArray(), docState: await db.articleState.toArray(), tags: await db.tags.toArray() }),
  );
}

/** Rows per table right now (for "your database holds…" next to a backup's counts). */
export async function currentCounts(db: NotesDatabase): Promise<TableCounts> {
  return db.transaction('r', tablesOf(db), async () => ({
    annotations: await db.annotations.count(),
    docState: await db.articleState.count(),
    tags: await db.tags.count(),
    settings: await db.settings.count(),
  }));
}
