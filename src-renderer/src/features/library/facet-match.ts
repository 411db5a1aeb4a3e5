/**
 * Which facet values (people, places, organizations) the "Mentions" combobox
 * shows for what the person typed: a pure function over the facets answer, so
 * it is tested in Node and the component only renders.
 *
 * An archive can name tens of thousands of them; the combobox must never put
 * them all in the page (issue 13: 7,294 <option>s and 300 ms long tasks on a
 * 10,000-article archive). So the answer is bounded: at most `limit` values
 * over all groups, each group keeping a fair share (a short group gives what it
 * does not use to the others), and each group says how many matches it left out.
 *
 * Order within a group: values that start with the query, then values with a
 * word that starts with it ("lav" finds "Sergey Lavrov"), then values that
 * merely contain it; ties by count (most mentioned first), then by name.
 * Matching ignores case and accents in every script (platform/fold).
 */
import { fold } from '../../platform/fold';

export interface FacetValue {
  value: string;
  count: number;
}

export interface FacetGroupInput<G extends string> {
  id: G;
  values: readonly FacetValue[];
}

export interface FacetGroupMatch<G extends string> {
  id: G;
  shown: FacetValue[];
  /** Matches of this group not shown (the cap): "N more: type to narrow". */
  more: number;
}

/** Values folded once per facets answer (not once per keystroke), in the order a search scans them. */
interface FoldedGroup {
  values: FacetValue[];
  folded: string[];
}

const folded = new WeakMap<readonly FacetValue[], FoldedGroup>();

function foldedGroup(values: readonly FacetValue[]): FoldedGroup {
  let f = folded.get(values);
  if (!f) {
    // Most mentioned first, then by name: scanning in this order keeps every rank bucket sorted for free.
    const sorted = [...values].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    f = { values: sorted, folded: sorted.map((v) => fold(v.value)) };
    folded.set(values, f);
  }
  return f;
}

const WORD_START = /[\s\-‐–—'’.,/(]/;

/** 0: starts with the query; 1: a word starts with it; 2: contains it; -1: no match. */
function rank(hay: string, q: string): number {
  let at = hay.indexOf(q);
  if (at < 0) return -1;
  if (at === 0) return 0;
  for (; at > 0; at = hay.indexOf(q, at + 1)) {
    if (WORD_START.test(hay[at - 1]!)) return 1;
  }
  return 2;
}

/** Every group's matches for `query`, best first, at most `limit` values over all groups. */
export function matchFacets<G extends string>(
  groups: readonly FacetGroupInput<G>[],
  query: string,
  limit: number,
): FacetGroupMatch<G>[] {
  const q = fold(query.trim());
  const matches = groups.map((g) => {
    const f = foldedGroup(g.values);
    if (!q) return f.values;
    const buckets: FacetValue[][] = [[], [], []];
    for (let i = 0; i < f.values.length; i++) {
      const r = rank(f.folded[i]!, q);
      if (r >= 0) buckets[r]!.push(f.values[i]!);
    }
    return buckets.flat();
  });

  // Fair shares: the groups with fewest matches are served first, each taking at most an equal share of what is left.
  const take = new Array<number>(groups.length).fill(0);
  let left = limit;
  const order = matches.map((m, i) => i).sort((a, b) => matches[a]!.length - matches[b]!.length);
  order.forEach((gi, k) => {
    const share = Math.floor(left / (order.length - k));
    take[gi] = Math.min(matches[gi]!.length, share);
    left -= take[gi]!;
  });

  return groups.map((g, i) => ({ id: g.id, shown: matches[i]!.slice(0, take[i]), more: matches[i]!.length - take[i]! }));
}
