/**
 * One stored article state (the person's tags, note, star and reading
 * position on a whole article): schema, derived type, strict check for files
 * and restore-on-read for the database (see annotation-row.ts for why both
 * end in the same schema).
 */
import * as v from 'valibot';
import { archiveIdField, archiveIdOr } from './archive-id';
import { checkRow, describe, isoOr, isRecord, text, timestamp, type Restored, type RowResult } from './fields';
import { NOTES_LIMITS } from './limits';
import { tagList } from './tag-list';
import { normalizeTags } from './tag-names';

const fraction = (i: { input: unknown }) => `should be null or a fraction from 0 to 1, not ${describe(i.input)}`;

export const docStateRow = v.strictObject({
  /** The archive the article is in (archive-id.ts); the row's key is [archiveId, docId]. */
  archiveId: archiveIdField,
  docId: text(NOTES_LIMITS.idChars, { nonEmpty: true }),
  tags: tagList,
  /** Markdown note on the whole document. */
  note: text(NOTES_LIMITS.noteChars),
  starred: v.boolean((i) => `should be true or false, not ${describe(i.input)}`),
  /** Scroll position as a fraction 0..1 of the document, or null. */
  readingPosition: v.nullable(v.pipe(v.number(fraction), v.finite(fraction), v.minValue(0, fraction), v.maxValue(1, fraction))),
  /** When the end of the text was first on screen: the article is read. Absent in rows older than it. */
  readAt: v.optional(v.nullable(timestamp)),
  modified: timestamp,
});

export type DocState = v.InferOutput<typeof docStateRow>;

export function validateDocState(raw: unknown): RowResult<DocState> {
  return checkRow(docStateRow, raw);
}

function repairDocState(raw: Record<string, unknown>, now: string): Record<string, unknown> {
  const rp = raw.readingPosition;
  return {
    archiveId: archiveIdOr(raw.archiveId),
    docId: raw.docId,
    tags: normalizeTags(raw.tags),
    note: typeof raw.note === 'string' ? raw.note : '',
    starred: raw.starred === true,
    readingPosition: typeof rp === 'number' && Number.isFinite(rp) ? Math.min(1, Math.max(0, rp)) : null,
    // Only when set: rows from before "read" existed read back exactly as they were stored.
    ...(typeof raw.readAt === 'string' && Number.isFinite(Date.parse(raw.readAt)) ? { readAt: isoOr(raw.readAt, now) } : {}),
    modified: isoOr(raw.modified, now),
  };
}

export function restoreDocState(raw: unknown, now = new Date().toISOString()): Restored<DocState> {
  if (!isRecord(raw)) return { ok: false, reason: `article state: should be an object, not ${describe(raw)}` };
  const r = checkRow(docStateRow, repairDocState(raw, now));
  if (r.ok) return { ok: true, value: r.row };
  const id = typeof raw.docId === 'string' && raw.docId.length <= 80 ? ` "${raw.docId}"` : '';
  return { ok: false, reason: `article state${id}: ${r.message}` };
}
