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
  // The browser moved (Back, Forward, an edited address): an address still waiting to be written belongs to the
  // entry it left, and writing it now would put it on the one it arrived at.
  const dropped = pendingReplace !== null;
  dropPendingReplace();
  if (!dropped && location.hash === currentHash) return;
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

/**
 * How long typing must pause before a `replace` navigation's address is written. In Chromium each write of the
 * address costs the page about 4 ms (replaceState), the browser's main thread about 15 ms (it commits a
 * same-document navigation) and the page again about 5 ms (the browser then asks it for the favicon and it decodes
 * the SVG): 25 ms of a two-core laptop's time on every keystroke of a search, while that keystroke's answer is on
 * its way (a trace of typing in the web host). Written once the typing pauses, it costs that once.
 */
export const ADDRESS_PAUSE_MS = 400;

/** The address a `replace` navigation will write once typing pauses. */
let pendingReplace: string | null = null;
let pendingTimer: ReturnType<typeof setTimeout> | undefined;

function dropPendingReplace(): void {
  clearTimeout(pendingTimer);
  pendingTimer = undefined;
  pendingReplace = null;
}

/** Writes the address a `replace` navigation left waiting, now (before the page goes, or is reloaded, or moves on). */
export function flushAddress(): void {
  if (pendingReplace === null) return;
  const hash = pendingReplace;
  dropPendingReplace();
  history.replaceState({ inApp: history.state?.inApp === true }, '', hash);
  // The screen already shows this route: only note the address as the browser spells it.
  currentHash = location.hash;
}

/** The address of what the screen shows: the one waiting to be written, else the browser's. */
export function currentAddress(): string {
  return pendingReplace ?? location.hash;
}

if (typeof window !== 'undefined') {
  // A page put away (the browser's back-forward cache) keeps the last query in its address. A reload the browser
  // starts (F5) takes the address it already has: one within ADDRESS_PAUSE_MS of the last key reloads the query
  // as it was before that key. The app's own reloads (error view, archive switch) write it first.
  window.addEventListener('pagehide', flushAddress);
}

/**
 * `replace` for typing-driven changes (search as you type, find in an article), so Back is not flooded. Such a
 * change reaches the screen at once and the address bar once the typing pauses (ADDRESS_PAUSE_MS). A push
 * writes any waiting address first, so the history keeps its order and Back returns to the last query typed.
 */
export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const hash = formatRoute(route);
  if (hash === currentAddress()) return;
  if (opts.replace) {
    clearTimeout(pendingTimer);
    pendingTimer = setTimeout(flushAddress, ADDRESS_PAUSE_MS);
    pendingReplace = hash;
    current = parseRoute(hash);
    for (const l of changeListeners) l(current);
    for (const l of listeners) l();
    return;
  }
  flushAddress();
  history.pushState({ inApp: true }, '', hash);
  refresh();
}

/** Esc: back within the app if we came from somewhere in it, else up to the parent view. */
export function goBack(): void {
  flushAddress();
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
