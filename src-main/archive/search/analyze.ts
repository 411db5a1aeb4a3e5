/**
 * Text -> index terms, exactly as a Lunr builder configured by lunr-setup.ts
 * would produce them, but fast: Lunr's tokenizer (split on whitespace and
 * hyphens after lowercasing) is done with one regex pass, and the pipeline
 * (fold, trimmer, stop words, en + ru stemmers) runs once per distinct word,
 * its answer cached. Every pipeline step is a pure function of the word, so
 * the cache changes nothing but speed. Used by the index builder and by
 * highlighting, so both see the very terms Lunr would.
 */
import { indexPipeline, lunr } from './lunr-setup';

const MAX_CACHE = 400_000;
let cache = new Map<string, string | null>();

/** Index term for one lowercased token (null when the pipeline drops it: a stop word). */
export function termOf(token: string): string | null {
  let t = cache.get(token);
  if (t === undefined) {
    const out = indexPipeline().run([new lunr.Token(token, {})]);
    // Each step maps one token to at most one: the first is the term. Lunr keeps a token the
    // trimmer emptied ("—", "…"): it counts in the field length and is indexed as "".
    t = out.length > 0 ? out[0].toString() : null;
    if (cache.size >= MAX_CACHE) cache = new Map();
    cache.set(token, t);
  }
  return t;
}

/** Lunr's separator, /[\s-]+/: JavaScript's white space and line terminators, and the hyphen. */
function isSeparator(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return c === 0x2d;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Each token of a lowercased text (Lunr's tokenizer: the runs between separators), in order: a loop over
 * code units rather than a global regex, which made a match array per token.
 */
function forEachToken(lower: string, f: (token: string) => void): void {
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (isSeparator(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && !isSeparator(lower.charCodeAt(i))) i++;
    f(lower.slice(start, i));
  }
}

/** Index terms of a field value, in order (duplicates kept: their count is the field length). */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  forEachToken(text.toLowerCase(), (token) => {
    const t = termOf(token);
    if (t !== null) out.push(t);
  });
  return out;
}

/**
 * A field's terms counted: each distinct term once (in order of first use)
 * with how often it occurs, and the field length. Terms are joined by single
 * spaces (a term never holds whitespace; the empty term Lunr keeps shows as
 * two spaces in a row), so a document's analysis is two small values that
 * cross threads cheaply: the ingester analyzes in its worker threads and the
 * index builder (index-build.ts) counts from this as from the text.
 */
export interface FieldTerms {
  terms: string;
  counts: Uint32Array;
  length: number;
}

export function fieldTerms(text: string): FieldTerms {
  const tf = new Map<string, number>();
  let length = 0;
  forEachToken(text.toLowerCase(), (token) => {
    const t = termOf(token);
    if (t === null) return;
    tf.set(t, (tf.get(t) ?? 0) + 1);
    length++;
  });
  return { terms: [...tf.keys()].join(' '), counts: Uint32Array.from(tf.values()), length };
}

/** The distinct terms of a FieldTerms, in its order. */
export function distinctTerms(f: FieldTerms): string[] {
  return f.counts.length === 0 ? [] : f.terms.split(' ');
}
