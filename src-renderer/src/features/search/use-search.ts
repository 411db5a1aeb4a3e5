/**
 * Runs the route's search and pages through it ("Show more").
 *
 * Latest wins: a query is sent at once when no search is in flight; while one
 * is, only the newest query waits and is sent when the answer arrives (the
 * queries typed in between are never sent). An answer to a query the person
 * has already typed past is dropped, so the results shown are only ever those
 * of the query in the box (older results stay, marked busy, until then).
 *
 * Few first: each keystroke asks for the first FIRST_PAGE hits only (a
 * screenful: fewer snippets for the host to cut, less to send and paint),
 * and once the person pauses (TOP_UP_MS with no newer query) the list is
 * filled up to PAGE; "Show more" pages on from there.
 *
 * The box may have sent a query's first page from the keystroke itself
 * (search-flight.ts): it is taken here rather than asked for again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit, SearchRequest, SearchResponse } from '../../../../src-main/shared/contract';
import type { AppError } from '../../../../src-main/shared/result';
import { useApi } from '../../platform/api-context';
import { hasAhead, sendFirstPage, takeAhead } from './search-flight';

export { FIRST_PAGE } from './search-flight';
export const PAGE = 30;
/** The pause after an answer before the rest of the first PAGE is fetched. */
export const TOP_UP_MS = 300;

export interface SearchState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  response: SearchResponse | null;
  hits: SearchHit[];
  error: AppError | null;
  loadingMore: boolean;
  more: () => void;
  retry: () => void;
}

type Inner = Omit<SearchState, 'more' | 'retry'>;

export function useSearch(req: Omit<SearchRequest, 'limit' | 'offset'> | null): SearchState {
  const api = useApi();
  const key = req ? JSON.stringify(req) : null;
  const [state, setState] = useState<Inner>({
    status: 'idle',
    response: null,
    hits: [],
    error: null,
    loadingMore: false,
  });
  const [attempt, setAttempt] = useState(0);
  const liveKey = useRef<string | null>(null);
  /** A first page this view asked for (or took from the box) is on its way. */
  const inFlight = useRef(false);
  /** The newest query asked for while one was in flight (sent when it answers). */
  const queued = useRef<string | null>(null);
  const apiRef = useRef(api);
  apiRef.current = api;

  const run = useCallback((k: string) => {
    inFlight.current = true;
    const done = (next: Inner | null) => {
      inFlight.current = false;
      if (next && liveKey.current === k) setState(next);
      const waiting = queued.current;
      queued.current = null;
      // Send the newest query, unless this answer was already for it.
      if (waiting !== null && waiting === liveKey.current && !(next && waiting === k)) run(waiting);
    };
    (takeAhead(apiRef.current, k) ?? sendFirstPage(apiRef.current, k)).then(
      (r) =>
        done(
          r.ok
            ? { status: 'ready', response: r.value, hits: r.value.hits, error: null, loadingMore: false }
            : { status: 'error', response: null, hits: [], error: r.error, loadingMore: false },
        ),
      (e: unknown) =>
        done({
          status: 'error',
          response: null,
          hits: [],
          error: { code: 'io', message: e instanceof Error ? e.message : String(e) },
          loadingMore: false,
        } as Inner),
    );
  }, []);

  useEffect(() => {
    liveKey.current = key;
    if (!key) {
      queued.current = null;
      setState({ status: 'idle', response: null, hits: [], error: null, loadingMore: false });
      return;
    }
    setState((s) => ({ ...s, status: 'loading', error: null, loadingMore: false }));
    // The box sent this very query from its keystroke: take that. Another of ours on its way: this one waits.
    if (inFlight.current && !hasAhead(api, key)) queued.current = key;
    else run(key);
  }, [api, key, attempt, run]);

  // Answers that arrive after the view is gone are dropped.
  useEffect(
    () => () => {
      liveKey.current = null;
      queued.current = null;
    },
    [],
  );

  const more = useCallback(() => {
    if (!key || state.status !== 'ready' || state.loadingMore) return;
    const request = JSON.parse(key) as SearchRequest;
    const offset = state.hits.length;
    setState((s) => ({ ...s, loadingMore: true }));
    // Up to a multiple of PAGE: the first fill-up brings FIRST_PAGE to PAGE, later ones add PAGE.
    const limit = PAGE - (offset % PAGE);
    void api.search({ ...request, limit, offset }).then((r) => {
      if (liveKey.current !== key) return;
      setState((s) =>
        r.ok
          ? { ...s, response: r.value, hits: [...s.hits, ...r.value.hits], loadingMore: false }
          : { ...s, error: r.error, loadingMore: false },
      );
    });
  }, [api, key, state.status, state.loadingMore, state.hits.length]);

  // The person paused on a query whose first answer was short of a page: fill it up.
  const shortOfPage = state.status === 'ready' && !state.loadingMore && state.error === null && state.response !== null && state.hits.length < Math.min(PAGE, state.response.total);
  useEffect(() => {
    if (!shortOfPage) return;
    const timer = setTimeout(more, TOP_UP_MS);
    return () => clearTimeout(timer);
  }, [shortOfPage, more]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, more, retry };
}
