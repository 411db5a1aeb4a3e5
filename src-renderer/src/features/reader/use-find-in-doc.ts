/**
 * The search query's matches inside the open document (the archive's
 * findInDoc, so the reader highlights exactly what search matched, stemming
 * and Russian included), the current match, and painting + scrolling.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FindInDocResponse } from '../../../../src-main/shared/contract';
import type { AppError } from '../../../../src-main/shared/result';
import { useApi } from '../../platform/api-context';
import type { TextLayout } from '../../anchoring/text-range';
import { clearSearchMatches, paintSearchMatches, scrollRangeIntoView } from './search-highlight';

export interface FindState {
  query: string;
  result: FindInDocResponse | null;
  error: AppError | null;
  current: number;
  next: () => void;
  previous: () => void;
}

export function useFindInDoc(
  id: string,
  query: string | undefined,
  layout: TextLayout | null,
  scroller: HTMLElement | null,
): FindState | null {
  const api = useApi();
  const [result, setResult] = useState<FindInDocResponse | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [current, setCurrent] = useState(0);
  const [scrollMode, setScrollMode] = useState<'jump' | 'smooth'>('jump');

  useEffect(() => {
    setResult(null);
    setError(null);
    setCurrent(0);
    setScrollMode('jump');
    if (!query) return;
    let live = true;
    void api.findInDoc({ id, query }).then((r) => {
      if (!live) return;
      if (r.ok) setResult(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, id, query]);

  // Paint, and repaint when other code (annotation marks) changes the text's DOM.
  useEffect(() => {
    if (!layout || !result || result.matches.length === 0) {
      clearSearchMatches(layout?.container ?? null);
      return;
    }
    const paint = () => paintSearchMatches(layout, result.matches, current);
    const range = paint();
    if (range && scroller) scrollRangeIntoView(scroller, range, scrollMode === 'smooth');
    const observer = new MutationObserver(() => paint());
    observer.observe(layout.container, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      clearSearchMatches(layout.container);
    };
  }, [layout, result, current, scroller, scrollMode]);

  const count = result?.matches.length ?? 0;
  const next = useCallback(() => {
    if (count === 0) return;
    setScrollMode('smooth');
    setCurrent((c) => (c + 1) % count);
  }, [count]);
  const previous = useCallback(() => {
    if (count === 0) return;
    setScrollMode('smooth');
    setCurrent((c) => (c - 1 + count) % count);
  }, [count]);

  if (!query) return null;
  return { query, result, error, current, next, previous };
}
