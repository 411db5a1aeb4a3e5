/**
 * The first page of a search, sent from the keystroke itself.
 *
 * The search view asks for its results in an effect, after React has drawn the
 * route the key changed. A key typed in the library first draws the whole
 * search view: its request left 8.2 ms after the key (median of 12 keys, 25-28
 * ms the first times), and 2.5 ms when sent from here; on the search page
 * itself the draw is about 1 ms (docs/benchmarks.md, "A key's search leaves
 * with the key"). The search box asks here as the key is handled, and
 * use-search.ts takes the answer already on its way.
 *
 * The box asks ahead only when no first page is on its way, whoever sent it,
 * so fast typing still sends only the newest query after the one in flight
 * (use-search.ts). An answer asked ahead is taken once, by the same request,
 * within a few seconds.
 */
import type { ApiClient, SearchRequest, SearchResponse } from '../../../../src-main/shared/contract';
import type { Result } from '../../../../src-main/shared/result';
import type { SearchRoute } from '../../platform/routes';

/**
 * Hits asked for on each keystroke: what fits on the screen. A result with its two snippets is about 190 px
 * tall, so 3-4 fill a 820 px window and 6 a window 1,350 px tall. Each one more is snippets for the host to
 * cut and text for the page to lay out before the keystroke's answer is painted (the bench's keystroke p95: 61.8 ms
 * with 10, 54.0 with 6, one run each; docs/benchmarks.md).
 */
export const FIRST_PAGE = 6;
/** An answer asked ahead and not taken by then is not used: the next ask goes to the host. */
const KEEP_MS = 3_000;

type SearchAnswer = Promise<Result<SearchResponse>>;

interface Flight {
  /** A first page is on its way to the host. */
  busy: boolean;
  ahead: { key: string; at: number; answer: SearchAnswer } | null;
}

const flights = new WeakMap<ApiClient, Flight>();

function flightOf(api: ApiClient): Flight {
  let f = flights.get(api);
  if (!f) flights.set(api, (f = { busy: false, ahead: null }));
  return f;
}

/** The request a search route asks for, or null when there is nothing to search; its JSON is the request's key. */
export function searchRequestOf(route: Pick<SearchRoute, 'q' | 'kind' | 'from' | 'to'>): Omit<SearchRequest, 'limit' | 'offset'> | null {
  return route.q.trim() ? { query: route.q, kind: route.kind, from: route.from, to: route.to } : null;
}

/** Sends the first page of the request `key` (searchRequestOf's JSON) now; the client is busy until it answers. */
export function sendFirstPage(api: ApiClient, key: string): SearchAnswer {
  const f = flightOf(api);
  f.busy = true;
  const answer = api.search({ ...(JSON.parse(key) as SearchRequest), limit: FIRST_PAGE, offset: 0 });
  const idle = () => {
    f.busy = false;
  };
  answer.then(idle, idle);
  return answer;
}

/** From the keystroke: asks for `key`'s first page now, unless a search is already on its way. */
export function askFirstPageAhead(api: ApiClient, key: string): void {
  const f = flightOf(api);
  if (f.busy) return;
  f.ahead = { key, at: Date.now(), answer: sendFirstPage(api, key) };
}

/** Whether an answer for `key` was asked ahead and can still be taken. */
export function hasAhead(api: ApiClient, key: string): boolean {
  const a = flightOf(api).ahead;
  return a !== null && a.key === key && Date.now() - a.at < KEEP_MS;
}

/** The answer asked ahead for `key` (taken once), or null. */
export function takeAhead(api: ApiClient, key: string): SearchAnswer | null {
  const f = flightOf(api);
  const fresh = hasAhead(api, key);
  const a = f.ahead;
  f.ahead = null;
  return fresh && a ? a.answer : null;
}
