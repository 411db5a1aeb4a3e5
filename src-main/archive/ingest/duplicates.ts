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
import { hasSurrogate, isWordUnit } from '../word-chars';

export interface DuplicateItem {
  source: string;
  title: string;
  /** The body's paragraphs, or how to get them: needed only when another article has the same headline. */
  body: string[] | (() => string[]);
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
  const bodyOf = (it: DuplicateItem) => (typeof it.body === 'function' ? it.body() : it.body);
  const textOf = (i: number) => words(bodyOf(items[i]).join('\n'));
  const groups = new Map<number, DuplicateGroup>();
  items.forEach((it, i) => {
    const title = words(it.title);
    const key = it.key ?? exactKey(it.title, bodyOf(it));
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
  const hash = createHash('sha1').update(words(title)).update('\n');
  if (hasSurrogate(text)) return hash.update(text.replace(NOT_WORD, ' ')).digest('base64');
  return hash.update(wordBytes(text)).digest('base64');
}

let scratch = new Uint8Array(1 << 16);

/**
 * text.replace(NOT_WORD, ' ') as UTF-8 bytes, made in one loop over the code units (the text has no
 * surrogate): each run of other characters becomes one space, letters and digits are encoded as they are.
 * The same bytes as before, so the same keys, without a Unicode-class regex over every article.
 */
function wordBytes(text: string): Uint8Array {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const out = scratch;
  let at = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isWordUnit(c)) {
      gap = true;
      continue;
    }
    if (gap) {
      out[at++] = 0x20;
      gap = false;
    }
    if (c < 0x80) out[at++] = c;
    else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
    } else {
      out[at++] = 0xe0 | (c >> 12);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    }
  }
  if (gap) out[at++] = 0x20;
  return out.subarray(0, at);
}

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
