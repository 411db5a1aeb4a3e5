/**
 * Duplicate articles in a folder: the same story saved twice (copied into
 * two sections, downloaded again) is one article that lists every source.
 * Exact duplicates have the same normalized title and text; near-duplicates
 * have the same headline and share at least 90% of their word 4-grams
 * (Jaccard), so a corrected typo or a changed footer does not make a second
 * article. Only articles with the same headline are compared, so this stays
 * linear in practice on large folders.
 */
import { createHash } from 'node:crypto';

export interface DuplicateItem {
  source: string;
  title: string;
  body: string[];
  /** exactKey(title, body), when already computed (the ingester's worker threads do). */
  key?: string;
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
  // Shingles are made only when two articles share a headline (rare), not for every article.
  const byTitle = new Map<string, { index: number; shingles?: Set<string> }[]>();
  const textOf = (i: number) => words(items[i].body.join('\n'));
  const groups = new Map<number, DuplicateGroup>();
  items.forEach((it, i) => {
    const title = words(it.title);
    const key = it.key ?? exactKey(it.title, it.body);
    let into = exact.get(key);
    let near = false;
    if (into === undefined) {
      const candidates = byTitle.get(title) ?? [];
      let sh: Set<string> | undefined;
      const hit = candidates.find((c) => {
        sh ??= shingles(textOf(i));
        c.shingles ??= shingles(textOf(c.index));
        return jaccard(c.shingles, sh) >= NEAR_DUPLICATE;
      });
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

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** What "the same text" is for an exact duplicate: a hash of the title's words and the body's. */
export function exactKey(title: string, body: string[]): string {
  const text = body.join('\n').toLowerCase();
  return createHash('sha1').update(words(title)).update('\n').update(text.replace(ASCII.test(text) ? NOT_ASCII_WORD : NOT_WORD, ' ')).digest('base64');
}

// In ASCII text the only letters and digits are a-z and 0-9 (once lowercased): the same runs, found much faster.
const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;

/** Lowercased words separated by single spaces: what "the same text" compares (markup, punctuation and spacing aside). */
function words(s: string): string {
  return s.toLowerCase().replace(NOT_WORD, ' ').trim();
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
