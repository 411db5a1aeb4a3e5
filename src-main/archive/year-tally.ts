/**
 * Year counts, as the timeline shows them: documents per year, oldest first,
 * and how many have no date. One counter for both places that count them:
 * the archive's whole list as it opens (`ArchiveState.timeline`, drawn in the
 * library's first frame) and the `facets` answer under the library's filters.
 */
import type { FacetsResponse } from '../shared/contract';

export type YearCounts = Pick<FacetsResponse, 'years' | 'undated'>;

export function yearTally() {
  const years = new Map<number, number>();
  let undated = 0;
  return {
    add(year: number | null): void {
      if (year === null) undated++;
      else years.set(year, (years.get(year) ?? 0) + 1);
    },
    counts(): YearCounts {
      return { years: [...years].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year), undated };
    },
  };
}
