/**
 * The one gate every stored row passes on its way out of IndexedDB (and every
 * imported or migrated row on its way in): it checks the shape, fills defaults
 * for fields older rows lack, normalizes tag names, and copies only known
 * fields into a fresh object (so `__proto__` or stray keys never travel on).
 * A row that cannot be repaired is reported, not dropped from the database:
 * the caller leaves it where it is and counts it, so nothing the person wrote
 * disappears because of a bug or a bad import.
 * Pure functions: no Dexie, no DOM, so backup/restore and the CLI can use them.
 */
import {
  DEFAULT_COLORS,
  type Annotation,
  type ColorDef,
  type ColorId,
  type DocState,
  type TagDef,
} from '../../../src-main/shared/notes/annotation-model';

export type Restored<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Notes past this size are refused on write (a megabyte note is fine). */
export const NOTE_MAX_CHARS = 5_000_000;
export const TAG_MAX_CHARS = 80;
export const COLOR_LABEL_MAX_CHARS = 40;
/** Longest quote kept: a selection of a whole long article still fits. */
export const QUOTE_MAX_CHARS = 200_000;

export const COLOR_IDS: readonly ColorId[] = DEFAULT_COLORS.map((c) => c.id);
export const DEFAULT_TAG_COLOR = '#868e96';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

function isoOr(v: unknown, fallback: string): string {
  if (typeof v !== 'string') return fallback;
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString() : fallback;
}

/** A tag as stored: NFC, single spaces, no control characters, trimmed, bounded. */
export function normalizeTagName(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, TAG_MAX_CHARS);
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

const isColorId = (v: unknown): v is ColorId => typeof v === 'string' && (COLOR_IDS as readonly string[]).includes(v);

/** CSS colour as stored: #rgb or #rrggbb only (it ends up in a style attribute). */
export function normalizeCssColor(v: unknown, fallback: string): string {
  return typeof v === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(v.trim()) ? v.trim().toLowerCase() : fallback;
}

const nonNegInt = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);

export function restoreAnnotation(raw: unknown, now = new Date().toISOString()): Restored<Annotation> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  const id = str(raw.id);
  if (!id || id.length > 200) return { ok: false, reason: 'missing or bad id' };
  const docId = str(raw.docId);
  if (!docId || docId.length > 200) return { ok: false, reason: `annotation ${id}: missing document id` };
  const q = raw.quote;
  if (!isRecord(q) || typeof q.exact !== 'string' || q.exact.length === 0) {
    return { ok: false, reason: `annotation ${id}: missing quote` };
  }
  if (q.exact.length > QUOTE_MAX_CHARS) return { ok: false, reason: `annotation ${id}: quote too long` };
  const p = isRecord(raw.position) ? raw.position : {};
  let start = nonNegInt(p.start);
  let end = nonNegInt(p.end);
  // A missing or inverted position is harmless: anchoring checks it against
  // the quote and falls back to searching for the quote.
  if (start === null || end === null || end < start) start = end = 0;
  const note = raw.note === undefined || raw.note === null ? '' : typeof raw.note === 'string' ? raw.note : String(raw.note);
  const created = isoOr(raw.created, now);
  return {
    ok: true,
    value: {
      id,
      docId,
      color: isColorId(raw.color) ? raw.color : 'yellow',
      quote: { type: 'TextQuoteSelector', exact: q.exact, prefix: str(q.prefix), suffix: str(q.suffix) },
      position: { type: 'TextPositionSelector', start, end },
      textHash: str(raw.textHash),
      note,
      tags: normalizeTags(raw.tags),
      created,
      modified: isoOr(raw.modified, created),
    },
  };
}

export function restoreDocState(raw: unknown, now = new Date().toISOString()): Restored<DocState> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  const docId = str(raw.docId);
  if (!docId || docId.length > 200) return { ok: false, reason: 'missing document id' };
  const rp = raw.readingPosition;
  return {
    ok: true,
    value: {
      docId,
      tags: normalizeTags(raw.tags),
      note: typeof raw.note === 'string' ? raw.note : '',
      starred: raw.starred === true,
      readingPosition: typeof rp === 'number' && Number.isFinite(rp) ? Math.min(1, Math.max(0, rp)) : null,
      modified: isoOr(raw.modified, now),
    },
  };
}

export function restoreTagDef(raw: unknown, now = new Date().toISOString()): Restored<TagDef> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  const name = normalizeTagName(raw.name);
  if (!name) return { ok: false, reason: 'tag without a name' };
  return { ok: true, value: { name, color: normalizeCssColor(raw.color, DEFAULT_TAG_COLOR), created: isoOr(raw.created, now) } };
}

/** The person's colour labels: every colour present, in the default order, labels bounded. */
export function restoreColors(raw: unknown): ColorDef[] {
  const stored = new Map<string, Record<string, unknown>>();
  if (Array.isArray(raw)) for (const c of raw) if (isRecord(c) && typeof c.id === 'string') stored.set(c.id, c);
  return DEFAULT_COLORS.map((def) => {
    const s = stored.get(def.id);
    const label = normalizeTagName(s?.label).slice(0, COLOR_LABEL_MAX_CHARS);
    return { id: def.id, label: label || def.label, hex: normalizeCssColor(s?.hex, def.hex) };
  });
}

/** Restore many rows; the bad ones are listed with their reason, never thrown away. */
export function restoreAll<T>(rows: unknown[], restore: (raw: unknown) => Restored<T>): { rows: T[]; invalid: string[] } {
  const out: T[] = [];
  const invalid: string[] = [];
  for (const raw of rows) {
    const r = restore(raw);
    if (r.ok) out.push(r.value);
    else invalid.push(r.reason);
  }
  return { rows: out, invalid };
}
