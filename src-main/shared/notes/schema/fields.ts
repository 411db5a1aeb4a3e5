/**
 * Building blocks of the row schemas (valibot) and the one way their failures
 * become a message a person can read: "Annotation 2 ("a2"): note is too long
 * (52,428,800 characters; the limit is 5,000,000)". Pure: no DOM, no Node.
 */
import * as v from 'valibot';

/** What a value is, in a message: `text "abc"`, `a list`, `number 5`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const count = (n: number | string): string => Number(n).toLocaleString('en');

/** Text of at most `max` characters (at least one when `nonEmpty`). */
export function text(max: number, { nonEmpty = false } = {}) {
  return v.pipe(
    v.string((i) => `should be text, not ${describe(i.input)}`),
    v.maxLength(max, (i) => `is too long (${count(i.received)} characters; the limit is ${count(max)})`),
    v.check((s) => !nonEmpty || s.trim().length > 0, 'is empty'),
  );
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** What Date.prototype.toISOString writes (years 0000-9999): the form every timestamp the app stores has. */
const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when `s` is a real instant written the way toISOString writes it: the
 * canonical form, with a month, a day of that month, an hour, a minute and a
 * second in range. Such a string is its own `new Date(Date.parse(s)).toISOString()`,
 * so it needs no Date.parse: reading 500 highlights checks 2,000 timestamps.
 * Anything else (another offset, no milliseconds, 30 February) is not
 * canonical and takes the Date.parse path, as before.
 */
export function isCanonicalIso(s: string): boolean {
  const m = CANONICAL.exec(s);
  if (!m) return false;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1 || +m[4] > 23 || +m[5] > 59 || +m[6] > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month - 1]);
}

/** An ISO 8601 date and time, as the app writes them. */
export const timestamp = v.pipe(
  v.string((i) => `should be a date and time, not ${describe(i.input)}`),
  v.check(
    (s) => s.length <= 40 && (isCanonicalIso(s) || (ISO.test(s) && !Number.isNaN(Date.parse(s)))),
    (i) => `is not a date and time ("${String(i.input).slice(0, 40)}")`,
  ),
);

/** An ISO timestamp from anything Date.parse understands, else `fallback` (restore-on-read of older rows). */
export function isoOr(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  if (isCanonicalIso(value)) return value;
  const t = Date.parse(value);
  return Number.isFinite(t) ? new Date(t).toISOString() : fallback;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Outcome of the strict check of one row: the fresh row, or what is wrong with it. */
export type RowResult<T> = { ok: true; row: T } | { ok: false; message: string };

/** Outcome of restore-on-read (repair, then the strict check). */
export type Restored<T> = { ok: true; value: T } | { ok: false; reason: string };

function issueText(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('').replace(/^\./, '');
  if (issue.kind === 'schema' && (issue.type === 'strict_object' || issue.type === 'object')) {
    if (issue.expected === 'never') {
      const parent = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      return `${parent || 'the row'} has an unknown field "${String(issue.input).slice(0, 60)}"`;
    }
    if (issue.input === undefined && path) return `${path} is missing`;
    return `${path || ''}${path ? ' ' : ''}should be an object, not ${describe(issue.input)}`;
  }
  if (issue.input === undefined && path) return `${path} is missing`;
  return path ? `${path} ${issue.message}` : issue.message;
}

/** Run a schema over an untrusted value; the first problem becomes the message. */
export function checkRow<S extends v.GenericSchema>(schema: S, raw: unknown): RowResult<v.InferOutput<S>> {
  // Plain objects only: to valibot a list is an object too.
  if (!isRecord(raw)) return { ok: false, message: `should be an object, not ${describe(raw)}` };
  const r = v.safeParse(schema, raw);
  return r.success ? { ok: true, row: r.output } : { ok: false, message: issueText(r.issues[0]) };
}
