/**
 * "Continue reading": the articles the person has begun and not finished,
 * most recent first, at the top of the library, each opening at its place.
 * Their titles come from the archive one by one (at most MAX), so the row
 * costs the same at 50 or 50,000 articles.
 */
import { useEffect, useState } from 'react';
import type { DocNotesSummary } from '../../db';
import { useApi } from '../../platform/api-context';
import { Link } from '../../platform/Link';

const MAX = 3;

/** Begun, not read to the end, newest first. */
export function inProgress(summary: ReadonlyMap<string, DocNotesSummary>): DocNotesSummary[] {
  return [...summary.values()]
    .filter((e) => !e.readAt && typeof e.readingPosition === 'number' && e.readingPosition > 0)
    .sort((a, b) => (b.modified ?? '').localeCompare(a.modified ?? ''))
    .slice(0, MAX);
}

export function ContinueReading({ summary }: { summary: ReadonlyMap<string, DocNotesSummary> | undefined }) {
  const api = useApi();
  const entries = summary ? inProgress(summary) : [];
  const key = entries.map((e) => e.docId).join('\n');
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    const ids = key ? key.split('\n') : [];
    void Promise.all(ids.map(async (id) => [id, await api.getDoc({ id })] as const)).then((got) => {
      if (!live) return;
      setTitles(new Map(got.flatMap(([id, r]) => (r.ok ? [[id, r.value.title] as [string, string]] : []))));
    });
    return () => {
      live = false;
    };
  }, [api, key]);
  // Only articles this archive still has (an id from another archive or a removed article is skipped).
  const shown = entries.filter((e) => titles.has(e.docId));
  if (shown.length === 0) return null;
  return (
    <section className="continue-reading" aria-labelledby="continue-title">
      <h2 id="continue-title" className="section-label">
        Continue reading
      </h2>
      <ul className="continue-list">
        {shown.map((e) => (
          <li key={e.docId}>
            <Link to={{ name: 'article', id: e.docId }} className="continue-link">
              <span className="continue-title">{titles.get(e.docId)}</span>
              <span
                className="continue-progress"
                role="progressbar"
                aria-label="Read so far"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round((e.readingPosition ?? 0) * 100)}
              >
                <span className="continue-bar" style={{ width: `${Math.max(2, Math.round((e.readingPosition ?? 0) * 100))}%` }} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
