/**
 * Seeded randomness for the benchmark's synthetic archives and query mix.
 *
 * Everything the benchmark generates must be identical on every run and every
 * machine, so figures from two runs describe the same articles and the same
 * queries. Math.random is never used; each article gets its own generator
 * seeded from (seed, index), so article i is the same whatever the size and the
 * 1,000-article archive is a prefix of the 10,000-article one.
 */

/** A small, fast 32-bit generator (mulberry32): deterministic, not cryptographic. */
export type Rng = () => number;

export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes two integers into one seed, so (seed, index) pairs give unrelated streams. */
export function mixSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Integer in [min, max], both inclusive. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/**
 * A rank in [0, n) with probability roughly proportional to 1/(rank+1)
 * (Zipf, s = 1): the continuous inverse CDF is log-uniform. Word frequencies in
 * real text follow this shape, which is what makes vocabularies grow with the
 * size of an archive.
 */
export function zipfRank(rng: Rng, n: number): number {
  const r = Math.floor(Math.exp(rng() * Math.log(n + 1))) - 1;
  return Math.min(Math.max(r, 0), n - 1);
}
