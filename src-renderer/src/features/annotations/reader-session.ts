/**
 * UI state shared by the reader's two annotation slots (the toolbar over the
 * text and the sidebar beside it), which the reader mounts separately: which
 * annotation is open, what should take focus when it opens, and which orphan
 * is waiting to be re-attached to a new selection. One reader at a time, so a
 * module-level store is enough; it resets when the document changes.
 */
import { useSyncExternalStore } from 'react';

export interface ReaderSession {
  docId: string | null;
  /** The annotation whose card is open in the sidebar. */
  activeId: string | null;
  /** Where focus goes when the active card renders. */
  focus: 'note' | 'tags' | null;
  /** An orphan the next selection will re-attach. */
  reattachId: string | null;
}

let session: ReaderSession = { docId: null, activeId: null, focus: null, reattachId: null };
const listeners = new Set<() => void>();

export function getSession(): ReaderSession {
  return session;
}

export function updateSession(patch: Partial<ReaderSession>): void {
  session = { ...session, ...patch };
  listeners.forEach((l) => l());
}

/** Start a fresh session when another document opens. */
export function ensureSessionFor(docId: string): void {
  if (session.docId !== docId) session = { docId, activeId: null, focus: null, reattachId: null };
}

/** Forget the session (the reader closed the article). */
export function resetSession(): void {
  session = { docId: null, activeId: null, focus: null, reattachId: null };
  listeners.forEach((l) => l());
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useReaderSession(docId: string): ReaderSession {
  ensureSessionFor(docId);
  return useSyncExternalStore(subscribe, getSession);
}
