/**
 * Asks for an article before the reader does. The reader asks for its
 * document in an effect after its first commit (behind the library's teardown
 * and, the first time, its chunk's load): on a 10,000-article archive that
 * was ~70 ms of an open spent before the request left (docs/benchmarks.md,
 * "getDoc"). A link to an article asks ahead when the pointer rests on it or
 * goes down, and the shell asks the moment the route changes; the reader
 * then takes the answer already on its way.
 *
 * An answer asked ahead is taken once and kept for a few seconds only, so a
 * retry or a later open asks the host again (documents change on re-import;
 * switching archives reloads the page, which empties this).
 */
import type { ApiClient, DocAnswer } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/result';

type DocResult = Result<DocAnswer>;
const KEEP_MS = 10_000;
const MAX_AHEAD = 4;

const ahead = new WeakMap<ApiClient, Map<string, { at: number; answer: Promise<DocResult> }>>();

function table(api: ApiClient) {
  let t = ahead.get(api);
  if (!t) ahead.set(api, (t = new Map()));
  return t;
}

/** Starts asking for the document `id` unless an answer is already on its way. */
export function askAhead(api: ApiClient, id: string): void {
  const t = table(api);
  const now = Date.now();
  const have = t.get(id);
  if (have && now - have.at < KEEP_MS) return;
  t.set(id, { at: now, answer: api.getDoc({ id }) });
  // Oldest first in a Map's order: drop beyond the few a person can be about to open.
  while (t.size > MAX_AHEAD) t.delete(t.keys().next().value!);
}

/** The document `id`: the answer asked ahead if it is fresh (taken once), or a new request. */
export function takeDoc(api: ApiClient, id: string): Promise<DocResult> {
  const t = table(api);
  const have = t.get(id);
  t.delete(id);
  return have && Date.now() - have.at < KEEP_MS ? have.answer : api.getDoc({ id });
}
