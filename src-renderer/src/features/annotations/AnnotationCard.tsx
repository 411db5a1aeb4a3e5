/**
 * One annotation in the reader's sidebar: its quote (a button that scrolls to
 * the highlight), colour, note and tags; opened, it offers the colour, the
 * "Note" editor, the "Tags" field and Delete (with Undo). An orphan says it
 * was not found in the current text and offers to re-attach it to a new
 * selection; its quote and note stay readable.
 */
import { useEffect, useRef } from 'react';
import type { ColorDef } from '../../../../src-main/shared/notes/annotation-model';
import { updateAnnotation, useNotesDb } from '../../db';
import { deleteWithUndo, shortQuote } from './actions';
import { MarkdownView } from './MarkdownView';
import { NoteEditor } from './NoteEditor';
import { updateSession } from './reader-session';
import { TagInput } from './TagInput';
import type { AnchoredAnnotation } from './use-anchors';
import { revealNearest } from '../../anchoring/scrolling';

export interface AnnotationCardProps {
  item: AnchoredAnnotation;
  colors: ColorDef[];
  active: boolean;
  focus: 'note' | 'tags' | null;
  reattaching: boolean;
  onGoTo: (id: string) => void;
}

const STATUS_TEXT = {
  anchored: null,
  moved: 'The text moved; found again.',
  fuzzy: 'The text changed; this is the closest match.',
  orphaned: 'Could not be placed: not found in the current text. Kept; re-attach it to a passage.',
} as const;

export function AnnotationCard({ item, colors, active, focus, reattaching, onGoTo }: AnnotationCardProps) {
  const db = useNotesDb();
  const { annotation: a, anchor } = item;
  const color = colors.find((c) => c.id === a.color) ?? colors[0];
  const orphan = anchor.status === 'orphaned';
  const ref = useRef<HTMLLIElement>(null);

  useEffect(() => {
    // The card's own list scrolls to it; the article stays where the highlight was brought into view.
    if (active && ref.current) revealNearest(ref.current);
  }, [active]);

  return (
    <li
      ref={ref}
      className={`ann-card${active ? ' is-active' : ''}${orphan ? ' is-orphan' : ''}`}
      data-annotation-card={a.id}
      aria-current={active ? 'true' : undefined}
      data-color={a.color}
    >
      <button
        type="button"
        className="ann-quote"
        title={orphan ? 'Not in the current text' : 'Go to highlight'}
        onClick={() => (orphan ? updateSession({ activeId: a.id, focus: null }) : onGoTo(a.id))}
      >
        “{shortQuote(a.quote.exact)}”
      </button>
      <div className="ann-meta">
        <span className="ann-color-label">
          <span className="ann-swatch" data-color={color?.id} aria-hidden="true" />
          {color?.label}
        </span>
        {STATUS_TEXT[anchor.status] ? <span className="ann-status">{STATUS_TEXT[anchor.status]}</span> : null}
      </div>
      {!active && a.note ? <MarkdownView source={a.note} className="ann-note-view" /> : null}
      {!active && a.tags.length > 0 ? (
        <ul className="ann-tag-list" aria-label="Tags">
          {a.tags.map((t) => (
            <li key={t} className="chip ann-tag">
              {t}
            </li>
          ))}
        </ul>
      ) : null}
      {active ? (
        <div className="ann-card-editor">
          <div role="radiogroup" aria-label="Highlight colour" className="ann-colors">
            {colors.map((c) => (
              <button
                key={c.id}
                type="button"
                role="radio"
                aria-checked={c.id === a.color}
                aria-label={c.label}
                title={c.label}
                className="ann-color"
                data-color={c.id}
                onClick={() => void updateAnnotation(db, a.id, { color: c.id })}
              />
            ))}
          </div>
          <NoteEditor value={a.note} autoFocus={focus === 'note'} onSave={(note) => updateAnnotation(db, a.id, { note })} />
          <TagInput tags={a.tags} autoFocus={focus === 'tags'} onChange={(tags) => updateAnnotation(db, a.id, { tags })} />
        </div>
      ) : null}
      <div className="ann-actions">
        {active ? (
          <button type="button" className="link-button" onClick={() => updateSession({ activeId: null, focus: null })}>
            Close
          </button>
        ) : (
          <button type="button" className="link-button" onClick={() => updateSession({ activeId: a.id, focus: null })}>
            Edit
          </button>
        )}
        {orphan ? (
          <button
            type="button"
            className="link-button"
            aria-pressed={reattaching}
            onClick={() => updateSession({ reattachId: reattaching ? null : a.id })}
          >
            {reattaching ? 'Cancel re-attach' : 'Re-attach'}
          </button>
        ) : null}
        <button type="button" className="link-button ann-delete" onClick={() => void deleteWithUndo(db, a.id)}>
          Delete
        </button>
      </div>
      {reattaching ? <p className="ann-hint">Select the passage in the text, then choose “Re-attach here”.</p> : null}
    </li>
  );
}
