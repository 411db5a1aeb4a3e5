/**
 * Lets the app shell (the `/` shortcut, the menu's Find command) focus the
 * one box labelled "Search" wherever it is mounted.
 */
let focuser: (() => void) | null = null;

export function registerSearchFocus(fn: (() => void) | null): void {
  focuser = fn;
}

export function focusSearchBox(): void {
  focuser?.();
}

/**
 * Enter in the box asks for the first result of *that* query to be opened:
 * now, if its results are already shown, or when they arrive. Remembering the
 * query matters with search as you type: results of an earlier keystroke may
 * still be on screen when Enter is pressed, and must not be the ones opened.
 */
let pendingQuery: string | null = null;
let onRequest: (() => void) | null = null;

export function requestFirstResultFocus(query: string): void {
  pendingQuery = query.trim();
  onRequest?.();
}

/** The search view listens, to act on a request when its results are already in. */
export function onFirstResultFocusRequest(fn: () => void): () => void {
  onRequest = fn;
  return () => {
    if (onRequest === fn) onRequest = null;
  };
}

/** True once when Enter asked for the results of `shownQuery`: the caller opens the first. */
export function takeFirstResultFocus(shownQuery: string): boolean {
  if (pendingQuery === null || pendingQuery !== shownQuery.trim()) return false;
  pendingQuery = null;
  return true;
}
