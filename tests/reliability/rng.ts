/**
 * Seeded randomness for the fuzzers: every failure names its seed and case
 * number, and the same seed regenerates the same inputs on any machine.
 * Math.random is never used.
 */
import { makeRng, pick, type Rng } from '../../scripts/bench/rng';

// One seeded generator for the whole repository (mulberry32, in the bench's rng module).
export { makeRng, pick, type Rng };

/** Integer in [min, max], both inclusive. */
export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
export const chance = (rng: Rng, p: number): boolean => rng() < p;

export function shuffle<T>(rng: Rng, items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * Size and seed of a run: quick in `npm test` (fixed seed, so CI is
 * reproducible), full under `npm run test:soak` (SOAK=1). FUZZ_SEED overrides
 * the seed to replay or explore; the seed is always printed.
 */
export function fuzzRun(quick: number, full: number, defaultSeed: number): { soak: boolean; count: number; seed: number } {
  const soak = process.env.SOAK === '1';
  const envSeed = Number(process.env.FUZZ_SEED);
  const seed = Number.isInteger(envSeed) && process.env.FUZZ_SEED !== '' ? envSeed >>> 0 : defaultSeed;
  const envCount = Number(process.env.FUZZ_COUNT);
  const count = Number.isInteger(envCount) && envCount > 0 ? envCount : soak ? full : quick;
  return { soak, count, seed };
}

/** p-th percentile (0-100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
