/**
 * The library's filters live in the route (so reloads and Back keep them);
 * this turns them into the ListRequest the archive answers, and remembers the
 * last one so the reader's previous/next follow the order the person was
 * browsing in.
 */
import type { ListRequest, SortKey, SortOrder } from '../../../../src-main/shared/contract';
import type { LibraryRoute } from '../../platform/routes';

export interface SortOption {
  id: string;
  label: string;
  sort: SortKey;
  order: SortOrder;
}

export const SORT_OPTIONS: readonly SortOption[] = [
  { id: 'date-desc', label: 'Newest first', sort: 'date', order: 'desc' },
  { id: 'date-asc', label: 'Oldest first', sort: 'date', order: 'asc' },
  { id: 'title-asc', label: 'Title A–Z', sort: 'title', order: 'asc' },
  { id: 'title-desc', label: 'Title Z–A', sort: 'title', order: 'desc' },
];

export function sortOf(route: Pick<LibraryRoute, 'sort' | 'order'>): SortOption {
  const sort = route.sort ?? 'date';
  const order = route.order ?? (sort === 'title' ? 'asc' : 'desc');
  return SORT_OPTIONS.find((o) => o.sort === sort && o.order === order) ?? SORT_OPTIONS[0]!;
}

/** The request for a library route, without paging. */
export function listRequest(route: LibraryRoute): ListRequest {
  const { sort, order } = sortOf(route);
  const req: ListRequest = { sort, order };
  if (route.kind) req.kind = route.kind;
  if (route.year !== undefined) {
    req.from = route.year;
    req.to = route.year;
  }
  if (route.facet) req.facet = route.facet;
  if (route.section) req.section = route.section;
  return req;
}

const CONTEXT_KEY = 'archive-reader:library-context';

/** What the library showed last in this page, ahead of its write to sessionStorage. */
let remembered: ListRequest | null = null;
let writeScheduled = false;

/**
 * Remembers the request the library last showed (per window: sessionStorage, so a reload keeps it).
 * The write waits for an idle moment: a window's first storage access waits on the browser process
 * (tens of ms on a cold start), and the library's first rows should not wait with it; reads in this
 * page take the value from memory meanwhile.
 */
export function rememberLibraryContext(req: ListRequest): void {
  remembered = req;
  if (writeScheduled) return;
  writeScheduled = true;
  const write = () => {
    writeScheduled = false;
    try {
      sessionStorage.setItem(CONTEXT_KEY, JSON.stringify(remembered));
    } catch {
      // Not remembering only means previous/next fall back to date order after a reload.
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(write, { timeout: 2_000 });
  else setTimeout(write, 200);
}

/** The request the library last showed (this window, or before its reload), or null when it showed none. */
export function libraryContext(): ListRequest | null {
  if (remembered) return remembered;
  try {
    const raw = sessionStorage.getItem(CONTEXT_KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as ListRequest;
      if (typeof parsed === 'object' && parsed !== null) return parsed;
    }
  } catch {
    // fall through
  }
  return null;
}

/** The document the reader showed last: the library selects it when the person comes back. */
let lastOpened: string | null = null;

export function noteOpened(id: string): void {
  lastOpened = id;
}

/** The last opened document, once: the list selects it on return and then forgets. */
export function takeLastOpened(): string | null {
  const id = lastOpened;
  lastOpened = null;
  return id;
}
