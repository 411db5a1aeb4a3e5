/**
 * React access to the notes: a provider that says which database to use
 * (the app's by default; tests and previews pass their own) and live-query
 * hooks. Live queries re-run when any window of the same origin writes, so two
 * windows stay in sync. Every row comes back through restore.ts.
 */
import { createContext, useCallback, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation, ColorDef, DocState, TagDef } from '../../../src-main/shared/notes/annotation-model';
import { DEFAULT_COLORS } from '../../../src-main/shared/notes/annotation-model';
import { notesDb, type NotesDatabase } from './database';
import { readAnnotations, type RowsRead } from './annotations-store';
import { docAnnotationsState, watchDocAnnotations } from './doc-annotations-feed';
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
const NO_WATCH = () => () => undefined;

/**
 * The annotations of one article (undefined while loading): the article's one
 * shared live read (doc-annotations-feed.ts), so the reader's painter and its
 * sidebar share a read, and both see at their first render what was read
 * ahead while the text was on its way.
 */
export function useDocAnnotations(docId: string | null | undefined): RowsRead<Annotation> | undefined {
  const db = useNotesDb();
  const watch = useCallback((l: () => void) => (docId ? watchDocAnnotations(db, docId, l) : () => undefined), [db, docId]);
  const state = useSyncExternalStore(docId ? watch : NO_WATCH, () => (docId ? docAnnotationsState(db, docId) : null));
  if (state === null) return NO_ROWS;
  if ('error' in state) throw state.error;
  return state.value;
}

/** Keeps an article's annotations being read while its reader opens (mounted before the text arrives). */
export function useReadAheadAnnotations(docId: string): void {
  const db = useNotesDb();
  useEffect(() => watchDocAnnotations(db, docId, () => undefined), [db, docId]);
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
