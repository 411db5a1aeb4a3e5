/**
 * Routes live in the URL hash, so a reload, the back button and passage links
 * (`<linkBase>article/<id>?annotation=<id>`) all land on the same view. This
 * module is pure: parse a hash into a Route and format a Route back into a
 * hash; `router.ts` does the listening and navigating.
 *
 *   #/library?kind=brief&year=2019&facet=places:Minsk&sort=title&order=asc
 *   #/library?section=business/2005            (documents from one sub-folder of the archive's source)
 *   #/search?q=border&kind=article&from=2015&to=2020
 *   #/article/<id>?q=border&annotation=<id>
 *   #/library?notes=annotated&tag=summit      (the person's notes: annotated / starred, a tag)
 *   #/search?q=border&notes=1                  (search includes notes and tags)
 *   #/notebook
 *   #/settings
 *
 * The leading slash is optional (`#article/<id>` is what a passage link
 * carries) and anything unknown falls back to the library rather than a
 * blank page.
 */
import type { DocKind, FacetType } from '../../../src-main/shared/model';
import type { SortKey, SortOrder } from '../../../src-main/shared/contract';

export interface LibraryRoute {
  name: 'library';
  kind?: DocKind;
  year?: number;
  facet?: { type: FacetType; value: string };
  /** Only documents from this sub-folder of the source folder. */
  section?: string;
  sort?: SortKey;
  order?: SortOrder;
  /** Only articles the person annotated, or starred. */
  notes?: NotesFilter;
  /** Only articles carrying this tag (on the article or on one of its highlights). */
  tag?: string;
}

export type NotesFilter = 'annotated' | 'starred';

export interface SearchRoute {
  name: 'search';
  q: string;
  kind?: DocKind;
  from?: number;
  to?: number;
  /** Include the person's notes and tags in the results. */
  notes?: boolean;
}

export interface ArticleRoute {
  name: 'article';
  id: string;
  /** A search query whose matches the reader highlights. */
  q?: string;
  /** An annotation to scroll to (passage links). */
  annotation?: string;
  /** The archive a passage link names (absent: the one that is open; see citation.ts passageLink). */
  archive?: string;
}

export interface SettingsRoute {
  name: 'settings';
}

export interface NotebookRoute {
  name: 'notebook';
}

export type Route = LibraryRoute | SearchRoute | ArticleRoute | SettingsRoute | NotebookRoute;

const KINDS: readonly DocKind[] = ['article', 'brief'];
const FACET_TYPES: readonly FacetType[] = ['people', 'places', 'organizations'];

function parseKind(v: string | null): DocKind | undefined {
  return KINDS.find((k) => k === v);
}

/** Four-digit years only: anything else in the URL is ignored, not trusted. */
function parseYear(v: string | null): number | undefined {
  if (!v || !/^\d{4}$/.test(v)) return undefined;
  return Number(v);
}

function parseFacet(v: string | null): LibraryRoute['facet'] {
  if (!v) return undefined;
  const colon = v.indexOf(':');
  if (colon < 0) return undefined;
  const type = FACET_TYPES.find((t) => t === v.slice(0, colon));
  const value = v.slice(colon + 1);
  return type && value ? { type, value } : undefined;
}

function clean<T extends object>(route: T): T {
  for (const key of Object.keys(route) as (keyof T)[]) if (route[key] === undefined) delete route[key];
  return route;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '').replace(/^\//, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const [head, ...rest] = path.split('/');
  switch (head) {
    case 'search':
      return clean<SearchRoute>({
        name: 'search',
        q: params.get('q') ?? '',
        kind: parseKind(params.get('kind')),
        from: parseYear(params.get('from')),
        to: parseYear(params.get('to')),
        notes: params.get('notes') === '1' || undefined,
      });
    case 'article': {
      let id = '';
      try {
        id = decodeURIComponent(rest.join('/'));
      } catch {
        id = '';
      }
      if (!id) return { name: 'library' };
      return clean<ArticleRoute>({
        name: 'article',
        id,
        q: params.get('q') || undefined,
        annotation: params.get('annotation') || undefined,
        archive: params.get('archive') || undefined,
      });
    }
    case 'settings':
      return { name: 'settings' };
    case 'notebook':
      return { name: 'notebook' };
    default: {
      const sort = params.get('sort');
      const order = params.get('order');
      const notes = params.get('notes');
      return clean<LibraryRoute>({
        name: 'library',
        kind: parseKind(params.get('kind')),
        year: parseYear(params.get('year')),
        facet: parseFacet(params.get('facet')),
        section: params.get('section')?.slice(0, 500) || undefined,
        sort: sort === 'date' || sort === 'title' ? sort : undefined,
        order: order === 'asc' || order === 'desc' ? order : undefined,
        notes: notes === 'annotated' || notes === 'starred' ? notes : undefined,
        tag: params.get('tag')?.slice(0, 200) || undefined,
      });
    }
  }
}

function query(entries: [string, string | number | undefined][]): string {
  const params = new URLSearchParams();
  for (const [k, v] of entries) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'library':
      return (
        '#/library' +
        query([
          ['kind', route.kind],
          ['year', route.year],
          ['facet', route.facet ? `${route.facet.type}:${route.facet.value}` : undefined],
          ['section', route.section],
          ['sort', route.sort],
          ['order', route.order],
          ['notes', route.notes],
          ['tag', route.tag],
        ])
      );
    case 'search':
      return (
        '#/search' +
        query([
          ['q', route.q],
          ['kind', route.kind],
          ['from', route.from],
          ['to', route.to],
          ['notes', route.notes ? 1 : undefined],
        ])
      );
    case 'article':
      return (
        `#/article/${encodeURIComponent(route.id)}` +
        query([
          ['q', route.q],
          ['annotation', route.annotation],
          ['archive', route.archive],
        ])
      );
    case 'settings':
      return '#/settings';
    case 'notebook':
      return '#/notebook';
  }
}

/** Where Esc goes when there is no in-app history to go back to. */
export function parentRoute(route: Route): Route | null {
  switch (route.name) {
    case 'library':
      return null;
    case 'article':
      return route.q ? { name: 'search', q: route.q } : { name: 'library' };
    default:
      return { name: 'library' };
  }
}
