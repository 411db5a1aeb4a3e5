/**
 * Runs the route's search and pages through it ("Show more"). Answers to a
 * query the person has already typed past are dropped, so results never
 * jump back to an older query.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit, SearchRequest, SearchResponse } from '../../../../src-main/shared/contract';
import type { AppError } from '../../../../src-main/shared/result';
import { useApi } from '../../app/api-context';

export const PAGE = 30;

export interface SearchState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  response: SearchResponse | null;
  hits: SearchHit[];
  error: AppError | null;
  loadingMore: boolean;
  more: () => void;
  retry: () => void;
}

export function useSearch(req: Omit<SearchRequest, 'limit' | 'offset'> | null): SearchState {
  const api = useApi();
  const key = req ? JSON.stringify(req) : null;
  const [state, setState] = useState<Omit<SearchState, 'more' | 'retry'>>({
    status: 'idle',
    response: null,
    hits: [],
    error: null,
    loadingMore: false,
  });
  const [attempt, setAttempt] = useState(0);
  const liveKey = useRef<string | null>(null);

  useEffect(() => {
    liveKey.current = key;
    if (!key) {
      setState({ status: 'idle', response: null, hits: [], error: null, loadingMore: false });
      return;
    }
    const request = JSON.parse(key) as SearchRequest;
    setState((s) => ({ ...s, status: 'loading', error: null, loadingMore: false }));
    void api.search({ ...request, limit: PAGE, offset: 0 }).then((r) => {
      if (liveKey.current !== key) return;
      setState(
        r.ok
          ? { status: 'ready', response: r.value, hits: r.value.hits, error: null, loadingMore: false }
          : { status: 'error', response: null, hits: [], error: r.error, loadingMore: false },
      );
    });
  }, [api, key, attempt]);

  const more = useCallback(() => {
    if (!key || state.status !== 'ready' || state.loadingMore) return;
    const request = JSON.parse(key) as SearchRequest;
    const offset = state.hits.length;
    setState((s) => ({ ...s, loadingMore: true }));
    void api.search({ ...request, limit: PAGE, offset }).then((r) => {
      if (liveKey.current !== key) return;
      setState((s) =>
        r.ok
          ? { ...s, response: r.value, hits: [...s.hits, ...r.value.hits], loadingMore: false }
          : { ...s, error: r.error, loadingMore: false },
      );
    });
  }, [api, key, state.status, state.loadingMore, state.hits.length]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, more, retry };
}
