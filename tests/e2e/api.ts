/**
 * Asks the real host directly (the same HTTP API the page uses), so tests
 * compare what the UI shows against what the archive says instead of
 * hard-coding corpus facts.
 */
import type { ApiClient } from '../../src-main/shared/contract';
import { createHttpClient } from '../../src-main/shared/http-client';
import { baseUrl } from './browser';

export function hostApi(): ApiClient {
  return createHttpClient(baseUrl().replace(/\/$/, ''), (url, init) => fetch(url, init));
}

/** The value of a Result, or a thrown error naming the method (tests only). */
export async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
