/**
 * The backup file: every table of the notes database, with a header saying what
 * the file is.
 *
 *   { formatName: 'archive-reader-backup', formatVersion: 2, appVersion, createdAt,
 *     schemaVersion?, counts: { annotations, docState, tags, settings },
 *     tables: { annotations: [...], docState: [...], tags: [...], settings: [...] } }
 *
 * Why our own format and not dexie-export-import's: its importer checks only the
 * header and writes in chunks, so a bad row half-way leaves a half-restored
 * database. Here a file is parsed and every row validated first (backup-parse.ts),
 * and the db module then writes the whole plan in one transaction. The rows are
 * the model's rows as they are (annotation-model.ts), so the file is readable
 * and the CLI can export from it without a database.
 *
 * Format versions: 1 had no archives (its rows read as the bundled archive's);
 * 2 carries `archiveId` on every annotation and article state, so one backup
 * holds the notes of several archives without mixing them.
 */
import type { Annotation, DocState, TagDef } from '../annotation-model';
import type { SettingRow } from '../schema';

export const BACKUP_FORMAT_NAME = 'archive-reader-backup';
/** Bump when the file layout changes; parseBackup upgrades older versions and refuses newer ones. */
export const BACKUP_FORMAT_VERSION = 2;

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

/**
 * What a person would call their notes, for messages: an article's row also
 * holds its reading position, which is no note, so "article notes" counts
 * only rows with note text. `firstAt` is when the earliest of them was made
 * (null when there are none): the first automatic backup waits for it.
 */
export interface NotesContents {
  highlights: number;
  articleNotes: number;
  starred: number;
  taggedArticles: number;
  tags: number;
  firstAt: string | null;
}

export function notesContents(s: Pick<Snapshot, 'annotations' | 'docState' | 'tags'>): NotesContents {
  let firstAt: string | null = null;
  const seen = (t: string | undefined) => {
    if (t && (firstAt === null || t < firstAt)) firstAt = t;
  };
  for (const a of s.annotations) seen(a.created);
  let articleNotes = 0;
  let starred = 0;
  let taggedArticles = 0;
  for (const d of s.docState) {
    const note = d.note.trim() !== '';
    if (note) articleNotes++;
    if (d.starred) starred++;
    if (d.tags.length > 0) taggedArticles++;
    if (note || d.starred || d.tags.length > 0) seen(d.modified);
  }
  for (const t of s.tags) seen(t.created);
  return { highlights: s.annotations.length, articleNotes, starred, taggedArticles, tags: s.tags.length, firstAt };
}

export function hasNotes(c: NotesContents): boolean {
  return c.highlights + c.articleNotes + c.starred + c.taggedArticles + c.tags > 0;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "1 highlight, 1 article note, 2 starred articles, 3 tags" (zero parts left out; "no notes" when empty). */
export function describeContents(c: NotesContents): string {
  const parts = [
    c.highlights ? plural(c.highlights, 'highlight', 'highlights') : '',
    c.articleNotes ? plural(c.articleNotes, 'article note', 'article notes') : '',
    c.starred ? plural(c.starred, 'starred article', 'starred articles') : '',
    c.taggedArticles ? plural(c.taggedArticles, 'tagged article', 'tagged articles') : '',
    c.tags ? plural(c.tags, 'tag', 'tags') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no notes';
}

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
  /** Whose notes the file holds, one entry per archive, most notes first (the restore preview lists them). */
  archives: ArchiveNotesCount[];
}

/** How many notes a backup (or the database) holds for one archive. */
export interface ArchiveNotesCount {
  archiveId: string;
  highlights: number;
  /** Article states: notes, stars, tags or reading places on whole articles. */
  articles: number;
}

/** Per-archive counts of a snapshot's annotations and article states. */
export function archivesOf(s: Pick<Snapshot, 'annotations' | 'docState'>): ArchiveNotesCount[] {
  const by = new Map<string, ArchiveNotesCount>();
  const entry = (archiveId: string) => {
    let e = by.get(archiveId);
    if (!e) by.set(archiveId, (e = { archiveId, highlights: 0, articles: 0 }));
    return e;
  };
  for (const a of s.annotations) entry(a.archiveId).highlights++;
  for (const d of s.docState) entry(d.archiveId).articles++;
  return [...by.values()].sort((x, y) => y.highlights + y.articles - (x.highlights + x.articles) || x.archiveId.localeCompare(y.archiveId));
}

/** Primary key of each table (the db module's keys; used for duplicates, merging and canonical order). */
export const PRIMARY_KEY: { [T in TableName]: (row: Snapshot[T][number]) => string } = {
  annotations: (r) => (r as Annotation).id,
  // The database's key is [archiveId+docId]: two archives may share a document id. (A space never occurs in an archive id.)
  docState: (r) => `${(r as DocState).archiveId} ${(r as DocState).docId}`,
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
