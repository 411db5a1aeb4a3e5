/**
 * Validation of every row a backup (or an annotation import) may write into the
 * database. Each validator takes an unknown value and answers either a fresh
 * object holding exactly the model's fields (so nothing unexpected ever
 * reaches IndexedDB) or a message naming the row and the field that is wrong.
 *
 * Limits are generous for real use (a note of a megabyte is fine) and refuse
 * the absurd (a 50 MB field, 10,000 tags on one excerpt).
 */
import type { Annotation, ColorId, DocState, TagDef } from '../annotation-model';
import { isPlainObject } from '../safe-json';

export const LIMITS = {
  idChars: 200,
  /** Notes: at least the db module's NOTE_MAX_CHARS (5M), so any saved note backs up; a 50 MB one is refused. */
  noteChars: 5_000_000,
  quoteChars: 1_000_000,
  contextChars: 1_000,
  tagChars: 200,
  tagsPerRow: 500,
  hashChars: 200,
  colorChars: 64,
  settingKeyChars: 200,
  settingValueChars: 1_000_000,
  offset: 1_000_000_000,
} as const;

export const COLOR_IDS: readonly ColorId[] = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'];

/** A setting row: one key, one JSON value (the annotations module decides the keys). */
export interface SettingRow {
  key: string;
  value: unknown;
}

export type RowResult<T> = { ok: true; row: T } | { ok: false; message: string };

class RowError extends Error {}

function fail(field: string, problem: string): never {
  throw new RowError(`${field} ${problem}`);
}

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(where, `has an unknown field "${k}"`);
}

function str(o: Record<string, unknown>, key: string, max: number, opts: { min?: number; where?: string } = {}): string {
  const v = o[key];
  const name = opts.where ? `${opts.where}.${key}` : key;
  if (typeof v !== 'string') fail(name, v === undefined ? 'is missing' : `should be text, not ${describe(v)}`);
  if (v.length > max) fail(name, `is too long (${v.length.toLocaleString('en')} characters; the limit is ${max.toLocaleString('en')})`);
  if (v.length < (opts.min ?? 0)) fail(name, 'is empty');
  return v;
}

function timestamp(o: Record<string, unknown>, key: string): string {
  const v = str(o, key, 40, { min: 1 });
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) || Number.isNaN(Date.parse(v))) {
    fail(key, `is not a date and time ("${v.slice(0, 40)}")`);
  }
  return v;
}

function offset(o: Record<string, unknown>, key: string, where: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > LIMITS.offset) {
    fail(`${where}.${key}`, `should be a whole number of characters, not ${describe(v)}`);
  }
  return v;
}

function tagList(o: Record<string, unknown>, key: string): string[] {
  const v = o[key];
  if (!Array.isArray(v)) fail(key, v === undefined ? 'is missing' : `should be a list, not ${describe(v)}`);
  if (v.length > LIMITS.tagsPerRow) fail(key, `has too many tags (${v.length}; the limit is ${LIMITS.tagsPerRow})`);
  const seen = new Set<string>();
  return v.map((t, i) => {
    if (typeof t !== 'string') fail(`${key}[${i}]`, `should be text, not ${describe(t)}`);
    if (!t.trim()) fail(`${key}[${i}]`, 'is empty');
    if (t.length > LIMITS.tagChars) fail(`${key}[${i}]`, `is too long (${t.length} characters; the limit is ${LIMITS.tagChars})`);
    if (seen.has(t.toLowerCase())) fail(key, `lists "${t}" twice`);
    seen.add(t.toLowerCase());
    return t;
  });
}

export function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `text "${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function run<T>(raw: unknown, build: (o: Record<string, unknown>) => T): RowResult<T> {
  if (!isPlainObject(raw)) return { ok: false, message: `should be an object, not ${describe(raw)}` };
  try {
    return { ok: true, row: build(raw) };
  } catch (e) {
    if (e instanceof RowError) return { ok: false, message: e.message };
    throw e;
  }
}

const ANNOTATION_KEYS = ['id', 'docId', 'color', 'quote', 'position', 'textHash', 'note', 'tags', 'created', 'modified'];

export function validateAnnotation(raw: unknown): RowResult<Annotation> {
  return run(raw, (o) => {
    onlyKeys(o, ANNOTATION_KEYS, 'the annotation');
    const id = str(o, 'id', LIMITS.idChars, { min: 1 });
    const docId = str(o, 'docId', LIMITS.idChars, { min: 1 });
    const color = o.color;
    if (!COLOR_IDS.includes(color as ColorId)) fail('color', `should be one of ${COLOR_IDS.join(', ')}, not ${describe(color)}`);
    const q = o.quote;
    if (!isPlainObject(q)) fail('quote', q === undefined ? 'is missing' : `should be an object, not ${describe(q)}`);
    onlyKeys(q, ['type', 'exact', 'prefix', 'suffix'], 'quote');
    if (q.type !== 'TextQuoteSelector') fail('quote.type', 'should be "TextQuoteSelector"');
    const exact = str(q, 'exact', LIMITS.quoteChars, { min: 1, where: 'quote' });
    const prefix = str(q, 'prefix', LIMITS.contextChars, { where: 'quote' });
    const suffix = str(q, 'suffix', LIMITS.contextChars, { where: 'quote' });
    const p = o.position;
    if (!isPlainObject(p)) fail('position', p === undefined ? 'is missing' : `should be an object, not ${describe(p)}`);
    onlyKeys(p, ['type', 'start', 'end'], 'position');
    if (p.type !== 'TextPositionSelector') fail('position.type', 'should be "TextPositionSelector"');
    const start = offset(p, 'start', 'position');
    const end = offset(p, 'end', 'position');
    if (end < start) fail('position', `ends (${end}) before it starts (${start})`);
    const created = timestamp(o, 'created');
    const modified = timestamp(o, 'modified');
    return {
      id,
      docId,
      color: color as ColorId,
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      position: { type: 'TextPositionSelector', start, end },
      textHash: str(o, 'textHash', LIMITS.hashChars),
      note: str(o, 'note', LIMITS.noteChars),
      tags: tagList(o, 'tags'),
      created,
      modified,
    };
  });
}

export function validateDocState(raw: unknown): RowResult<DocState> {
  return run(raw, (o) => {
    onlyKeys(o, ['docId', 'tags', 'note', 'starred', 'readingPosition', 'modified'], 'the article state');
    const docId = str(o, 'docId', LIMITS.idChars, { min: 1 });
    const tags = tagList(o, 'tags');
    const note = str(o, 'note', LIMITS.noteChars);
    if (typeof o.starred !== 'boolean') fail('starred', `should be true or false, not ${describe(o.starred)}`);
    const rp = o.readingPosition;
    if (rp !== null && (typeof rp !== 'number' || !Number.isFinite(rp) || rp < 0 || rp > 1)) {
      fail('readingPosition', `should be null or a fraction from 0 to 1, not ${describe(rp)}`);
    }
    return { docId, tags, note, starred: o.starred, readingPosition: rp as number | null, modified: timestamp(o, 'modified') };
  });
}

export function validateTagDef(raw: unknown): RowResult<TagDef> {
  return run(raw, (o) => {
    onlyKeys(o, ['name', 'color', 'created'], 'the tag');
    const name = str(o, 'name', LIMITS.tagChars, { min: 1 });
    if (!name.trim()) fail('name', 'is empty');
    const color = str(o, 'color', LIMITS.colorChars);
    if (/[;{}<>]|url\s*\(|expression\s*\(/i.test(color)) fail('color', `is not a CSS colour ("${color}")`);
    return { name, color, created: timestamp(o, 'created') };
  });
}

export function validateSetting(raw: unknown): RowResult<SettingRow> {
  return run(raw, (o) => {
    onlyKeys(o, ['key', 'value'], 'the setting');
    const key = str(o, 'key', LIMITS.settingKeyChars, { min: 1 });
    if (!('value' in o)) fail('value', 'is missing');
    const size = JSON.stringify(o.value ?? null).length;
    if (size > LIMITS.settingValueChars) fail('value', `is too large (${size.toLocaleString('en')} characters)`);
    return { key, value: o.value };
  });
}
