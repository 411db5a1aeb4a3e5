/**
 * Order statistics for benchmark samples. Percentiles use the nearest-rank
 * method (no interpolation), so p95 of 220 queries is an actual query's time.
 */

export function median(values: number[]): number | null {
  return percentile(values, 50);
}

/** Nearest-rank percentile, p in (0, 100]. Null for no samples. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

export function max(values: number[]): number | null {
  return values.length === 0 ? null : Math.max(...values);
}

export function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** Rounds for display and JSON: figures are noisy, more digits mislead. */
export function round(value: number | null, digits = 2): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** a / b, or null when either side is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || b === 0) return null;
  return round(a / b, 3);
}

export const MB = 1024 * 1024;
