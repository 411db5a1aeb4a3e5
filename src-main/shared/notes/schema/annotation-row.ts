/**
 * One stored annotation (a highlight with its note and tags): the schema every
 * path checks it against, and the type the rest of the code uses (derived from
 * the schema, so the two cannot drift).
 *
 * Two ways in, one schema:
 *  - `validateAnnotation`: strict, for rows arriving from a file (a backup, a
 *    W3C import): anything wrong is refused with a message naming the field;
 *  - `restoreAnnotation`: restore-on-read, for rows already in the person's
 *    database: fields older rows lack are filled in first (a missing colour,
 *    an inverted position, an unparsable date), then the same strict schema
 *    decides. A row it refuses is reported and left in place, never deleted.
 * Because both end in the same schema with the same limits, a row a restore
 * accepts is always readable, and a readable row always survives a backup.
 */
import * as v from 'valibot';
import { archiveIdField, archiveIdOr } from './archive-id';
import { COLOR_IDS, type ColorId } from './colors';
import { checkRow, describe, isoOr, isRecord, text, timestamp, type Restored, type RowResult } from './fields';
import { NOTES_LIMITS } from './limits';
import { tagList } from './tag-list';
import { normalizeTags } from './tag-names';

const offset = (what: string) =>
  v.pipe(
    v.number((i) => `should be a whole number of characters, not ${describe(i.input)}`),
    v.integer((i) => `should be a whole number of characters, not ${describe(i.input)}`),
    v.minValue(0, (i) => `should be a whole number of characters, not ${describe(i.input)}`),
    v.maxValue(NOTES_LIMITS.offset, (i) => `is past any ${what} (${describe(i.input)})`),
  );

export const textQuoteSelector = v.strictObject({
  type: v.literal('TextQuoteSelector', 'should be "TextQuoteSelector"'),
  exact: text(NOTES_LIMITS.quoteChars, { nonEmpty: true }),
  /** Up to 32 characters before `exact` (QUOTE_CONTEXT_CHARS). */
  prefix: text(NOTES_LIMITS.contextChars),
  /** Up to 32 characters after `exact`. */
  suffix: text(NOTES_LIMITS.contextChars),
});

export const textPositionSelector = v.pipe(
  v.strictObject({
    type: v.literal('TextPositionSelector', 'should be "TextPositionSelector"'),
    start: offset('article'),
    end: offset('article'),
  }),
  v.check((p) => p.end >= p.start, (i) => {
    const p = i.input as { start: number; end: number };
    return `ends (${p.end}) before it starts (${p.start})`;
  }),
);

export const annotationRow = v.strictObject({
  /** Random id (crypto.randomUUID()). */
  id: text(NOTES_LIMITS.idChars, { nonEmpty: true }),
  /** The archive the highlight was made in (archive-id.ts): document ids are unique only within one. */
  archiveId: archiveIdField,
  docId: text(NOTES_LIMITS.idChars, { nonEmpty: true }),
  color: v.picklist(COLOR_IDS, (i) => `should be one of ${COLOR_IDS.join(', ')}, not ${describe(i.input)}`),
  quote: textQuoteSelector,
  /** Offsets count UTF-16 code units into docText(doc) (see model.ts). */
  position: textPositionSelector,
  /** textHash of the document text the annotation was made on. */
  textHash: text(NOTES_LIMITS.hashChars),
  /** Markdown. */
  note: text(NOTES_LIMITS.noteChars),
  /** Tag names (case-preserving; compared case-insensitively). */
  tags: tagList,
  /** ISO timestamps. */
  created: timestamp,
  modified: timestamp,
});

export type Annotation = v.InferOutput<typeof annotationRow>;
export type TextQuoteSelector = Annotation['quote'];
export type TextPositionSelector = Annotation['position'];

/** Strict check of an annotation from a file. */
export function validateAnnotation(raw: unknown): RowResult<Annotation> {
  return checkRow(annotationRow, raw);
}

const nonNegInt = (x: unknown): number | null =>
  typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= NOTES_LIMITS.offset ? x : null;
const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** Fill in what older or damaged rows lack; what cannot be filled in is left for the schema to refuse. */
function repairAnnotation(raw: Record<string, unknown>, now: string): Record<string, unknown> {
  const q = raw.quote;
  const p = isRecord(raw.position) ? raw.position : {};
  let start = nonNegInt(p.start);
  let end = nonNegInt(p.end);
  // A missing or inverted position is harmless: anchoring checks it against the quote and falls back to searching.
  if (start === null || end === null || end < start) start = end = 0;
  const created = isoOr(raw.created, now);
  return {
    id: raw.id,
    archiveId: archiveIdOr(raw.archiveId),
    docId: raw.docId,
    color: (COLOR_IDS as readonly unknown[]).includes(raw.color) ? (raw.color as ColorId) : 'yellow',
    quote: isRecord(q)
      ? {
          type: 'TextQuoteSelector',
          exact: q.exact,
          prefix: str(q.prefix).slice(-NOTES_LIMITS.contextChars),
          suffix: str(q.suffix).slice(0, NOTES_LIMITS.contextChars),
        }
      : q,
    position: { type: 'TextPositionSelector', start, end },
    textHash: str(raw.textHash),
    note: raw.note === undefined || raw.note === null ? '' : typeof raw.note === 'string' ? raw.note : String(raw.note),
    tags: normalizeTags(raw.tags),
    created,
    modified: isoOr(raw.modified, created),
  };
}

/** Restore-on-read: repair, then the strict schema. */
export function restoreAnnotation(raw: unknown, now = new Date().toISOString()): Restored<Annotation> {
  if (!isRecord(raw)) return { ok: false, reason: `annotation: should be an object, not ${describe(raw)}` };
  const r = checkRow(annotationRow, repairAnnotation(raw, now));
  if (r.ok) return { ok: true, value: r.row };
  const id = typeof raw.id === 'string' && raw.id.length <= 80 ? ` "${raw.id}"` : '';
  return { ok: false, reason: `annotation${id}: ${r.message}` };
}
