/**
 * The one Dexie instance of the renderer, and the only module (with the rest
 * of db/) that imports dexie. Its name comes from src-main/shared/origin.ts:
 * IndexedDB is keyed by origin and name, and a changed name would look to the
 * person like every note had vanished.
 *
 * Tables (see schema.ts for indexes and history):
 *   annotations  Annotation, by id; indexed by docId, colour, tags, dates
 *   docState     DocState (article tags, note, star, reading position), by docId
 *   tags         TagDef (name, colour), by name
 *   settings     { key, value }: 'colors' holds the person's colour labels
 *   outbox       rows changed since sync last copied them (sync/outbox-middleware.ts writes it)
 * Rows come back through restore.ts in the stores, never raw.
 */
import { Dexie, type Table } from 'dexie';
import type { Annotation, DocState, TagDef } from '../../../src-main/shared/notes/annotation-model';
import { DB_NAME, DEV_DB_NAME } from '../../../src-main/shared/origin';
import { SCHEMA_VERSIONS } from './schema';
import { outboxMiddleware } from './sync/outbox-middleware';
import type { OutboxEntry } from './sync/synced-tables';

/** The first version with the outbox table. */
const OUTBOX_VERSION = 3;

export interface SettingsRow {
  key: string;
  value: unknown;
}

export class NotesDatabase extends Dexie {
  annotations!: Table<Annotation, string>;
  docState!: Table<DocState, string>;
  tags!: Table<TagDef, string>;
  settings!: Table<SettingsRow, string>;
  outbox!: Table<OutboxEntry, string>;

  /**
   * @param upTo declare versions only up to this one: tests use it to build a
   *   database exactly as an older app would have left it.
   */
  constructor(name: string, upTo = Infinity) {
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

let instance: NotesDatabase | null = null;

/** The app's database, opened lazily on first use. */
export function notesDb(): NotesDatabase {
  if (!instance) instance = new NotesDatabase(defaultDbName());
  return instance;
}

/** A database under another name (tests; a restore preview). */
export function openNotesDatabase(name: string, upTo?: number): NotesDatabase {
  return new NotesDatabase(name, upTo);
}

/** Remove a database by name (tests, "delete everything"). */
export function deleteNotesDatabase(name: string): Promise<void> {
  return Dexie.delete(name);
}

