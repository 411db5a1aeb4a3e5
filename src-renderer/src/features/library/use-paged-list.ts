/**
 * React glue for PagedList: a new list whenever the request changes, a
 * re-render whenever a page arrives.
 */
import { useEffect, useReducer, useState } from 'react';
import type { ListRequest } from '../../../../src-main/shared/contract';
import { useApi } from '../../app/api-context';
import { PagedList } from './paged-list';

export function usePagedList(req: ListRequest, enabled: boolean): { list: PagedList | null; version: number } {
  const api = useApi();
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [list, setList] = useState<PagedList | null>(null);
  const key = JSON.stringify(req);

  useEffect(() => {
    if (!enabled) return;
    const request = JSON.parse(key) as ListRequest;
    const l = new PagedList((offset, limit) => api.list({ ...request, offset, limit }), bump);
    setList(l);
    void l.start();
    return () => l.close();
  }, [api, key, enabled]);

  return { list, version };
}
