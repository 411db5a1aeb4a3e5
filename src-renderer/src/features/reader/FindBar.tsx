/**
 * Find in this article: a field (Ctrl/Cmd+F, or the search query the article
 * was opened from), "Match 2 of 7 for “border”", previous/next and a way to
 * close. Enter goes to the next match, Shift+Enter to the previous, Esc
 * closes. The status is a live region, so a screen reader hears where it landed.
 */
import type { Ref } from 'react';
import { quoted } from '../../platform/format';
import type { FindState } from './use-find-in-doc';

export function FindBar({
  find,
  query,
  onQuery,
  onClear,
  inputRef,
}: {
  /** null until something is typed. */
  find: FindState | null;
  query: string;
  onQuery: (query: string) => void;
  onClear: () => void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const count = find?.result?.matches.length ?? 0;
  let text: string;
  if (!find) text = 'Type to find in this article';
  else if (find.error) text = find.error.message;
  else if (!find.result) text = 'Finding matches…';
  else if (count === 0) text = `No matches for ${quoted(find.query)} in the text`;
  else text = `Match ${find.current + 1} of ${count} for ${quoted(find.query)}`;
  return (
    <div className="find-bar" role="search" aria-label="Matches in this article">
      <svg className="find-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M13 13l4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        className="find-input"
        type="search"
        aria-label="Find in this article"
        aria-keyshortcuts="Control+F Meta+F"
        placeholder="Find in this article"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (e.shiftKey) find?.previous();
            else find?.next();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClear();
          }
        }}
      />
      <span className="find-status" role="status" aria-live="polite">
        {text}
        {find?.result?.interpretedAs === 'fuzzy' && count > 0 ? <span className="subtle"> (close matches)</span> : null}
      </span>
      <button type="button" className="icon-button" aria-label="Previous match" aria-keyshortcuts="Shift+N" disabled={count < 2} onClick={find?.previous} title="Previous match (Shift+N)">
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M5 12.5l5-5 5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button type="button" className="icon-button" aria-label="Next match" aria-keyshortcuts="N" disabled={count < 2} onClick={find?.next} title="Next match (N)">
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button type="button" className="icon-button" aria-label="Close find" onClick={onClear} title="Close (Esc)">
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M6 6l8 8M14 6l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
