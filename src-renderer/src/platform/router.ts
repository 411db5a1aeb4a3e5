/**
 * Navigation over the URL hash. The app pushes entries itself (rather than
 * letting plain `<a href="#…">` clicks do it) so each entry it made carries
 * `{ inApp: true }`: Esc can then go back when there is somewhere in the app
 * to go back to, and go to the parent view when the page was opened from a
 * passage link or a reload with nothing behind it.
 */
import { useSyncExternalStore } from 'react';
import { formatRoute, parentRoute, parseRoute, type Route } from './routes';

type Listener = () => void;
const listeners = new Set<Listener>();
const changeListeners = new Set<(route: Route) => void>();
let currentHash = typeof location === 'undefined' ? '' : location.hash;
let current: Route = parseRoute(currentHash);

function refresh(): void {
  if (location.hash === currentHash) return;
  currentHash = location.hash;
  current = parseRoute(currentHash);
  for (const l of changeListeners) l(current);
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', refresh);
  window.addEventListener('popstate', refresh);
}

function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => current);
}

/**
 * Calls `l` with each new route at the moment it changes, before React renders
 * it: what the new view will ask for can be asked for now, instead of after
 * the old view's teardown and the new one's first commit.
 */
export function onRouteChange(l: (route: Route) => void): () => void {
  changeListeners.add(l);
  return () => changeListeners.delete(l);
}

export function currentRoute(): Route {
  return current;
}

/** The address a `replace` navigation will write once the current task's work is done. */
let pendingReplace: string | null = null;

function writePendingReplace(): void {
  if (pendingReplace === null) return;
  const hash = pendingReplace;
  pendingReplace = null;
  history.replaceState({ inApp: history.state?.inApp === true }, '', hash);
  // The screen already shows this route: only note the address as the browser spells it.
  currentHash = location.hash;
}

/**
 * `replace` for typing-driven changes (search as you type), so Back is not flooded. Such a change reaches
 * the screen at once and the address bar a microtask later: Chromium's replaceState costs milliseconds, and a
 * keystroke's search request (sent while React commits the new route) should not wait for them. A push is
 * written at once, after any replace still waiting, so the history keeps its order.
 */
export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const hash = formatRoute(route);
  if (hash === (pendingReplace ?? location.hash)) return;
  if (opts.replace) {
    if (pendingReplace === null) queueMicrotask(writePendingReplace);
    pendingReplace = hash;
    current = parseRoute(hash);
    for (const l of changeListeners) l(current);
    for (const l of listeners) l();
    return;
  }
  writePendingReplace();
  history.pushState({ inApp: true }, '', hash);
  refresh();
}

/** Esc: back within the app if we came from somewhere in it, else up to the parent view. */
export function goBack(): void {
  if (history.state?.inApp === true) {
    history.back();
    return;
  }
  const parent = parentRoute(current);
  if (parent) navigate(parent, { replace: true });
}

/**
 * Click handler for in-app links: a plain left click navigates through the
 * router; modified clicks (new window, etc.) keep their browser meaning.
 */
export function linkClick(route: Route, opts: { replace?: boolean } = {}) {
  return (e: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; preventDefault(): void }) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(route, opts);
  };
}
