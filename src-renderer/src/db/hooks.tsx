/**
 * React access to the notes: a provider that says which database to use
 * (the app's by default; tests and previews pass their own) and live-query
 * hooks. Live queries re-run when any window of the same origin writes, so two
 * windows stay in sync. Every row comes back through restore.ts.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation, ColorDef, DocState, TagDef } from '../../../src-main/shared/notes/annotation-model';
import { DEFAULT_COLORS } from '../../../src-main/shared/notes/annotation-model';
import { notesDb, type NotesDatabase } from './database';
import { readAnnotations, type RowsRead } from './annotations-store';
import { emptyDocState, readAllDocStates, readDocState } from './doc-state-store';
import { readColors, readSetting } from './settings-store';
import { readNotesSummary, type DocNotesSummary } from './summary-store';
import { readTagUsage, readTags, type TagUsage } from './tags-store';
import { getWriteStatus, subscribeWriteStatus, type WriteStatus } from './write-status';

const NotesDbContext = createContext<NotesDatabase | null>(null);

export function NotesDbProvider({ db, children }: { db: NotesDatabase; children: ReactNode }) {
  return <NotesDbContext.Provider value={db}>{children}</NotesDbContext.Provider>;
}

/** The database components write to: the provider's, else the app's. */
export function useNotesDb(): NotesDatabase {
  return useContext(NotesDbContext) ?? notesDb();
}

const NO_ROWS: RowsRead<Annotation> = { rows: [], invalid: [] };

/**
 * An article's annotations read ahead, while its text is still on its way from
 * the host, so the reader paints its highlights with its first paragraphs
 * instead of one IndexedDB round trip later. One entry (the article being
 * opened), used by the hooks that mount with the article (the sidebar and the
 * painter each read the rows) and dropped shortly after; the live query that
 * follows replaces it with the current rows at once if anything changed.
 */
let readAhead: { db: NotesDatabase; docId: string; at: number; rows: RowsRead<Annotation> | null } | null = null;
/** A read ahead older than this is not shown even for a moment (the live query answers instead). */
const READ_AHEAD_MS = 5000;

/** How long a read-ahead stays usable once the article has mounted (its hooks mount together). */
const TAKEN_MS = 100;

export function readAheadDocAnnotations(db: NotesDatabase, docId: string): void {
  const entry: NonNullable<typeof readAhead> = { db, docId, at: performance.now(), rows: null };
  readAhead = entry;
  readAnnotations(db, docId).then(
    (rows) => {
      entry.rows = rows;
    },
    () => {
      if (readAhead === entry) readAhead = null;
    },
  );
}

function takeReadAhead(db: NotesDatabase, docId: string): RowsRead<Annotation> | undefined {
  const r = readAhead;
  if (!r || r.db !== db || r.docId !== docId || !r.rows || performance.now() - r.at >= READ_AHEAD_MS) return undefined;
  setTimeout(() => {
    if (readAhead === r) readAhead = null;
  }, TAKEN_MS);
  return r.rows;
}

/** The annotations of one article (undefined while loading). */
export function useDocAnnotations(docId: string | null | undefined): RowsRead<Annotation> | undefined {
  const db = useNotesDb();
  const [initial] = useState(() => (docId ? takeReadAhead(db, docId) : undefined));
  return useLiveQuery(() => (docId ? readAnnotations(db, docId) : NO_ROWS), [db, docId], initial);
}

/** Starts reading an article's annotations ahead of its text (the reader, on the route change). */
export function useReadAheadAnnotations(docId: string): void {
  const db = useNotesDb();
  useEffect(() => readAheadDocAnnotations(db, docId), [db, docId]);
}

/** Every annotation in the archive (undefined while loading). */
export function useAllAnnotations(): RowsRead<Annotation> | undefined {
  const db = useNotesDb();
  return useLiveQuery(() => readAnnotations(db), [db]);
}

export function useDocState(docId: string | null | undefined): DocState | undefined {
  const db = useNotesDb();
  return useLiveQuery(() => (docId ? readDocState(db, docId) : emptyDocState('')), [db, docId]);
}

export function useAllDocStates(): DocState[] | undefined {
  const db = useNotesDb();
  return useLiveQuery(() => readAllDocStates(db), [db]);
}

export function useTags(): TagDef[] {
  const db = useNotesDb();
  return useLiveQuery(() => readTags(db), [db], [] as TagDef[]);
}

export function useTagUsage(): TagUsage[] | undefined {
  const db = useNotesDb();
  return useLiveQuery(() => readTagUsage(db), [db]);
}

/** The person's colour labels (the defaults until loaded). */
export function useColors(): ColorDef[] {
  const db = useNotesDb();
  return useLiveQuery(() => readColors(db), [db], DEFAULT_COLORS as ColorDef[]);
}

/** Per-article notes summary for the library (annotated / starred / tag filters) and search scope. */
export function useNotesSummary(): Map<string, DocNotesSummary> | undefined {
  const db = useNotesDb();
  return useLiveQuery(() => readNotesSummary(db), [db]);
}

/** The last storage failure (quota, closed database), or none. */
export function useWriteStatus(): WriteStatus {
  return useSyncExternalStore(subscribeWriteStatus, getWriteStatus);
}

/** A setting kept with the notes, as stored (undefined while loading, null when absent). */
export function useSetting(key: string): unknown {
  const db = useNotesDb();
  return useLiveQuery(async () => (await readSetting(db, key)) ?? null, [db, key]);
}
