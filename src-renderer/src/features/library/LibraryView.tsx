/**
 * The library: every article and brief, with the timeline, filters, counts
 * and the virtualized list. Shows a loading state while the archive opens,
 * an empty state when filters match nothing, and an error state with a
 * retry when the archive cannot answer.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useNotesSummary } from '../../db';
import { useApiCall } from '../../platform/api-context';
import { useArchiveStatus } from '../../platform/archive-status';
import { formatCount, formatNumber } from '../../platform/format';
import { navigate } from '../../platform/router';
import type { LibraryRoute } from '../../platform/routes';
import { saveStartSnapshot } from '../../platform/start-snapshot';
import { EmptyState, ErrorState, LoadingState } from '../../platform/StateViews';
import { ContinueReading } from './ContinueReading';
import { RebuildOffer } from './RebuildOffer';
import { LibraryFilters, SortField } from './LibraryFilters';
import { LibraryList } from './LibraryList';
import { listRequest, rememberLibraryContext } from './library-query';
import { notesFilterIds } from './notes-filter';
import { Timeline } from './Timeline';
import { usePagedList } from './use-paged-list';
import { openImport } from '../archives';

/** The library has shown its rows once in this window (later visits wait for the notes: see below). */
let libraryShownBefore = false;

/** How long the screen must stay unchanged (rows, the notes' badges, the timeline's counts) before it is kept. */
const KEEP_AFTER_MS = 1500;

/** Keeps the library screen for the next start's first paint (platform/start-snapshot.ts), and again as the page goes. */
function useKeptForNextStart(archiveId: string | undefined, settled: unknown[]): void {
  useEffect(() => {
    const root = document.getElementById('root');
    if (!archiveId || !root) return;
    const keep = () => saveStartSnapshot(root, archiveId);
    const timer = setTimeout(keep, KEEP_AFTER_MS);
    window.addEventListener('pagehide', keep);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', keep);
    };
  }, [archiveId, ...settled]);
}

export function LibraryView({ route }: { route: LibraryRoute }) {
  const status = useArchiveStatus();
  const ready = status.libraryReady;
  const req = listRequest(route);
  const key = JSON.stringify(req);
  const summary = useNotesSummary();
  const notesFiltered = route.notes !== undefined || route.tag !== undefined;
  const filtered = route.kind !== undefined || route.year !== undefined || route.facet !== undefined || notesFiltered;
  const keep = useMemo(() => (summary ? notesFilterIds(summary, route) : null), [summary, route.notes, route.tag]);
  // The timeline's counts follow the kind, facet, section and notes filters (the archive counts them; with a
  // notes filter it is told which articles the notes keep, and asked once the notes are read).
  const keepIds = useMemo(() => (keep ? [...keep].sort() : null), [keep]);
  const facetsKey = `facets:${status.info?.archiveId ?? ''}:${route.kind ?? ''}:${route.facet ? `${route.facet.type}:${route.facet.value}` : ''}:${route.section ?? ''}:${keepIds ? keepIds.join('\n') : '-'}`;
  const facets = useApiCall(ready && (!notesFiltered || keepIds) ? facetsKey : null, (api) =>
    api.facets({ kind: route.kind, facet: route.facet, section: route.section, ...(keepIds ? { ids: keepIds } : {}) }),
    // The timeline sits above the rows: drawn at once on coming back, so the rows do not move down when it arrives.
    { remember: true },
  );
  // With a notes filter, wait for the notes before listing (else the whole library would flash). Coming
  // back to the library, wait for them too: "Continue reading" above the rows comes from them, and rows shown
  // before it would move down under the pointer when it arrived. The first visit does not wait (its first
  // rows are on the start's path; the notes database may still be opening).
  // Read once, at mount: the first visit sets it when its rows show, and must not then start waiting itself.
  const cameBack = useRef(libraryShownBefore).current;
  const waitForNotes = notesFiltered || (cameBack && !filtered);
  const { list } = usePagedList(req, ready && (!waitForNotes || summary !== undefined), keep);
  useEffect(() => {
    if (list?.total !== null && list?.total !== undefined) libraryShownBefore = true;
  }, [list?.total]);

  useEffect(() => {
    if (ready) rememberLibraryContext(JSON.parse(key));
  }, [ready, key]);

  // Until facets answer (they need the full summaries, read after the list), the timeline is drawn from the
  // archive's own year counts, which come with the archive's state: it is there in the same frame as the
  // first rows, so it never pushes them down. With a filter those counts are not the filtered ones: the
  // bars keep their place, without figures, until the answer comes.
  const archiveWide = route.kind === undefined && route.facet === undefined && route.section === undefined && !notesFiltered;
  const timeline = facets.value ?? status.info?.archive.timeline ?? null;
  const articles = status.info?.archive.articles;
  const briefs = status.info?.archive.briefs;
  const sectionCount = status.info?.archive.sections ?? 0;
  const archiveCounts = useMemo(
    () => (ready && articles !== undefined && briefs !== undefined ? { articles, briefs, sections: sectionCount } : undefined),
    [ready, articles, briefs, sectionCount],
  );
  const setRoute = useCallback((next: LibraryRoute) => navigate(next, { replace: false }), []);
  const all = facets.value ? facets.value.kinds.reduce((n, k) => n + k.count, 0) : undefined;
  const total = list?.total ?? null;
  useKeptForNextStart(status.info?.archiveId, [key, total, summary, facets.value]);

  // The timeline and filters change with the route, the counts and the notes, never with the rows:
  // built once per change, so a page of rows arriving (or a scroll) does not re-render the filter
  // lists (one option per person, place and organization in the archive).
  const tags = useMemo(() => tagsInUse(summary), [summary]);
  const chrome = useMemo(
    () => (
      <>
        {!filtered ? <ContinueReading summary={summary} /> : null}
        {timeline ? (
          <Timeline
            years={timeline.years}
            undated={timeline.undated}
            pending={!facets.value && !archiveWide}
            selected={route.year}
            onSelect={(year) => setRoute({ ...route, year })}
          />
        ) : null}
        <LibraryFilters route={route} facets={facets.value} onChange={setRoute} tags={tags} archiveCounts={archiveCounts} />
      </>
    ),
    [filtered, summary, facets.value, timeline, archiveWide, route, setRoute, tags, archiveCounts],
  );

  let body;
  if (status.error) {
    body = <ErrorState title="The archive host does not answer" error={status.error} onRetry={status.retry} />;
  } else if (status.info?.archive.status === 'error') {
    body = (
      <>
        <ErrorState
          title="The archive could not be opened"
          error={{ code: 'io', message: status.info.archive.message ?? 'Unknown error.' }}
          onRetry={status.retry}
        />
        {status.info.archiveId === 'bundled' ? <RebuildOffer onRebuilt={status.retry} /> : null}
      </>
    );
  } else if (!ready) {
    body = <LoadingState label="Opening the archive…" detail="Loading articles and briefs." />;
  } else if (!list || (list.total === null && !list.error)) {
    body = <LoadingState label="Loading the library…" />;
  } else if (list.error && list.total === null) {
    body = <ErrorState title="The library could not be loaded" error={list.error} onRetry={() => list.retry(0, 0)} />;
  } else if (list.total === 0) {
    body = filtered ? (
      <EmptyState title="Nothing matches these filters">
        <p>{notesFiltered ? 'No article has notes that match. ' : ''}Try another year or kind, or clear the filters.</p>
        <button type="button" className="button" onClick={() => setRoute({ name: 'library' })}>
          Clear filters
        </button>
      </EmptyState>
    ) : (
      <EmptyState title="The archive is empty">
        <p>Import a folder of news pages (.txt, .md, saved .html) to read, search and annotate it here.</p>
        <button type="button" className="button" onClick={() => openImport()}>
          Import…
        </button>
      </EmptyState>
    );
  } else {
    body = (
      <>
        {list.error ? (
          <div className="inline-error" role="alert">
            Some rows could not be loaded: {list.error.message}{' '}
            <button type="button" className="link-button" onClick={() => list.retry(0, list.total ?? 0)}>
              Try again
            </button>
          </div>
        ) : null}
        <LibraryList key={key} list={list} listKey={key} label="Library items" notes={summary} />
      </>
    );
  }

  return (
    <div className="page library-page">
      <header className="page-header library-header">
        <div>
          <h1 className="page-title">Library</h1>
          <p className="page-subtitle" role="status" aria-live="polite">
            {total === null
              ? '\u00a0'
              : filtered && all !== undefined
                ? `${formatCount(total, 'item', 'items')} of ${formatNumber(all)}`
                : formatCount(total, 'item', 'items')}
            {status.info && !filtered && total !== null ? (
              <span className="subtle">
                {' · '}
                {formatCount(status.info.archive.articles, 'article', 'articles')},{' '}
                {formatCount(status.info.archive.briefs, 'brief', 'briefs')}
              </span>
            ) : null}
          </p>
        </div>
        <SortField route={route} onChange={setRoute} />
      </header>
      {chrome}
      <div className="library-body">{body}</div>
    </div>
  );
}

/** Tags on articles or highlights, for the library's tag filter, by name. */
function tagsInUse(summary: ReturnType<typeof useNotesSummary>): string[] {
  const seen = new Map<string, string>();
  for (const e of summary?.values() ?? []) for (const t of e.tags) if (!seen.has(t.toLocaleLowerCase())) seen.set(t.toLocaleLowerCase(), t);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}
