/**
 * Duplicate articles in a folder: the same story saved twice (copied into
 * two sections, downloaded again) is one article that lists every source.
 * Exact duplicates have the same normalized title and text; near-duplicates
 * have the same headline and share at least 90% of their word 4-grams
 * (Jaccard), so a corrected typo or a changed footer does not make a second
 * article. Only articles with the same headline are compared, so this stays
 * linear in practice on large folders.
 */
import { normalizeForCompare, sha256 } from '../text';

export interface DuplicateItem {
  source: string;
  title: string;
  body: string[];
}

export interface DuplicateGroup {
  /** The source kept (the first in folder order). */
  kept: string;
  /** The other sources merged into it. */
  merged: string[];
  /** True when some merged copy differs slightly (near-duplicate) rather than exactly. */
  near: boolean;
}

export const NEAR_DUPLICATE = 0.9;

/** For each item, the index of the item it duplicates (itself when it is kept). */
export function findDuplicates(items: DuplicateItem[]): { keptAs: number[]; groups: DuplicateGroup[] } {
  const keptAs = items.map((_, i) => i);
  const exact = new Map<string, number>();
  const byTitle = new Map<string, { index: number; shingles: Set<string> }[]>();
  const groups = new Map<number, DuplicateGroup>();
  items.forEach((it, i) => {
    const title = normalizeForCompare(it.title);
    const text = normalizeForCompare(it.body.join('\n'));
    const key = sha256(`${title}\n${text}`);
    let into = exact.get(key);
    let near = false;
    if (into === undefined) {
      const sh = shingles(text);
      const candidates = byTitle.get(title) ?? [];
      const hit = candidates.find((c) => jaccard(c.shingles, sh) >= NEAR_DUPLICATE);
      if (hit) {
        into = hit.index;
        near = true;
      } else {
        exact.set(key, i);
        candidates.push({ index: i, shingles: sh });
        byTitle.set(title, candidates);
        return;
      }
    }
    keptAs[i] = into;
    const g = groups.get(into) ?? { kept: items[into].source, merged: [], near: false };
    g.merged.push(it.source);
    g.near ||= near;
    groups.set(into, g);
  });
  return { keptAs, groups: [...groups.values()] };
}

/** Word 4-grams of a normalized text (the whole text when shorter). */
export function shingles(normalized: string, n = 4): Set<string> {
  const words = normalized.split(' ').filter(Boolean);
  const out = new Set<string>();
  if (words.length < n) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
