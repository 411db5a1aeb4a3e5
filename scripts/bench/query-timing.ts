/**
 * Times a query mix against any engine, given a function that answers one
 * query. Shared by both engines so they are timed by the same loop: one
 * unmeasured pass to warm caches and the JIT, then one measured pass; bounded
 * (pathological) queries are timed once each, cold, as a person would hit them.
 */
import { max, mean, percentile } from './stats';

export type Answer = (query: string) => Promise<{ total: number; note?: string | null }>;

export interface LatencyResult {
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  meanMs: number | null;
  /** Queries that found nothing (a sanity check that the engine really searched). */
  zeroHits: number;
  /** Queries that threw (an engine should answer every string), and the first message. */
  errors: number;
  firstError: string | null;
  /** p50 per query kind, to see which kind of query is slow. */
  byKind: Record<string, { p50Ms: number | null; p95Ms: number | null; zeroHits: number }>;
}

export interface BoundedResult {
  label: string;
  ms: number;
  total: number | null;
  note: string | null;
  error: string | null;
}

export async function timeQueries(
  answer: Answer,
  queries: { kind: string; text: string }[] | null,
  bounded: { label: string; text: string }[] | null,
): Promise<{ latency: LatencyResult | null; bounded: BoundedResult[] | null }> {
  let boundedOut: BoundedResult[] | null = null;
  if (bounded) {
    // Cold, before the mix warms anything: the first `*` a person types.
    boundedOut = [];
    for (const b of bounded) {
      const t = performance.now();
      try {
        const r = await answer(b.text);
        boundedOut.push({ label: b.label, ms: performance.now() - t, total: r.total, note: r.note?.slice(0, 160) ?? null, error: null });
      } catch (e) {
        boundedOut.push({ label: b.label, ms: performance.now() - t, total: null, note: null, error: String((e as Error)?.message ?? e).slice(0, 160) });
      }
    }
  }
  if (!queries) return { latency: null, bounded: boundedOut };
  for (const q of queries) await answer(q.text).catch(() => undefined);
  const times: number[] = [];
  const kinds = new Map<string, { times: number[]; zero: number }>();
  let zeroHits = 0;
  let errors = 0;
  let firstError: string | null = null;
  for (const q of queries) {
    const t = performance.now();
    let total = 0;
    try {
      total = (await answer(q.text)).total;
    } catch (e) {
      errors++;
      firstError ??= `${q.text}: ${String((e as Error)?.message ?? e).slice(0, 200)}`;
    }
    const ms = performance.now() - t;
    times.push(ms);
    const k = kinds.get(q.kind) ?? { times: [], zero: 0 };
    k.times.push(ms);
    if (total === 0) {
      zeroHits++;
      k.zero++;
    }
    kinds.set(q.kind, k);
  }
  const byKind: LatencyResult['byKind'] = {};
  for (const [kind, k] of kinds) byKind[kind] = { p50Ms: percentile(k.times, 50), p95Ms: percentile(k.times, 95), zeroHits: k.zero };
  return {
    latency: {
      count: times.length,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      maxMs: max(times),
      meanMs: mean(times),
      zeroHits,
      errors,
      firstError,
      byKind,
    },
    bounded: boundedOut,
  };
}
