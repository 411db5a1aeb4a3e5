/**
 * Where each view's code is: the library is in the app's first chunk (it is
 * the first page), every other view is its own chunk, loaded when its route
 * is first shown. `preloadView` starts loading a route's chunk early (main.tsx
 * does it for the page being opened, in parallel with the app, so a reload of
 * an article is not a chain of downloads); `prefetchViews` loads the rest
 * once the first page is on screen, so the first click on an article, the
 * Notebook or Settings does not wait for a download and a compile.
 *
 * Plain functions, no React: main.tsx imports this before the app has loaded
 * (lazy-view.tsx makes components of these chunks).
 */
import type { Route } from '../platform/routes';

/** One lazily loaded chunk: load it (once), and its module once it has loaded. */
export interface Chunk<M> {
  load: () => Promise<M>;
  loaded: () => M | null;
}

function chunk<M>(importer: () => Promise<M>): Chunk<M> {
  let mod: M | null = null;
  let pending: Promise<M> | null = null;
  return {
    load: () =>
      (pending ??= importer().then(
        (m) => (mod = m),
        (e: unknown) => {
          // Forgotten, so the next attempt (a retry, the route shown again) loads again.
          pending = null;
          throw e;
        },
      )),
    loaded: () => mod,
  };
}

export const readerChunk = chunk(() => import('./ReaderRoute'));
export const searchChunk = chunk(() => import('../features/search/SearchView'));
export const notebookChunk = chunk(() => import('../features/notebook/NotebookView'));
export const settingsChunk = chunk(() => import('../features/settings/SettingsView'));

const BY_ROUTE: Partial<Record<Route['name'], Chunk<unknown>>> = {
  article: readerChunk,
  search: searchChunk,
  notebook: notebookChunk,
  settings: settingsChunk,
};

/** Starts loading the chunk of the view `route` shows (nothing for the library, already in the app's chunk). */
export function preloadView(route: Route): void {
  void BY_ROUTE[route.name]?.load().catch(() => undefined);
}

let prefetched = false;

/**
 * Loads every view's chunk, one after another, in idle time: called once the
 * first page is on screen. A failed load is forgotten (the route's own load
 * then shows its error).
 */
export function prefetchViews(): void {
  if (prefetched) return;
  prefetched = true;
  const queue: Chunk<unknown>[] = [readerChunk, searchChunk, notebookChunk, settingsChunk];
  const next = () => {
    const c = queue.shift();
    if (c) void c.load().catch(() => undefined).then(() => whenIdle(next));
  };
  whenIdle(next);
}

function whenIdle(fn: () => void): void {
  const w = window as Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };
  if (w.requestIdleCallback) w.requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 50);
}
