/**
 * What "Continue reading" showed last, kept in localStorage per archive: at
 * start the library does not wait for the notes (IndexedDB), so the section
 * is drawn from this in the first frame, and the notes correct it when read.
 * Without it the section arrived a moment after the rows and pushed them
 * down under the pointer. A convenience, not notes: anything damaged or
 * missing is ignored.
 */
import type { DocNotesSummary } from '../../db';

/** The most articles the section lists. */
export const MAX = 3;

/** One article the section shows: all it needs to be drawn before the notes are read. */
export type Shown = Pick<DocNotesSummary, 'docId' | 'readingPosition'>;

export interface KeptShown {
  entries: Shown[];
  titles: Map<string, string>;
}

const storeKey = (archiveId: string) => `archive-reader:continue-reading:${archiveId}`;

/** Whatever was stored becomes what to show (at most MAX valid entries), or null when nothing valid was kept. */
export function restoreShown(raw: unknown): KeptShown | null {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { entries?: unknown }).entries)) return null;
  const entries: Shown[] = [];
  const titles = new Map<string, string>();
  for (const e of (raw as { entries: unknown[] }).entries) {
    if (entries.length === MAX) break;
    const { docId, readingPosition, title } = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    if (typeof docId !== 'string' || docId === '' || typeof readingPosition !== 'number' || !(readingPosition > 0 && readingPosition <= 1)) continue;
    entries.push({ docId, readingPosition });
    if (typeof title === 'string') titles.set(docId, title);
  }
  return entries.length > 0 ? { entries, titles } : null;
}

export function loadShown(archiveId: string): KeptShown | null {
  try {
    return restoreShown(JSON.parse(localStorage.getItem(storeKey(archiveId)) ?? 'null'));
  } catch {
    return null;
  }
}

/** What this page last wrote per key (null: removed), so a render that changes nothing touches no storage. */
const written = new Map<string, string | null>();

/** Written only when it changed; nothing to show removes the key. */
export function keepShown(archiveId: string, entries: readonly Shown[], titles: ReadonlyMap<string, string>): void {
  const key = storeKey(archiveId);
  const value = entries.length === 0 ? null : JSON.stringify({ entries: entries.map((e) => ({ docId: e.docId, readingPosition: e.readingPosition, title: titles.get(e.docId) })) });
  if (written.get(key) === value) return;
  written.set(key, value);
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage full or denied: the section then appears when the notes are read, as before.
  }
}
