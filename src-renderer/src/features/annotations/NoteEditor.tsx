/**
 * A Markdown note that saves as the person types: no Save button to forget.
 * Edits are saved after a short pause (debounced), on blur and when the
 * editor goes away. If a save fails (disk full, database closed) the text
 * stays in the box with a message, and the next keystroke or "Retry" tries
 * again. A change made elsewhere (another window) replaces the text only when
 * there is nothing unsaved here, so neither side's typing is clobbered.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Result } from '../../../../src-main/shared/result';
import { MarkdownView } from './MarkdownView';

export const NOTE_SAVE_DELAY_MS = 400;

type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface NoteEditorProps {
  /** The stored note. */
  value: string;
  onSave: (text: string) => Promise<Result<unknown>>;
  /** Accessible name of the text box. */
  label?: string;
  autoFocus?: boolean;
  placeholder?: string;
}

export function NoteEditor({ value, onSave, label = 'Note', autoFocus, placeholder }: NoteEditorProps) {
  const [draft, setDraft] = useState(value);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const [edited, setEdited] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  const saveRef = useRef(onSave);
  saveRef.current = onSave;
  const id = useId();

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    if (text === null) return;
    pending.current = null;
    setState('saving');
    const r = await saveRef.current(text);
    if (r.ok) {
      // Another keystroke may have arrived while saving: that one is pending now.
      setState(pending.current === null ? 'saved' : 'pending');
      setError(null);
    } else {
      if (pending.current === null) pending.current = text;
      setState('error');
      setError(r.error.message);
    }
  }, []);

  // Adopt changes from elsewhere only when nothing here is unsaved.
  // (Runs only when the stored value changes: our own save coming back is a no-op.)
  const saving = useRef(false);
  saving.current = state === 'saving';
  useEffect(() => {
    if (pending.current === null && !saving.current) setDraft(value);
  }, [value]);

  // Save what is left when the editor goes away (closing the card, leaving the article).
  useEffect(() => () => void flush(), [flush]);

  const change = (text: string) => {
    setDraft(text);
    setEdited(true);
    pending.current = text;
    setState('pending');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), NOTE_SAVE_DELAY_MS);
  };

  const status = state === 'error' || !edited ? null : state === 'saved' ? 'Saved' : 'Saving…';
  return (
    <div className="ann-note-editor">
      <div className="ann-note-head">
        <label htmlFor={id} className="section-label">
          {label}
        </label>
        <button type="button" className="link-button" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
          {preview ? 'Edit' : 'Preview'}
        </button>
      </div>
      {preview ? (
        <MarkdownView source={draft} className="ann-note-preview" />
      ) : (
        <textarea
          id={id}
          className="ann-note-input"
          value={draft}
          autoFocus={autoFocus}
          placeholder={placeholder ?? 'Write in Markdown: **bold**, _italic_, [link](https://…), - lists'}
          onChange={(e) => change(e.target.value)}
          onBlur={() => void flush()}
          rows={4}
        />
      )}
      <div className="ann-note-status" aria-live="polite">
        {status ? <span className="ann-save-state">{status}</span> : null}
        {error ? (
          <span role="alert" className="inline-error">
            {error}{' '}
            <button type="button" className="link-button" onClick={() => void flush()}>
              Retry
            </button>
          </span>
        ) : null}
      </div>
    </div>
  );
}
