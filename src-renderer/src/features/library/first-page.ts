/**
 * The library's first page, asked for as the app starts, at the same time as
 * `appInfo` instead of after it: the library waits for appInfo to say the
 * archive is open, and without this its rows would wait for a second round
 * trip. Only the page the route will show (no notes filter: those need the
 * notes first), used once; an answer that is an error (the archive still
 * opening) is not used, and the list asks again as before. When it has
 * arrived before the library first renders, that render has the rows.
 */
import type { ApiClient, ListRequest, ListResponse } from '../../../../src-main/shared/contract';
import type { Result } from '../../../../src-main/shared/result';
import type { Route } from '../../platform/routes';
import { listRequest } from './library-query';
import { PAGE_SIZE } from './paged-list';

let ahead: { key: string; answer: Promise<Result<ListResponse>>; settled: Result<ListResponse> | null } | null = null;

const keyOf = (req: ListRequest) => JSON.stringify({ ...req, offset: 0, limit: PAGE_SIZE });

/**
 * Starts fetching the first page of the library the route shows (nothing for
 * other routes); answers a promise that resolves once it has arrived (at once
 * when nothing was asked for).
 */
export function readFirstPageAhead(client: ApiClient, route: Route): Promise<void> {
  if (route.name !== 'library' || route.notes !== undefined || route.tag !== undefined) return Promise.resolve();
  const req = { ...listRequest(route), offset: 0, limit: PAGE_SIZE };
  const answer = client.list(req).catch((e: unknown) => ({ ok: false as const, error: { code: 'io' as const, message: String(e) } }));
  const a: NonNullable<typeof ahead> = { key: keyOf(req), answer, settled: null };
  ahead = a;
  return answer.then((r) => void (a.settled = r));
}

/**
 * The first page read ahead for this request if it has already arrived (and
 * is not an error), once: the library then shows its rows in its first render.
 */
export function firstPageArrived(req: ListRequest, limit: number): ListResponse | null {
  const a = ahead;
  if (!a?.settled?.ok || limit !== PAGE_SIZE || a.key !== keyOf(req)) return null;
  ahead = null;
  return a.settled.value;
}

/** The first page read ahead for this request, once; null when there is none (or it is for another request). */
export function takeFirstPage(req: ListRequest, offset: number, limit: number): Promise<Result<ListResponse>> | null {
  if (!ahead || offset !== 0 || limit !== PAGE_SIZE || ahead.key !== keyOf(req)) return null;
  const { answer } = ahead;
  ahead = null;
  return answer;
}
