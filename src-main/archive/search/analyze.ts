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

/** Lunr's own separator (lunr.tokenizer.separator), as a global regex. */
const TOKEN = /[^\s-]+/g;

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

/** Index terms of a field value, in order (duplicates kept: their count is the field length). */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m !== null; m = TOKEN.exec(lower)) {
    const t = termOf(m[0]);
    if (t !== null) out.push(t);
  }
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
  const terms = termsOf(text);
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { terms: [...tf.keys()].join(' '), counts: Uint32Array.from(tf.values()), length: terms.length };
}

/** The distinct terms of a FieldTerms, in its order. */
export function distinctTerms(f: FieldTerms): string[] {
  return f.counts.length === 0 ? [] : f.terms.split(' ');
}
