/**
 * What the library's filters and timeline need of docs.json, in a compact
 * form: each document's kind, year, section and facet values as typed arrays
 * over small tables of distinct strings, plus the archive's whole facet lists,
 * counted once. `facets` answers and `list`'s facet and section filters are
 * computed from this alone.
 *
 * Why: docs.json is the archive's largest JSON (55 MB at 50,000 documents);
 * parsing and checking it took the host's thread about 3 s, and every request
 * waited behind it. The hosts now parse it in the search thread
 * (search-worker.ts), build this index there and send it over: typed arrays
 * are moved, not copied, and the tables are a few thousand strings, so the
 * host's thread receives it in milliseconds. Without a search thread (the CLI,
 * most tests) the index is built in process by the same function, so both
 * paths answer alike.
 */
import type { FacetCount, FacetsRequest, FacetsResponse, ListRequest } from '../shared/contract';
import type { DocKind, FacetType } from '../shared/model';
import type { StoredSummary } from './store/layout';
import { yearTally } from './year-tally';

const FACET_TYPES = ['people', 'places', 'organizations'] as const satisfies readonly FacetType[];
const KINDS = ['article', 'brief'] as const satisfies readonly DocKind[];
const NO_YEAR = -0x80000000;

/** One facet type: the distinct values, and each document's values (document i has members[starts[i]..starts[i+1])). */
export interface FacetColumn {
  values: string[];
  starts: Uint32Array;
  members: Uint32Array;
}

export type WholeFacets = Omit<FacetsResponse, 'years' | 'undated'>;

export interface DetailsIndex {
  /** Document ids in docs.json order, joined by "\n" (one string: cheap to send between threads). */
  ids: string;
  /** KINDS index per document. */
  kinds: Uint8Array;
  /** Year per document, NO_YEAR when undated. */
  years: Int32Array;
  sections: string[];
  /** Index into `sections` per document, -1 when it has none. */
  sectionOf: Int32Array;
  facets: Record<FacetType, FacetColumn>;
  /** The facet lists and kind counts of the whole archive: the same for every request. */
  whole: WholeFacets;
}

/** The typed arrays of an index, to move (not copy) it to another thread. */
export function transferablesOf(x: DetailsIndex): ArrayBuffer[] {
  const arrays = [x.kinds, x.years, x.sectionOf, ...FACET_TYPES.flatMap((t) => [x.facets[t].starts, x.facets[t].members])];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

export function buildDetailsIndex(all: StoredSummary[]): DetailsIndex {
  const n = all.length;
  const kinds = new Uint8Array(n);
  const years = new Int32Array(n);
  const sectionOf = new Int32Array(n);
  const sectionIds = new Map<string, number>();
  const columns = {} as Record<FacetType, FacetColumn>;
  for (const t of FACET_TYPES) {
    const ids = new Map<string, number>();
    const starts = new Uint32Array(n + 1);
    const members: number[] = [];
    all.forEach((s, i) => {
      starts[i] = members.length;
      for (const v of s.facets[t]) {
        let id = ids.get(v);
        if (id === undefined) ids.set(v, (id = ids.size));
        members.push(id);
      }
    });
    starts[n] = members.length;
    columns[t] = { values: [...ids.keys()], starts, members: Uint32Array.from(members) };
  }
  all.forEach((s, i) => {
    kinds[i] = KINDS.indexOf(s.kind);
    years[i] = s.year === null ? NO_YEAR : s.year;
    if (s.section) {
      let id = sectionIds.get(s.section);
      if (id === undefined) sectionIds.set(s.section, (id = sectionIds.size));
      sectionOf[i] = id;
    } else sectionOf[i] = -1;
  });
  const sections = [...sectionIds.keys()];
  const index: Omit<DetailsIndex, 'whole'> = { ids: all.map((s) => s.id).join('\n'), kinds, years, sections, sectionOf, facets: columns };
  return { ...index, whole: wholeFacetsOf(index) };
}

function wholeFacetsOf(x: Omit<DetailsIndex, 'whole'>): WholeFacets {
  const kindCounts = new Map<DocKind, number>();
  for (const k of x.kinds) kindCounts.set(KINDS[k], (kindCounts.get(KINDS[k]) ?? 0) + 1);
  const counted = (c: FacetColumn): FacetCount[] => {
    const counts = new Uint32Array(c.values.length);
    for (const m of c.members) counts[m]++;
    return c.values.map((value, i) => ({ value, count: counts[i] })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  const sectionCounts = new Uint32Array(x.sections.length);
  for (const s of x.sectionOf) if (s >= 0) sectionCounts[s]++;
  return {
    kinds: KINDS.filter((k) => kindCounts.has(k)).map((kind) => ({ kind, count: kindCounts.get(kind)! })),
    people: counted(x.facets.people),
    places: counted(x.facets.places),
    organizations: counted(x.facets.organizations),
    // Folder order (a path's sub-folders after it), not by count: a person finds their folders where they put them.
    sections: x.sections
      .map((value, i) => ({ value, count: sectionCounts[i] }))
      .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
  };
}

/**
 * Whether document i passes a request's facet and section filters (a facet
 * value matches whatever its case). Built once per request.
 */
export function facetFilter(x: DetailsIndex, req: Pick<ListRequest, 'facet' | 'section'>): (i: number) => boolean {
  let wanted: Set<number> | null = null;
  let column: FacetColumn | null = null;
  if (req.facet) {
    const value = String(req.facet.value).toLowerCase();
    column = x.facets[req.facet.type as FacetType] ?? null;
    wanted = new Set();
    if (column) column.values.forEach((v, id) => v.toLowerCase() === value && wanted!.add(id));
  }
  // A section no document has matches none (not the documents that have no section).
  const section = req.section ? x.sections.indexOf(req.section) : null;
  return (i) => {
    if (wanted) {
      if (!column) return false;
      let hit = false;
      for (let k = column.starts[i]; k < column.starts[i + 1] && !hit; k++) hit = wanted.has(column.members[k]);
      if (!hit) return false;
    }
    return section === null || (section >= 0 && x.sectionOf[i] === section);
  };
}

/** The `facets` answer: year counts over the documents the filters keep, and the whole archive's lists. */
export function facetsFrom(x: DetailsIndex, req: FacetsRequest = {}, ids: string[] = x.ids === '' ? [] : x.ids.split('\n')): FacetsResponse {
  const tally = yearTally();
  const only = req.ids ? new Set(req.ids) : null;
  const kind = req.kind ? KINDS.indexOf(req.kind) : -1;
  const passes = facetFilter(x, req);
  for (let i = 0; i < x.kinds.length; i++) {
    // The timeline follows the library's filters; the filters' own lists do not (they would hide their choices).
    const kept = (!only || only.has(ids[i])) && (kind < 0 || x.kinds[i] === kind) && passes(i);
    if (kept) tally.add(x.years[i] === NO_YEAR ? null : x.years[i]);
  }
  return { ...tally.counts(), ...x.whole };
}
