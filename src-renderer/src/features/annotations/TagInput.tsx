/**
 * A "Tags" field: type a tag and press Enter (or a comma) to add it, with
 * autocomplete from the tags already in use (a native datalist, so it works
 * with the keyboard and screen readers); each tag has a remove button.
 * Saves through `onChange` at once; a failure shows its message and keeps
 * what was typed.
 */
import { useId, useState, type KeyboardEvent } from 'react';
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
  const have = new Set(tags.map(tagKey));
  const suggestions = known.filter((t) => !have.has(tagKey(t.name)));

  const save = async (next: string[]) => {
    const r = await onChange(next);
    setError(r.ok ? null : r.error.message);
    return r.ok;
  };

  const add = async () => {
    const names = text.split(',').map(normalizeTagName).filter(Boolean);
    if (names.length === 0) return;
    if (await save([...tags, ...names])) setText('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      void add();
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
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
