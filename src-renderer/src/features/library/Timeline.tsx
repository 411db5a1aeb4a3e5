/**
 * The archive at a glance: one bar per year, from the first year to the last
 * (empty years included, so gaps show). Clicking a year filters the library
 * to it; clicking it again, or "All years", clears the filter.
 */
import type { FacetsResponse } from '../../../../src-main/shared/contract';
import { formatCount } from '../../platform/format';

export interface YearCount {
  year: number;
  count: number;
}

/** Every year from the first to the last, with zero for years without items. */
export function fillYears(years: FacetsResponse['years']): YearCount[] {
  if (years.length === 0) return [];
  const byYear = new Map(years.map((y) => [y.year, y.count]));
  const min = Math.min(...years.map((y) => y.year));
  const max = Math.max(...years.map((y) => y.year));
  const out: YearCount[] = [];
  for (let y = min; y <= max; y++) out.push({ year: y, count: byYear.get(y) ?? 0 });
  return out;
}

export function Timeline({
  years,
  undated = 0,
  selected,
  onSelect,
}: {
  years: FacetsResponse['years'];
  /** Items without a year (not on the timeline, but counted so the numbers add up). */
  undated?: number;
  selected: number | undefined;
  onSelect: (year: number | undefined) => void;
}) {
  const filled = fillYears(years);
  if (filled.length === 0) return null;
  const max = Math.max(1, ...filled.map((y) => y.count));
  const total = filled.reduce((n, y) => n + y.count, 0);
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-head">
        <h2 className="section-label">Timeline</h2>
        <span className="timeline-note">
          {filled[0]!.year}–{filled.at(-1)!.year}
          {undated > 0 ? ` · ${formatCount(undated, 'item', 'items')} without a date` : ''}
        </span>
        <button
          type="button"
          className="link-button"
          aria-pressed={selected === undefined}
          onClick={() => onSelect(undefined)}
          disabled={selected === undefined}
        >
          All years
        </button>
      </div>
      <div className="timeline-bars" role="group" aria-label="Filter by year">
        {filled.map(({ year, count }) => {
          const pressed = selected === year;
          return (
            <button
              key={year}
              type="button"
              className={pressed ? 'timeline-bar selected' : 'timeline-bar'}
              aria-pressed={pressed}
              aria-label={`${year}: ${formatCount(count, 'item', 'items')}`}
              title={`${year}: ${formatCount(count, 'item', 'items')}`}
              disabled={count === 0}
              onClick={() => onSelect(pressed ? undefined : year)}
            >
              <span className="timeline-count" aria-hidden="true">
                {count > 0 ? count : ''}
              </span>
              <span className="timeline-track" aria-hidden="true">
                <span className="timeline-fill" style={{ height: `${count === 0 ? 0 : Math.max(6, (count / max) * 100)}%` }} />
              </span>
              <span className="timeline-year" aria-hidden="true">
                {year}
              </span>
            </button>
          );
        })}
      </div>
      <p className="visually-hidden">{formatCount(total, 'dated item', 'dated items')} across {filled.length} years.</p>
    </section>
  );
}
