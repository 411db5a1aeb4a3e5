/**
 * The backup file: every table of the notes database, with a header saying what
 * the file is.
 *
 *   { formatName: 'archive-reader-backup', formatVersion: 1, appVersion, createdAt,
 *     schemaVersion?, counts: { annotations, docState, tags, settings },
 *     tables: { annotations: [...], docState: [...], tags: [...], settings: [...] } }
 *
 * Why our own format and not dexie-export-import's: its importer checks only the
 * header and writes in chunks, so a bad row half-way leaves a half-restored
 * database. Here a file is parsed and every row validated first (backup-parse.ts),
 * and the db module then writes the whole plan in one transaction. The rows are
 * the model's rows as they are (annotation-model.ts), so the file is readable
 * and the CLI can export from it without a database.
 */
import type { Annotation, DocState, TagDef } from '../annotation-model';
import type { SettingRow } from '../schema';

export const BACKUP_FORMAT_NAME = 'archive-reader-backup';
/** Bump when the file layout changes; parseBackup upgrades older versions and refuses newer ones. */
export const BACKUP_FORMAT_VERSION = 1;

export const TABLE_NAMES = ['annotations', 'docState', 'tags', 'settings'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** The whole notes database as plain rows. */
export interface Snapshot {
  annotations: Annotation[];
  docState: DocState[];
  tags: TagDef[];
  settings: SettingRow[];
}

export type TableCounts = Record<TableName, number>;

export interface BackupHeader {
  formatName: typeof BACKUP_FORMAT_NAME;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  /** The Dexie schema version the rows were read from (informational). */
  schemaVersion?: number;
  counts: TableCounts;
}

export interface BackupFile extends BackupHeader {
  tables: Snapshot;
}

/** What the restore dialog shows before anything is written. */
export interface BackupPreview {
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  schemaVersion: number | null;
  counts: TableCounts;
}

/** Primary key of each table (the db module's keys; used for duplicates, merging and canonical order). */
export const PRIMARY_KEY: { [T in TableName]: (row: Snapshot[T][number]) => string } = {
  annotations: (r) => (r as Annotation).id,
  docState: (r) => (r as DocState).docId,
  tags: (r) => (r as TagDef).name.toLowerCase(),
  settings: (r) => (r as SettingRow).key,
};

export function emptySnapshot(): Snapshot {
  return { annotations: [], docState: [], tags: [], settings: [] };
}

export function countsOf(s: Snapshot): TableCounts {
  return {
    annotations: s.annotations.length,
    docState: s.docState.length,
    tags: s.tags.length,
    settings: s.settings.length,
  };
}

/** Serialize a snapshot as a backup file (pretty enough to diff, compact enough for 10,000 notes). */
export function createBackup(
  snapshot: Snapshot,
  meta: { appVersion: string; createdAt?: string; schemaVersion?: number },
): string {
  const file: BackupFile = {
    formatName: BACKUP_FORMAT_NAME,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: meta.appVersion,
    createdAt: meta.createdAt ?? new Date().toISOString(),
    ...(meta.schemaVersion !== undefined ? { schemaVersion: meta.schemaVersion } : {}),
    counts: countsOf(snapshot),
    tables: snapshot,
  };
  // One row per line: readable, diffable, and a cut-off file is obviously cut off.
  const tables = TABLE_NAMES.map(
    (t) => `    ${JSON.stringify(t)}: [${snapshot[t].map((r) => `\n      ${JSON.stringify(r)}`).join(',')}${snapshot[t].length ? '\n    ' : ''}]`,
  ).join(',\n');
  const { tables: _omit, ...header } = file;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  return `${head},\n  "tables": {\n${tables}\n  }\n}\n`;
}

/** `archive-reader-backup-2026-11-23T06-11-34Z.json`: sorts by date, safe on every file system. */
export function backupFileName(createdAt: string, prefix = 'archive-reader-backup'): string {
  const stamp = createdAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `${prefix}-${stamp}.json`;
}
