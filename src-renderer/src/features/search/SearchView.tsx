/**
 * Search results for the route's query: the notice when the query was read
 * literally or fuzzily, filters (kind, years), hits with highlighted
 * snippets, "Show more", and the syntax help. `j`/`k` move between results,
 * Enter opens one at its first match.
 */
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { SearchHit, SearchResponse } from '../../../../src-main/shared/contract';
import type { DocKind } from '../../../../src-main/shared/model';
import { useApiCall } from '../../platform/api-context';
import { useArchiveStatus } from '../../platform/archive-status';
import { formatCount, kindLabel, quoted } from '../../platform/format';
import { DocDate } from '../../platform/DocDate';
import { Link } from '../../platform/Link';
import { navigate } from '../../platform/router';
import type { SearchRoute } from '../../platform/routes';
import { useViewKeys } from '../../platform/shortcuts';
import { EmptyState, ErrorState, LoadingState } from '../../platform/StateViews';
import { onFirstResultFocusRequest, takeFirstResultFocus } from './search-box-registry';
import { NotesOnlyResults, useNotesScope } from './NotesMatches';
import { Snippet } from './Snippet';
import { SyntaxHelp } from './SyntaxHelp';
import { searchRequestOf } from './search-flight';
import { useSearch } from './use-search';

export function SearchView({ route }: { route: SearchRoute }) {
  const status = useArchiveStatus();
  const q = route.q.trim();
  // Asked as soon as the archive is open, not once its index is: the host loads the index when first asked
  // (archive-service.ts), and answers when it has.
  const search = useSearch(status.libraryReady ? searchRequestOf(route) : null);
  const facets = useApiCall(status.libraryReady ? 'facets' : null, (api) => api.facets({}));
  const listRef = useRef<HTMLOListElement>(null);
  const notes = useNotesScope(q, route.notes === true);

  const links = () => Array.from(listRef.current?.querySelectorAll<HTMLElement>('.result-link') ?? []);
  const move = (delta: number) => {
    const all = links();
    if (all.length === 0) return;
    const i = all.indexOf(document.activeElement as HTMLElement);
    const next = all[i < 0 ? (delta > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, i + delta))];
    next?.focus();
    next?.scrollIntoView({ block: 'nearest' });
  };
  useViewKeys({ next: () => move(1), previous: () => move(-1) });

  // Enter in the box: focus the first result of the query it was pressed on,
  // whether its results are already shown or still on their way.
  const latest = useRef(search);
  latest.current = search;
  const focusFirstIfAsked = useCallback(() => {
    const s = latest.current;
    if (s.status === 'ready' && s.hits.length > 0 && s.response && takeFirstResultFocus(s.response.query)) links()[0]?.click();
  }, []);
  useEffect(focusFirstIfAsked, [search.status, search.response, focusFirstIfAsked]);
  useEffect(() => onFirstResultFocusRequest(focusFirstIfAsked), [focusFirstIfAsked]);

  const years = useMemo(() => (facets.value?.years ?? []).map((y) => y.year).sort((a, b) => a - b), [facets.value]);
  // Stable, so the filters (memoized) are not redrawn by each key typed: it reads the route when used.
  const routeNow = useRef(route);
  routeNow.current = route;
  const setFilter = useCallback((patch: Partial<SearchRoute>) => navigate({ ...routeNow.current, ...patch }, { replace: true }), []);

  let body;
  if (!q) {
    body = (
      <div className="search-landing">
        <EmptyState title="Search the archive">
          <p>Type in the box above: results appear as you type. Titles, text and names are searched, in English and Russian.</p>
        </EmptyState>
        <SyntaxHelp open />
      </div>
    );
  } else if (status.error) {
    body = <ErrorState title="The archive host does not answer" error={status.error} onRetry={status.retry} />;
  } else if (status.info?.archive.searchStatus === 'error') {
    body = (
      <ErrorState
        title="Search is not available"
        error={{ code: 'io', message: status.info.archive.message ?? 'The search index could not be loaded.' }}
        onRetry={status.retry}
      />
    );
  } else if (!status.searchReady && !search.response) {
    body = <LoadingState label="Loading the search index…" detail="Results will appear as soon as it is ready." />;
  } else if (search.status === 'error' && search.error) {
    body = <ErrorState title="The search failed" error={search.error} onRetry={search.retry} />;
  } else if (!search.response) {
    body = <LoadingState label="Searching…" />;
  } else {
    body = (
      <>
        <Notice response={search.response} />
        {notes.ids ? (
          <NotesOnlyResults ids={notes.ids} exclude={new Set(search.hits.map((h) => h.id))} query={q} summary={notes.summary} />
        ) : null}
        {search.hits.length === 0 && notes.ids?.size ? null : search.hits.length === 0 ? (
          <EmptyState title={`Nothing found for ${quoted(search.response.query)}`}>
            <p>{route.kind || route.from || route.to ? 'Try removing the filters, or ' : 'Try '}fewer or different words.</p>
          </EmptyState>
        ) : (
          <>
            <ol
              ref={listRef}
              className="results"
              aria-label="Search results"
              aria-busy={search.status === 'loading'}
              onKeyDown={(e) => {
                if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.altKey && !e.ctrlKey && !e.metaKey) {
                  e.preventDefault();
                  move(e.key === 'ArrowDown' ? 1 : -1);
                }
              }}
            >
              {search.hits.map((hit) => (
                <ResultItem key={hit.id} hit={hit} query={search.response?.query ?? route.q} inNotes={notes.ids?.has(hit.id) ?? false} />
              ))}
            </ol>
            {search.hits.length < search.response.total ? (
              <div className="more-row">
                <button type="button" className="button button-quiet" onClick={search.more} disabled={search.loadingMore}>
                  {search.loadingMore ? 'Loading…' : `Show more results (${search.response.total - search.hits.length} more)`}
                </button>
              </div>
            ) : null}
          </>
        )}
        <SyntaxHelp />
      </>
    );
  }

  return (
    <div className="page search-page">
      <header className="page-header">
        <h1 className="page-title">Search</h1>
        <p className="page-subtitle" role="status" aria-live="polite">
          {q && search.response
            ? `${formatCount(search.response.total, 'result', 'results')} for ${quoted(search.response.query)}` +
              (notes.ids ? ` · ${formatCount(notes.ids.size, 'article', 'articles')} in your notes and tags` : '')
            : q
              ? 'Searching…'
              : '\u00a0'}
        </p>
      </header>
      <SearchFilters kind={route.kind} notes={route.notes === true} from={route.from} to={route.to} years={years} setFilter={setFilter} />
      <div className="search-body">{body}</div>
    </div>
  );
}

/** The kind, notes and year filters: memoized, since a key typed in the search box changes none of them. */
const SearchFilters = memo(function SearchFilters({
  kind,
  notes,
  from,
  to,
  years,
  setFilter,
}: {
  kind: DocKind | undefined;
  notes: boolean;
  from: number | undefined;
  to: number | undefined;
  years: number[];
  setFilter: (patch: Partial<SearchRoute>) => void;
}) {
  return (
    <div className="filters">
      <div className="filters-row">
        <div className="segmented" role="radiogroup" aria-label="Kind">
          {([undefined, 'article', 'brief'] as (DocKind | undefined)[]).map((k) => (
            <label key={k ?? 'all'} className="segment">
              <input type="radio" name="search-kind" checked={kind === k} onChange={() => setFilter({ kind: k })} />
              <span>{k ? (k === 'article' ? 'Articles' : 'Briefs') : 'All'}</span>
            </label>
          ))}
        </div>
        <label className="check-field">
          <input type="checkbox" checked={notes} onChange={(e) => setFilter({ notes: e.target.checked || undefined })} />
          <span>Include my notes and tags</span>
        </label>
        <YearSelect
          label="From"
          value={from}
          years={years}
          onPick={(picked) => setFilter({ from: picked, to: picked !== undefined && to !== undefined && to < picked ? picked : to })}
        />
        <YearSelect
          label="To"
          value={to}
          years={years}
          onPick={(picked) => setFilter({ to: picked, from: picked !== undefined && from !== undefined && from > picked ? picked : from })}
        />
      </div>
    </div>
  );
});

function YearSelect({ label, value, years, onPick }: { label: string; value: number | undefined; years: number[]; onPick: (year: number | undefined) => void }) {
  return (
    <label className="select-field">
      <span className="select-label">{label}</span>
      <select value={value ?? ''} onChange={(e) => onPick(e.target.value ? Number(e.target.value) : undefined)}>
        <option value="">Any year</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}

function Notice({ response }: { response: SearchResponse }) {
  if (!response.notice) return null;
  const kind = response.interpretedAs === 'literal' ? 'Read literally' : response.interpretedAs === 'fuzzy' ? 'Close matches' : 'Note';
  return (
    <div className={`notice notice-${response.interpretedAs}`} role="note" aria-label={kind}>
      <strong className="notice-kind">{kind}</strong>
      <span>{response.notice}</span>
    </div>
  );
}

/**
 * One hit. Its link carries the query these results answer, not the one being typed: a keystroke then
 * leaves every shown result as it is (memo) until the new answer replaces them.
 */
const ResultItem = memo(function ResultItem({ hit, query, inNotes }: { hit: SearchHit; query: string; inNotes: boolean }) {
  // The title is the link (its accessible name); CSS stretches its click area over the whole card.
  return (
    <li className="result">
      <h2 className="result-title">
        <Link to={{ name: 'article', id: hit.id, q: query }} className="result-link">
          {hit.title}
        </Link>
      </h2>
      <p className="row-meta">
        <span className={`kind-badge kind-${hit.kind}`}>{kindLabel(hit.kind)}</span>
        <DocDate doc={hit} sayUndated={false} />
        {inNotes ? <span className="notes-badge">Also in your notes</span> : null}
      </p>
      {hit.snippets.slice(0, 2).map((s, i) => (
        <Snippet key={i} text={s.text} highlights={s.highlights} start={s.start} />
      ))}
    </li>
  );
});
