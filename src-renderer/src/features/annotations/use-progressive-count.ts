/**
 * How many of a long list to render now: the first screenful at once, the rest
 * in idle time, a chunk per idle period. Opening an article with hundreds of
 * highlights then lays out a few dozen sidebar cards before the article is
 * shown, not all of them. `atLeast` forces items in (the card being opened or
 * scrolled to is always rendered). Starts over when `resetKey` changes.
 */
import { useEffect, useState } from 'react';

export const FIRST_CHUNK = 15;
export const IDLE_CHUNK = 60;

type Cancel = () => void;

function whenIdle(fn: () => void): Cancel {
  const w = window as Window & {
    requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(fn, { timeout: 300 });
    return () => w.cancelIdleCallback!(id);
  }
  const id = setTimeout(fn, 16);
  return () => clearTimeout(id);
}

export function useProgressiveCount(total: number, atLeast: number, resetKey: string): number {
  const [state, setState] = useState({ key: resetKey, shown: FIRST_CHUNK });
  const shown = state.key === resetKey ? state.shown : FIRST_CHUNK;
  if (state.key !== resetKey) setState({ key: resetKey, shown: FIRST_CHUNK });

  useEffect(() => {
    if (shown >= total) return;
    return whenIdle(() => setState((s) => (s.key === resetKey ? { key: resetKey, shown: s.shown + IDLE_CHUNK } : s)));
  }, [shown, total, resetKey]);

  return Math.min(total, Math.max(shown, atLeast));
}
