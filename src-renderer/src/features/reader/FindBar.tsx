/**
 * "Match 2 of 7 for “border”", with previous/next and a way to clear. A live
 * region, so a screen reader hears where it landed.
 */
import { quoted } from '../../platform/format';
import type { FindState } from './use-find-in-doc';

export function FindBar({ find, onClear }: { find: FindState; onClear: () => void }) {
  const count = find.result?.matches.length ?? 0;
  let text: string;
  if (find.error) text = find.error.message;
  else if (!find.result) text = 'Finding matches…';
  else if (count === 0) text = `No matches for ${quoted(find.query)} in the text`;
  else text = `Match ${find.current + 1} of ${count} for ${quoted(find.query)}`;
  return (
    <div className="find-bar" role="search" aria-label="Matches in this article">
      <svg className="find-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M13 13l4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <span className="find-status" role="status" aria-live="polite">
        {text}
        {find.result?.interpretedAs === 'fuzzy' && count > 0 ? <span className="subtle"> (close matches)</span> : null}
      </span>
      <button type="button" className="icon-button" aria-label="Previous match" aria-keyshortcuts="Shift+N" disabled={count < 2} onClick={find.previous} title="Previous match (Shift+N)">
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M5 12.5l5-5 5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button type="button" className="icon-button" aria-label="Next match" aria-keyshortcuts="N" disabled={count < 2} onClick={find.next} title="Next match (N)">
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button type="button" className="icon-button" aria-label="Clear search highlights" onClick={onClear} title="Clear">
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M6 6l8 8M14 6l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
