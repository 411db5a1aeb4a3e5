/**
 * The search scope "Include my notes and tags": articles whose highlights,
 * notes or tags contain every word of the query (matchNotes over the notes
 * summary, in this window's IndexedDB), merged with the archive's hits: hits
 * that also match the notes get a badge, articles found only through the
 * notes are listed first with the passage of the note that matched.
 */
import { useMemo } from 'react';
import type { DocSummary } from '../../../../src-main/shared/model';
import { useApiCall } from '../../platform/api-context';
import { formatDate, kindLabel } from '../../platform/format';
import { Link } from '../../platform/Link';
import { matchNotes, useNotesSummary, type DocNotesSummary } from '../../db';

export interface NotesScope {
  /** Article ids whose notes match (undefined while loading). */
  ids: Set<string> | undefined;
  summary: Map<string, DocNotesSummary> | undefined;
}

export function useNotesScope(query: string, enabled: boolean): NotesScope {
  const summary = useNotesSummary();
  const ids = useMemo(() => (enabled && summary ? new Set(matchNotes(summary, query)) : undefined), [enabled, summary, query]);
  return { ids, summary };
}

/** The line of the notes (quote, note) where the first query word appears. */
function matchingLine(text: string, query: string): string {
  const word = query.toLocaleLowerCase().split(/\s+/).find(Boolean) ?? '';
  const line = text.split('\n').find((l) => l.toLocaleLowerCase().includes(word)) ?? '';
  return line.length > 220 ? `${line.slice(0, 220)}…` : line;
}

export function NotesOnlyResults({ ids, exclude, query, summary }: { ids: Set<string>; exclude: Set<string>; query: string; summary: Map<string, DocNotesSummary> | undefined }) {
  const only = [...ids].filter((id) => !exclude.has(id));
  const list = useApiCall(only.length ? 'list:all' : null, (api) => api.list({}));
  const docs = useMemo(() => new Map<string, DocSummary>((list.value?.items ?? []).map((d) => [d.id, d])), [list.value]);
  if (only.length === 0) return null;
  return (
    <section className="notes-results" aria-labelledby="notes-results-heading">
      <h2 id="notes-results-heading" className="section-label">
        Found in your notes and tags ({only.length})
      </h2>
      <ol className="results" aria-label="Matches in your notes">
        {only.map((id) => {
          const doc = docs.get(id);
          const e = summary?.get(id);
          return (
            <li key={id} className="result">
              <h3 className="result-title">
                <Link to={{ name: 'article', id }} className="result-link">
                  {doc?.title ?? id}
                </Link>
              </h3>
              <p className="row-meta">
                {doc ? <span className={`kind-badge kind-${doc.kind}`}>{kindLabel(doc.kind)}</span> : null}
                {doc?.published ? <time dateTime={doc.published}>{formatDate(doc.published)}</time> : null}
                <span className="notes-badge">Your notes</span>
              </p>
              {e ? <p className="snippet notes-snippet">{matchingLine(e.text + '\n' + e.tags.join(' '), query)}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
