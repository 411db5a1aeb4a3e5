/**
 * React glue for PagedList: a new list whenever the request changes, a
 * re-render whenever a page arrives. With `keep` (article ids allowed by the
 * person's notes filters), the whole list is asked for once and narrowed
 * here, then paged from memory: the host cannot filter on notes it never sees.
 */
import { useEffect, useMemo, useReducer } from 'react';
import type { ApiClient, ListRequest, ListResponse } from '../../../../src-main/shared/contract';
import type { Result } from '../../../../src-main/shared/result';
import { useApi } from '../../platform/api-context';
import { firstPageArrived, takeFirstPage } from './first-page';
import { PagedList, type FetchPage } from './paged-list';

export function usePagedList(req: ListRequest, enabled: boolean, keep: ReadonlySet<string> | null = null): { list: PagedList | null; version: number } {
  const api = useApi();
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const key = JSON.stringify(req);
  const keepKey = keep ? JSON.stringify([...keep].sort()) : null;

  // The list is made while rendering, so a first page that has already arrived (first-page.ts)
  // is in the first render's rows, not one effect and one frame later. Fetching starts in the effect.
  const list = useMemo(() => {
    if (!enabled) return null;
    const request = JSON.parse(key) as ListRequest;
    const allowed = keepKey ? new Set(JSON.parse(keepKey) as string[]) : null;
    const l = new PagedList(pageFetcher(api, request, allowed), bump);
    const early = allowed ? null : firstPageArrived(request, l.pageSize);
    if (early) l.seed(early);
    return l;
  }, [api, key, keepKey, enabled]);

  useEffect(() => {
    if (!list) return;
    list.open();
    if (!list.started) void list.start();
    return () => list.close();
  }, [list]);

  return { list, version };
}

function pageFetcher(api: ApiClient, request: ListRequest, allowed: Set<string> | null): FetchPage {
  if (!allowed) {
    return async (offset, limit) => {
      // The first page may have been asked for as the app started (first-page.ts).
      const early = await takeFirstPage(request, offset, limit);
      return early?.ok ? early : api.list({ ...request, offset, limit });
    };
  }
  let whole: Promise<Result<ListResponse>> | null = null;
  return async (offset, limit) => {
    whole ??= api.list(request).then((r) => {
      if (!r.ok) return r;
      const items = r.value.items.filter((d) => allowed.has(d.id));
      return { ok: true as const, value: { items, total: items.length } };
    });
    const r = await whole;
    return r.ok ? { ok: true, value: { items: r.value.items.slice(offset, offset + limit), total: r.value.total } } : r;
  };
}
