/**
 * One stored tag definition (a name and its colour): schema, derived type,
 * strict check for files and restore-on-read for the database.
 */
import * as v from 'valibot';
import { DEFAULT_TAG_COLOR } from './colors';
import { checkRow, describe, isoOr, isRecord, timestamp, type Restored, type RowResult } from './fields';
import { tagName } from './tag-list';
import { CSS_COLOR, normalizeCssColor, normalizeTagName } from './tag-names';

export const tagRow = v.strictObject({
  name: tagName,
  /** CSS colour, #rgb or #rrggbb only: it ends up in a style attribute. */
  color: v.pipe(
    v.string((i) => `should be text, not ${describe(i.input)}`),
    v.check((s) => CSS_COLOR.test(s.trim()), (i) => `is not a CSS colour ("${String(i.input).slice(0, 40)}"; expected #rgb or #rrggbb)`),
    v.transform((s) => s.trim().toLowerCase()),
  ),
  created: timestamp,
});

export type TagDef = v.InferOutput<typeof tagRow>;

export function validateTagDef(raw: unknown): RowResult<TagDef> {
  return checkRow(tagRow, raw);
}

export function restoreTagDef(raw: unknown, now = new Date().toISOString()): Restored<TagDef> {
  if (!isRecord(raw)) return { ok: false, reason: `tag: should be an object, not ${describe(raw)}` };
  const name = normalizeTagName(raw.name);
  if (!name) return { ok: false, reason: 'tag without a name' };
  const r = checkRow(tagRow, { name, color: normalizeCssColor(raw.color, DEFAULT_TAG_COLOR), created: isoOr(raw.created, now) });
  return r.ok ? { ok: true, value: r.row } : { ok: false, reason: `tag "${name}": ${r.message}` };
}
