/**
 * The header's box labelled "Search". It searches as the person types:
 * every keystroke puts the query into the route (`#/search?q=…`) at once,
 * and the search view answers whatever the route says (use-search.ts keeps
 * one request in flight and sends only the newest query after it, so fast
 * typing costs no extra searches), so Back, reload and shared
 * links all show the same results. The first keystroke from another view
 * pushes a history entry (Back returns there); later ones replace it.
 */
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../platform/api-context';
import { currentRoute, navigate, useRoute } from '../../platform/router';
import type { SearchRoute } from '../../platform/routes';
import { askFirstPageAhead, searchRequestOf } from './search-flight';
import { registerSearchFocus, requestFirstResultFocus } from './search-box-registry';

/**
 * Pause after a keystroke before the query goes to the route (0: at once).
 * Request coalescing in use-search.ts does what a long debounce did; the
 * benchmark (scripts/bench/browser-bench.ts) reads this value from here.
 */
export const SEARCH_DEBOUNCE_MS = 0;

/** `busy`: what is still loading ("Loading search…"), shown at the box's end in place of the shortcut hint. */
export function SearchBox({ busy = null }: { busy?: string | null } = {}) {
  const route = useRoute();
  const api = useApi();
  const routeQ = route.name === 'search' ? route.q : route.name === 'article' ? (route.q ?? '') : null;
  const [value, setValue] = useState(routeQ ?? '');
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSent = useRef(routeQ ?? '');

  // Follow the route when it changes from elsewhere (Back, a link, a reload).
  useEffect(() => {
    if (routeQ !== null && routeQ !== lastSent.current) {
      lastSent.current = routeQ;
      setValue(routeQ);
    }
    if (route.name === 'library' || route.name === 'settings') {
      lastSent.current = '';
      setValue('');
    }
  }, [routeQ, route.name]);

  useEffect(() => {
    registerSearchFocus(() => {
      input.current?.focus();
      input.current?.select();
    });
    return () => registerSearchFocus(null);
  }, []);

  const send = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    lastSent.current = q;
    const here = currentRoute();
    const filters: Omit<SearchRoute, 'name' | 'q'> =
      here.name === 'search' ? { kind: here.kind, from: here.from, to: here.to } : {};
    const next: SearchRoute = { name: 'search', q, ...filters };
    // The results' first page leaves now, not once React has drawn the route (search-flight.ts). While the
    // archive or its index is still loading (`busy`), the view asks when it can.
    const request = busy === null ? searchRequestOf(next) : null;
    if (request) askFirstPageAhead(api, JSON.stringify(request));
    navigate(next, { replace: here.name === 'search' });
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return (
    <form
      className={busy ? 'search-form is-busy' : 'search-form'}
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        send(value.trim() === '' ? '' : value);
        // Enter: open the first result of this query once it is in.
        if (value.trim() !== '') requestFirstResultFocus(value);
      }}
    >
      <svg className="search-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M13 13l4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <input
        ref={input}
        type="search"
        aria-label="Search"
        aria-keyshortcuts="/"
        placeholder="Search the archive"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => {
          const q = e.target.value;
          setValue(q);
          if (timer.current) clearTimeout(timer.current);
          if (SEARCH_DEBOUNCE_MS <= 0) send(q);
          else timer.current = setTimeout(() => send(q), SEARCH_DEBOUNCE_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            const first = document.querySelector<HTMLElement>('.result-link');
            if (first) {
              e.preventDefault();
              first.focus();
            }
          }
        }}
      />
      {busy ? (
        <span className="status-pill" role="status">
          <span className="spinner small" aria-hidden="true" />
          {busy}
        </span>
      ) : (
        <kbd className="search-hint" aria-hidden="true">
          /
        </kbd>
      )}
    </form>
  );
}
