/**
 * Annotation actions shared by the toolbar, the sidebar and the notebook:
 * each calls a store, and delete raises a toast whose "Undo" puts the same
 * annotation back.
 */
import type { Annotation } from '../../../../src-main/shared/notes/annotation-model';
import type { Result } from '../../../../src-main/shared/result';
import { deleteAnnotation, undeleteAnnotation, type NotesDatabase } from '../../db';
import { showToast } from './toasts';

export async function deleteWithUndo(db: NotesDatabase, id: string): Promise<Result<Annotation>> {
  const r = await deleteAnnotation(db, id);
  if (r.ok) {
    const row = r.value;
    showToast('Highlight deleted.', () => undeleteAnnotation(db, row));
  } else {
    showToast(r.error.message);
  }
  return r;
}

/** A short one-line version of a quote for lists. */
export function shortQuote(quote: string, max = 220): string {
  const q = quote.replace(/\s+/g, ' ').trim();
  return q.length > max ? `${q.slice(0, max - 1)}…` : q;
}
