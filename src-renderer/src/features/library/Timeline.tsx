/**
 * The archive at a glance: one bar per year, from the first year to the last
 * (empty years included, so gaps show). Clicking a year filters the library
 * to it; clicking it again, or "All years", clears the filter.
 *
 * A person's own archive can span a century (a story dated 1920 among ones
 * from 2005): past YEARS_SHOWN years the timeline shows decades, and a decade
 * opens into its ten years, so every label stays legible at any span.
 *
 * Each bar's count sits outside its button, so the button's visible text (the
 * year) is the start of its accessible name ("2013, 4 items"), as WCAG 2.5.3 asks.
 */
import { useEffect, useState } from 'react';
import type { FacetsResponse } from '../../../../src-main/shared/contract';
import { formatCount, formatNumber } from '../../platform/format';

/** The longest span shown year by year; longer ones are shown by decade. */
export const YEARS_SHOWN = 20;

export interface YearCount {
  year: number;
  count: number;
}

export interface Bucket {
  /** The year, or the decade's first year. */
  start: number;
  label: string;
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

export const decadeOf = (year: number) => Math.floor(year / 10) * 10;

/**
 * The bars to draw: years when the span is short or a decade is open,
 * else decades (from the first year's decade to the last one's).
 */
export function timelineBuckets(
  years: FacetsResponse['years'],
  openDecade: number | undefined,
): { by: 'year' | 'decade'; buckets: Bucket[] } {
  const filled = fillYears(years);
  const asYears = (ys: YearCount[]) => ys.map(({ year, count }) => ({ start: year, label: String(year), count }));
  if (filled.length <= YEARS_SHOWN) return { by: 'year', buckets: asYears(filled) };
  if (openDecade !== undefined) {
    const byYear = new Map(filled.map((y) => [y.year, y.count]));
    const ys: YearCount[] = [];
    for (let y = openDecade; y < openDecade + 10; y++) ys.push({ year: y, count: byYear.get(y) ?? 0 });
    return { by: 'year', buckets: asYears(ys) };
  }
  const buckets: Bucket[] = [];
  for (let d = decadeOf(filled[0]!.year); d <= decadeOf(filled.at(-1)!.year); d += 10) {
    const count = filled.reduce((n, y) => (decadeOf(y.year) === d ? n + y.count : n), 0);
    buckets.push({ start: d, label: `${d}s`, count });
  }
  return { by: 'decade', buckets };
}

export function Timeline({
  years,
  undated = 0,
  pending = false,
  selected,
  onSelect,
}: {
  years: FacetsResponse['years'];
  /** Items without a year (not on the timeline, but counted so the numbers add up). */
  undated?: number;
  /**
   * The years are the whole archive's and the filtered counts are on their way: the bars hold their place
   * (so the rows below do not move when the counts arrive) without figures, and cannot be pressed yet.
   */
  pending?: boolean;
  selected: number | undefined;
  onSelect: (year: number | undefined) => void;
}) {
  const filled = fillYears(years);
  const long = filled.length > YEARS_SHOWN;
  const [openDecade, setOpenDecade] = useState<number | undefined>(selected !== undefined && long ? decadeOf(selected) : undefined);
  // A year chosen elsewhere (a link, Back) opens its decade.
  useEffect(() => {
    if (selected !== undefined && long) setOpenDecade(decadeOf(selected));
  }, [selected, long]);
  if (filled.length === 0) return null;
  const { by, buckets } = timelineBuckets(years, long ? openDecade : undefined);
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const total = filled.reduce((n, y) => n + y.count, 0);
  const span = `${filled[0]!.year}–${filled.at(-1)!.year}`;
  return (
    <section className="timeline" aria-label="Timeline" aria-busy={pending || undefined}>
      <div className="timeline-head">
        <h2 className="section-label">Timeline</h2>
        <span className="timeline-note">
          {long && openDecade !== undefined ? `The ${openDecade}s of ${span}` : span}
          {by === 'decade' ? ' · by decade' : ''}
          {undated > 0 && !pending ? ` · ${formatCount(undated, 'item', 'items')} without a date` : ''}
        </span>
        {long && openDecade !== undefined ? (
          <button type="button" className="link-button" onClick={() => setOpenDecade(undefined)}>
            All decades
          </button>
        ) : null}
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
      <div className="timeline-bars" role="group" aria-label={by === 'decade' ? 'Open a decade' : 'Filter by year'}>
        {buckets.map(({ start, label, count }) => {
          const pressed = by === 'year' ? selected === start : selected !== undefined && decadeOf(selected) === start;
          const items = formatCount(count, 'item', 'items');
          return (
            <div key={start} className={pressed ? 'timeline-col selected' : 'timeline-col'}>
              <span className="timeline-count" aria-hidden="true">
                {count > 0 && !pending ? formatNumber(count) : ''}
              </span>
              <button
                type="button"
                className="timeline-bar"
                aria-pressed={by === 'year' ? pressed : undefined}
                aria-label={pending ? label : `${label}, ${items}`}
                title={pending ? undefined : `${label}: ${items}`}
                disabled={count === 0 || pending}
                onClick={() => (by === 'decade' ? setOpenDecade(start) : onSelect(pressed ? undefined : start))}
              >
                <span className="timeline-track" aria-hidden="true">
                  <span className="timeline-fill" style={{ height: `${count === 0 || pending ? 0 : Math.max(6, (count / max) * 100)}%` }} />
                </span>
                <span className="timeline-year">{label}</span>
              </button>
            </div>
          );
        })}
      </div>
      {pending ? null : (
        <p className="visually-hidden">
          {formatCount(total, 'dated item', 'dated items')} across {formatCount(filled.length, 'year', 'years')}.
        </p>
      )}
    </section>
  );
}
