/**
 * The month names the app writes dates with, in one place: the UI
 * (src-renderer platform/format.ts) and citations in exports
 * (notes/citation.ts). The app's English is en-GB, so these are CLDR's en-GB
 * names, "Sept" included.
 */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;

/** "2 December 2026" (`long`) or "2 Dec 2026" (`short`): how the app writes a day, wherever it writes one. */
export function writeDay(day: number, monthIndex: number, year: number | string, style: 'long' | 'short' = 'long'): string {
  return `${day} ${(style === 'long' ? MONTHS : SHORT_MONTHS)[monthIndex]} ${year}`;
}
