/**
 * The library's filters on the person's own notes: articles annotated,
 * starred, or carrying a tag (on the article or on one of its highlights).
 * The archive host knows nothing of notes (they live in this window's
 * IndexedDB), so these narrow the archive's list here, by article id.
 */
import type { DocNotesSummary } from '../../db/summary-store';
import type { LibraryRoute } from '../../platform/routes';

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase();

/** The article ids the route's notes filters allow, or null when it has none. */
export function notesFilterIds(summary: ReadonlyMap<string, DocNotesSummary>, route: Pick<LibraryRoute, 'notes' | 'tag'>): Set<string> | null {
  if (!route.notes && !route.tag) return null;
  const tag = route.tag ? fold(route.tag) : null;
  const ids = new Set<string>();
  for (const e of summary.values()) {
    if (route.notes === 'annotated' && e.annotations === 0) continue;
    if (route.notes === 'starred' && !e.starred) continue;
    if (tag !== null && !e.tags.some((t) => fold(t) === tag)) continue;
    ids.add(e.docId);
  }
  return ids;
}
