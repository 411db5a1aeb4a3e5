/**
 * React glue for PagedList: a new list whenever the request changes, a
 * re-render whenever a page arrives. With `keep` (article ids allowed by the
 * person's notes filters), the whole list is asked for once and narrowed
 * here, then paged from memory: the host cannot filter on notes it never sees.
 */
import { useEffect, useReducer, useState } from 'react';
import type { ListRequest, ListResponse } from '../../../../src-main/shared/contract';
import type { Result } from '../../../../src-main/shared/result';
import { useApi } from '../../platform/api-context';
import { takeFirstPage } from './first-page';
import { PagedList, type FetchPage } from './paged-list';

export function usePagedList(req: ListRequest, enabled: boolean, keep: ReadonlySet<string> | null = null): { list: PagedList | null; version: number } {
  const api = useApi();
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [list, setList] = useState<PagedList | null>(null);
  const key = JSON.stringify(req);
  const keepKey = keep ? JSON.stringify([...keep].sort()) : null;

  useEffect(() => {
    if (!enabled) return;
    const request = JSON.parse(key) as ListRequest;
    const allowed = keepKey ? new Set(JSON.parse(keepKey) as string[]) : null;
    let whole: Promise<Result<ListResponse>> | null = null;
    const fetchPage: FetchPage = allowed
      ? async (offset, limit) => {
          whole ??= api.list(request).then((r) => {
            if (!r.ok) return r;
            const items = r.value.items.filter((d) => allowed.has(d.id));
            return { ok: true as const, value: { items, total: items.length } };
          });
          const r = await whole;
          return r.ok ? { ok: true, value: { items: r.value.items.slice(offset, offset + limit), total: r.value.total } } : r;
        }
      : async (offset, limit) => {
          // The first page may have been asked for as the app started (first-page.ts).
          const early = await takeFirstPage(request, offset, limit);
          return early?.ok ? early : api.list({ ...request, offset, limit });
        };
    const l = new PagedList(fetchPage, bump);
    setList(l);
    void l.start();
    return () => l.close();
  }, [api, key, keepKey, enabled]);

  return { list, version };
}
