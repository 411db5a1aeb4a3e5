/**
 * Errors cross process and network boundaries as data, never as thrown
 * Error objects (those lose their fields when serialized through IPC or JSON).
 * Every contract method answers with a Result.
 */

export type ErrorCode =
  | 'invalid-argument' // the caller sent something the contract does not accept
  | 'not-found' // an id or file that does not exist
  | 'not-ready' // the archive or index is still loading
  | 'too-large' // input past a documented limit
  | 'unsupported' // valid request this host cannot do (e.g. a dialog in a browser)
  | 'io' // disk or network trouble
  | 'cancelled' // the person cancelled (e.g. closed a save dialog)
  | 'busy' // the same work is already under way (the same folder or archive being imported)
  | 'internal'; // a bug: the message is still meant for a person

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Narrow an unknown value (e.g. parsed JSON from the HTTP host) to a Result shape. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok === false) {
    const e = v.error as Record<string, unknown> | undefined;
    return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message === 'string';
  }
  return false;
}
