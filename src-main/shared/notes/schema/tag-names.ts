/**
 * Tag names and colours as stored: NFC, single spaces, no control characters,
 * trimmed; compared without regard to case. Shared by every row that carries
 * tags, so "Summit", " summit " and "SUMMIT" are one tag everywhere.
 */
import { NOTES_LIMITS } from './limits';

/** The cleaned spelling of a tag name, not shortened (the schemas refuse a name that is too long). */
export function cleanTagName(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return (
    raw
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** A tag as the app stores it: cleaned and cut to the limit (what the app does with what a person types). */
export function normalizeTagName(raw: unknown): string {
  return cleanTagName(raw).slice(0, NOTES_LIMITS.tagChars);
}

/** Tags compare without regard to case. */
export const tagKey = (name: string): string => normalizeTagName(name).toLocaleLowerCase('en');

/** Normalized, de-duplicated (case-insensitively, first spelling wins) tag list. */
export function normalizeTags(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of raw) {
    const name = normalizeTagName(t);
    const key = name.toLocaleLowerCase('en');
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

export const CSS_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** CSS colour as stored: #rgb or #rrggbb only (it ends up in a style attribute). */
export function normalizeCssColor(value: unknown, fallback: string): string {
  return typeof value === 'string' && CSS_COLOR.test(value.trim()) ? value.trim().toLowerCase() : fallback;
}
