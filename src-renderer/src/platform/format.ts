/**
 * How dates, counts and kinds read in the UI. Dates are calendar dates
 * (YYYY-MM-DD, no time zone), so they are formatted in UTC: a reader west of
 * Greenwich must not see the day before.
 */
import { writeDay } from '../../../src-main/shared/calendar';
import type { DocKind } from '../../../src-main/shared/model';

/*
 * Written by hand, not with Intl: the first `Intl.DateTimeFormat` a renderer process makes loads ICU's calendar
 * and time zone data, 35-60 ms on the main thread (measured in Chromium, each new process), and every start of
 * the app is a new process that needs a date for the library's first rows. The UI is in English (en-GB): the
 * month names are shared/calendar.ts's, a time is the 24-hour clock.
 */

function parseIsoDate(iso: string | null | undefined): Date | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDate(iso: string | null | undefined, style: 'long' | 'short' = 'long'): string {
  const d = parseIsoDate(iso);
  if (!d) return 'Undated';
  return writeDay(d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear(), style);
}

/**
 * A moment the app recorded (an ISO timestamp: a backup made, a note written, the last sync) as the person's own
 * clock shows it: "2 December 2026, 13:25", or with `time: false` the day alone. A timestamp is UTC; the day it
 * fell on here may be another one than its UTC date, and the date and the time must agree.
 */
export function formatMoment(iso: string | null | undefined, { time = true }: { time?: boolean } = {}): string {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return 'Unknown time';
  const day = writeDay(d.getDate(), d.getMonth(), d.getFullYear());
  return time ? `${day}, ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}` : day;
}

/** A number with its thousands grouped ("50,000"), as en-GB writes it; by hand for the reason above. */
export function formatNumber(n: number): string {
  const [whole, fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function formatCount(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

export function kindLabel(kind: DocKind): string {
  return kind === 'article' ? 'Article' : 'Brief';
}

/** A query as the person typed it, in quotes unless it already is a quoted phrase. */
export function quoted(query: string): string {
  const q = query.trim();
  return /^".*"$/.test(q) ? q : `“${q}”`;
}
