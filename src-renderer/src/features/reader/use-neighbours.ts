/**
 * Previous and next document for the reader: the neighbours in the order
 * the person was browsing (the library's last request), else in date order
 * among documents of the same kind. The ordered id list is fetched once per
 * request and kept for the window's life: the archive does not change while
 * the app runs.
 */
import { useEffect, useState } from 'react';
import type { ApiClient, ListRequest } from '../../../../src-main/shared/contract';
import type { DocKind, DocSummary } from '../../../../src-main/shared/model';
import { useApi } from '../../platform/api-context';
import { libraryContext } from '../library';

const orders = new Map<string, Promise<DocSummary[] | null>>();

function ordered(api: ApiClient, req: ListRequest): Promise<DocSummary[] | null> {
  const key = JSON.stringify(req);
  let p = orders.get(key);
  if (!p) {
    p = api.list({ ...req, offset: 0 }).then((r) => (r.ok ? r.value.items : null));
    orders.set(key, p);
    // A failed fetch is not worth remembering: try again next time.
    void p.then((v) => v === null && orders.delete(key));
  }
  return p;
}

export interface Neighbours {
  prev?: DocSummary;
  next?: DocSummary;
  /** 0-based position in the list, and its length. */
  index: number;
  total: number;
  /** Which list that is, said with the position ("in the library's list", "articles, newest first"): the
   * two orders have different lengths, and a bare "12 / 540" after a link read as a different archive. */
  within: string;
}

export function useNeighbours(id: string, kind: DocKind | undefined): Neighbours | null {
  const api = useApi();
  const [value, setValue] = useState<(Neighbours & { of: string }) | null>(null);
  useEffect(() => {
    if (!kind) return;
    let live = true;
    (async () => {
      const browsed = libraryContext();
      const candidates: [ListRequest, string][] = [
        ...(browsed ? [[browsed, 'in the library’s list'] as [ListRequest, string]] : []),
        [{ kind, sort: 'date', order: 'desc' }, `${kind === 'brief' ? 'briefs' : 'articles'}, newest first`],
      ];
      for (const [req, within] of candidates) {
        const items = await ordered(api, req);
        const i = items?.findIndex((d) => d.id === id) ?? -1;
        if (items && i >= 0) {
          if (live) setValue({ of: id, prev: items[i - 1], next: items[i + 1], index: i, total: items.length, within });
          return;
        }
      }
      if (live) setValue(null);
    })();
    return () => {
      live = false;
    };
  }, [api, id, kind]);
  // Never answer with the neighbours of the previous document while the new ones load.
  return value && value.of === id ? value : null;
}
