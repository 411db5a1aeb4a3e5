/**
 * The one Dexie instance of the renderer, and the only module (with the rest
 * of db/) that imports dexie. Its name comes from src-main/shared/origin.ts:
 * IndexedDB is keyed by origin and name, and a changed name would look to the
 * person like every note had vanished.
 *
 * One NotesDatabase is the notes of ONE archive (its `archiveId`, the one the
 * host says is open): every store reads and writes only that archive's
 * annotations and article states, so two archives that share a document id
 * never show each other's notes. Tags and settings (colour labels) are the
 * person's, shared by every archive. Several instances (one per archive) may
 * be open on the same IndexedDB database; Dexie's live queries see each
 * other's writes.
 *
 * Tables (see schema.ts for indexes and history):
 *   annotations   Annotation, by id; indexed by archiveId, [archiveId+docId], docId, colour, tags, dates
 *   articleState  DocState (article tags, note, star, reading position), by [archiveId+docId]
 *   tags         TagDef (name, colour), by name
 *   settings     { key, value }: 'colors' holds the person's colour labels
 *   tagRenames   TagRename (old name -> new name, when), by the old name's key (tag-renames.ts)
 *   outbox       rows changed since sync last copied them (sync/outbox-middleware.ts writes it)
 * Rows come back through restore.ts in the stores, never raw.
 */
import { Dexie, type Table } from 'dexie';
import type { Annotation, DocState, TagDef, TagRename } from '../../../src-main/shared/notes/annotation-model';
import { DB_NAME, DEV_DB_NAME } from '../../../src-main/shared/origin';
import { BUNDLED_ARCHIVE_ID } from '../../../src-main/shared/notes/schema';
import { SCHEMA_VERSIONS } from './schema';
import { outboxMiddleware } from './sync/outbox-middleware';
import type { OutboxEntry } from './sync/synced-tables';

/** The first version with the outbox table. */
const OUTBOX_VERSION = 4;

export interface SettingsRow {
  key: string;
  value: unknown;
}

export class NotesDatabase extends Dexie {
  annotations!: Table<Annotation, string>;
  articleState!: Table<DocState, [string, string]>;
  tags!: Table<TagDef, string>;
  settings!: Table<SettingsRow, string>;
  outbox!: Table<OutboxEntry, string>;
  tagRenames!: Table<TagRename, string>;

  /**
   * @param upTo declare versions only up to this one: tests use it to build a
   *   database exactly as an older app would have left it.
   * @param archiveId the archive whose notes this instance reads and writes.
   */
  constructor(
    name: string,
    upTo = Infinity,
    readonly archiveId: string = BUNDLED_ARCHIVE_ID,
  ) {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    if (upTo >= OUTBOX_VERSION) this.use(outboxMiddleware);
  }
}

/** Database name for this build: development never touches the real notes. */
export function defaultDbName(): string {
  return import.meta.env.DEV ? DEV_DB_NAME : DB_NAME;
}

const instances = new Map<string, NotesDatabase>();

/** The app's notes of one archive (the open one: AppInfo.archiveId), opened lazily on first use. */
export function notesDb(archiveId: string = BUNDLED_ARCHIVE_ID): NotesDatabase {
  let db = instances.get(archiveId);
  if (!db) instances.set(archiveId, (db = new NotesDatabase(defaultDbName(), Infinity, archiveId)));
  return db;
}

/** A database under another name (tests; a restore preview), scoped to `archiveId` (default: the bundled archive). */
export function openNotesDatabase(name: string, upTo?: number, archiveId?: string): NotesDatabase {
  return new NotesDatabase(name, upTo, archiveId);
}

/** Remove a database by name (tests, "delete everything"). */
export function deleteNotesDatabase(name: string): Promise<void> {
  return Dexie.delete(name);
}

