/**
 * A "Tags" field: type a tag and press Enter (or a comma) to add it, with
 * autocomplete from the tags already in use (a native datalist, so it works
 * with the keyboard and screen readers); each tag has a remove button.
 * Saves through `onChange` at once; a failure shows its message and keeps
 * what was typed.
 *
 * Enter empties the field before the save lands, and tags added while a save
 * is in flight build on it (`pending`), because people type the next tag at
 * once: waiting for the database would glue the next word onto the last tag.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Result } from '../../../../src-main/shared/result';
import { normalizeTagName, tagKey, useTags } from '../../db';

export interface TagInputProps {
  tags: string[];
  onChange: (tags: string[]) => Promise<Result<unknown>>;
  label?: string;
  autoFocus?: boolean;
}

export function TagInput({ tags, onChange, label = 'Tags', autoFocus }: TagInputProps) {
  const known = useTags();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const inputId = useId();
  /** The tags as they will be once the saves in flight land; null when none is. */
  const pending = useRef<string[] | null>(null);
  const have = new Set(tags.map(tagKey));
  const suggestions = known.filter((t) => !have.has(tagKey(t.name)));

  useEffect(() => {
    // The stored tags caught up with what was sent: nothing is in flight any more.
    const p = pending.current;
    if (p && p.every((t) => have.has(tagKey(t)))) pending.current = null;
  });

  const save = async (next: string[]) => {
    const r = await onChange(next);
    setError(r.ok ? null : r.error.message);
    return r.ok;
  };

  const add = async () => {
    const typed = text;
    const names = typed.split(',').map(normalizeTagName).filter(Boolean);
    if (names.length === 0) return;
    setText('');
    const base = pending.current ?? tags;
    const present = new Set(base.map(tagKey));
    const next = [...base, ...names.filter((n) => !present.has(tagKey(n)))];
    pending.current = next;
    if (!(await save(next))) {
      pending.current = null;
      // Keep what was typed: put it back in front of anything typed since.
      setText((now) => (now ? `${typed}, ${now}` : typed));
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      void add();
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
      pending.current = null;
      void save(tags.slice(0, -1));
    }
  };

  return (
    <div className="ann-tags">
      <label htmlFor={inputId} className="section-label">
        {label}
      </label>
      <ul className="ann-tag-list" aria-label={`${label} added`}>
        {tags.map((t) => (
          <li key={t} className="chip ann-tag">
            <span>{t}</span>
            <button type="button" className="ann-tag-remove" aria-label={`Remove tag ${t}`} onClick={() => void save(tags.filter((x) => x !== t))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={inputId}
        className="ann-tag-input"
        list={listId}
        value={text}
        autoFocus={autoFocus}
        placeholder="Add a tag, press Enter"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => void add()}
        autoComplete="off"
      />
      <datalist id={listId}>
        {suggestions.map((t) => (
          <option key={t.name} value={t.name} />
        ))}
      </datalist>
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
