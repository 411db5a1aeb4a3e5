/**
 * "Continue reading": the articles the person has begun and not finished,
 * most recent first, at the top of the library, each opening at its place.
 * Their titles come from the archive one by one (at most MAX), so the row
 * costs the same at 50 or 50,000 articles.
 *
 * It sits above the library's rows, so it must not appear late: coming back
 * from the reader, the library waits for the notes (LibraryView), titles
 * already read are drawn at once, and one still on its way has a placeholder
 * of the same height. Arriving a moment after the rows, the section pushed
 * them down under the pointer (a click meant for one row opened another).
 * At start the library does not wait for the notes, so what the section
 * showed last is kept in localStorage per archive and drawn in the first
 * frame; the notes correct it when they are read.
 */
import { useEffect, useState } from 'react';
import { useNotesDb, type DocNotesSummary } from '../../db';
import { useApi } from '../../platform/api-context';
import { Link } from '../../platform/Link';
import { keepShown, loadShown, MAX, type KeptShown } from './continue-reading-store';

/** Titles already read, by archive and article id (a title does not change while the archive is open). */
const knownTitles = new Map<string, string>();
/** What the section showed last (for which archive), drawn while the notes are read again. */
let lastShown: ({ archiveId: string } & KeptShown) | null = null;

/** Begun, not read to the end, newest first. */
export function inProgress(summary: ReadonlyMap<string, DocNotesSummary>): DocNotesSummary[] {
  return [...summary.values()]
    .filter((e) => !e.readAt && typeof e.readingPosition === 'number' && e.readingPosition > 0)
    .sort((a, b) => (b.modified ?? '').localeCompare(a.modified ?? ''))
    .slice(0, MAX);
}

export function ContinueReading({ summary }: { summary: ReadonlyMap<string, DocNotesSummary> | undefined }) {
  const api = useApi();
  const archiveId = useNotesDb().archiveId;
  if (lastShown?.archiveId !== archiveId) {
    const kept = loadShown(archiveId);
    lastShown = kept ? { archiveId, ...kept } : null;
  }
  const last = lastShown;
  const entries = summary ? inProgress(summary) : (last?.entries ?? []);
  const key = entries.map((e) => e.docId).join('\n');
  const [titles, setTitles] = useState<Map<string, string>>(() => last?.titles ?? new Map());
  /** Ids the archive answered it does not have: left out. */
  const [missingIds, setMissingIds] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    let live = true;
    const ids = key ? key.split('\n') : [];
    // Known titles are shown at once; unknown ones are asked for (an id the archive lacks is left out).
    const titleKey = (id: string) => `${archiveId}\n${id}`;
    const knownFor = () => new Map(ids.flatMap((id) => (knownTitles.has(titleKey(id)) ? [[id, knownTitles.get(titleKey(id))!] as [string, string]] : [])));
    // A title kept from the last start stays on screen while the archive is asked again (it may be gone).
    const now = knownFor();
    setTitles((t) => {
      const next = new Map(ids.flatMap((id) => (now.has(id) ? [[id, now.get(id)!] as [string, string]] : t.has(id) ? [[id, t.get(id)!] as [string, string]] : [])));
      return sameTitles(t, next) ? t : next;
    });
    const missing = ids.filter((id) => !knownTitles.has(titleKey(id)));
    if (missing.length === 0) return;
    void Promise.all(missing.map(async (id) => [id, await api.getDoc({ id })] as const)).then((got) => {
      for (const [id, r] of got) if (r.ok) knownTitles.set(titleKey(id), r.value.title);
      if (!live) return;
      setTitles(knownFor());
      const gone = got.flatMap(([id, r]) => (r.ok ? [] : [id]));
      if (gone.length > 0) setMissingIds((m) => new Set([...m, ...gone]));
    });
    return () => {
      live = false;
    };
  }, [api, key, archiveId]);
  // Only articles this archive still has (an id from another archive or a removed article is skipped). An
  // entry whose title is on its way is drawn at once, with a placeholder of the same height.
  const shown = entries.filter((e) => !missingIds.has(e.docId));
  useEffect(() => {
    if (!summary) return;
    lastShown = { archiveId, entries: shown, titles };
    keepShown(archiveId, shown, titles);
  });
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
              <span className="continue-title">{titles.get(e.docId) ?? '…'}</span>
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

function sameTitles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
