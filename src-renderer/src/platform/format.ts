/**
 * How dates, counts and kinds read in the UI. Dates are calendar dates
 * (YYYY-MM-DD, no time zone), so they are formatted in UTC: a reader west of
 * Greenwich must not see the day before.
 */
import type { DocKind } from '../../../src-main/shared/model';

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function parseIsoDate(iso: string | null | undefined): Date | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Dates already written, by style and ISO date. Intl's format is the costliest call in a library row: a fling
 * through 50,000 items formats hundreds of dates a second, and an archive has far fewer distinct days.
 */
const written = { long: new Map<string, string>(), short: new Map<string, string>() };
const WRITTEN_MAX = 4096;

export function formatDate(iso: string | null | undefined, style: 'long' | 'short' = 'long'): string {
  const known = iso ? written[style].get(iso) : undefined;
  if (known !== undefined) return known;
  const d = parseIsoDate(iso);
  if (!d) return 'Undated';
  const text = (style === 'long' ? longDate : shortDate).format(d);
  if (written[style].size >= WRITTEN_MAX) written[style].clear();
  written[style].set(iso!, text);
  return text;
}

const numberFormat = new Intl.NumberFormat('en-GB');

export function formatCount(n: number, one: string, many: string): string {
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

export function kindLabel(kind: DocKind): string {
  return kind === 'article' ? 'Article' : 'Brief';
}

/** A query as the person typed it, in quotes unless it already is a quoted phrase. */
export function quoted(query: string): string {
  const q = query.trim();
  return /^".*"$/.test(q) ? q : `“${q}”`;
}
