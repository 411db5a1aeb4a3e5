/**
 * The article's own notes: a star, article tags and a Markdown note on the
 * whole article. Deleting an article tag removes only that tag.
 */
import { updateDocState, useDocState, useNotesDb } from '../../db';
import { NoteEditor } from './NoteEditor';
import { TagInput } from './TagInput';

export function ArticleNotes({ docId }: { docId: string }) {
  const db = useNotesDb();
  const state = useDocState(docId);
  if (!state) return null;
  return (
    <section className="ann-article" aria-label="Article notes">
      <button
        type="button"
        className="button-quiet ann-star"
        aria-pressed={state.starred}
        onClick={() => void updateDocState(db, docId, { starred: !state.starred })}
      >
        <span aria-hidden="true">{state.starred ? '★' : '☆'}</span> Star article
      </button>
      <TagInput label="Article tags" tags={state.tags} onChange={(tags) => updateDocState(db, docId, { tags })} />
      <NoteEditor label="Article note" value={state.note} onSave={(note) => updateDocState(db, docId, { note })} />
    </section>
  );
}
