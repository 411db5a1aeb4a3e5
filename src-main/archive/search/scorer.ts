/**
 * Runs a Lunr query over the compact index with Lunr's semantics and scores:
 * this is lunr.Index.prototype.query (lunr 2.3.9) re-expressed over integer
 * document numbers and flat postings.
 *
 *  - each clause's term goes through the search pipeline (when asked), then is
 *    expanded (wildcards, edit distance) to index terms;
 *  - a required clause with no expansion matches nothing; a document must
 *    match every required clause in one of its fields and no prohibited one;
 *  - per field, the query vector holds each expanded term with the clause's
 *    boost (summed when repeated); a document's field scores
 *    dot(query, field vector) / |query|, and its score is the sum over fields;
 *  - a field vector entry is BM25 as Lunr's builder computes it (k1 1.2,
 *    b 0.75, idf counting a document once per field holding the term, times
 *    the field boost, rounded to 3 decimals), computed here from the stored
 *    term frequency and field length instead of being stored;
 *  - a query of prohibited clauses only matches every other document, score 0.
 */
import type { IndexData } from './index-build';
import type { TermLookup } from './term-lookup';

export interface ScoreClause {
  /** Already including `*` for wildcards, as lunr.Query.clause writes it. */
  pattern: string;
  fields: number[];
  presence: 'optional' | 'required' | 'prohibited';
  editDistance: number;
  boost: number;
  usePipeline: boolean;
}

export interface Scored {
  /** Matching documents and their scores, unordered (ranked.ts orders them on demand). */
  docs: Uint32Array;
  scores: Float64Array;
  /** Index terms a matching document matched (asked for the shown hits only). */
  termsOf: (doc: number) => string[];
}

const NONE: Scored = { docs: new Uint32Array(0), scores: new Float64Array(0), termsOf: () => [] };

const K1 = 1.2;
const B = 0.75;

export function runQuery(data: IndexData, lookup: TermLookup, clauses: ScoreClause[], analyze: (s: string) => string[]): Scored {
  const N = data.docCount;
  const F = data.fields.length;
  const queryVector = data.fields.map(() => new Map<number, number>());
  const prohibited = new Uint8Array(N);
  const requiredSets: Uint8Array[] = [];
  let nothingRequiredMatches = false;
  // (term, field) pairs whose postings score documents, in first-seen order.
  const pairs: [number, number][] = [];
  const pairSeen = new Set<number>();

  for (const c of clauses) {
    const terms = c.usePipeline ? analyze(c.pattern) : [c.pattern];
    let clauseMatches: Uint8Array | null = null;
    for (const term of terms) {
      const expanded = lookup.expand(term, c.editDistance);
      if (expanded.length === 0 && c.presence === 'required') {
        nothingRequiredMatches = true;
        break;
      }
      if (c.presence === 'required') clauseMatches ??= new Uint8Array(N);
      for (const t of expanded) {
        for (const f of c.fields) {
          if (c.presence === 'prohibited') {
            eachPosting(data, t, f, (d) => {
              prohibited[d] = 1;
            });
            continue;
          }
          if (clauseMatches) {
            const m = clauseMatches;
            eachPosting(data, t, f, (d) => {
              m[d] = 1;
            });
          }
          queryVector[f].set(t, (queryVector[f].get(t) ?? 0) + c.boost);
          const key = t * F + f;
          if (!pairSeen.has(key)) {
            pairSeen.add(key);
            pairs.push([t, f]);
          }
        }
      }
      if (clauseMatches) requiredSets.push(clauseMatches);
    }
  }
  if (nothingRequiredMatches) return NONE;

  if (clauses.length > 0 && clauses.every((c) => c.presence === 'prohibited')) {
    const docs: number[] = [];
    for (let d = 0; d < N; d++) if (!prohibited[d]) docs.push(d);
    return { docs: Uint32Array.from(docs), scores: new Float64Array(docs.length), termsOf: () => [] };
  }

  const idfCache = new Map<number, number>();
  const idf = (t: number) => {
    let v = idfCache.get(t);
    if (v === undefined) {
      const n = data.df[t];
      v = Math.log(1 + Math.abs((N - n + 0.5) / (n + 0.5)));
      idfCache.set(t, v);
    }
    return v;
  };

  // Which pairs each document matched, as one bit per pair for 32 of them (termsOf reads those at once; any
  // other is looked up in its postings). The bits go to the pairs with the longest postings: a prefix typed
  // ("sec" while "security" is being typed) expands to hundreds of terms, and looking up a common one in its
  // postings for each hit shown cost more than the search itself.
  const bitOf = new Int8Array(pairs.length).fill(-1);
  const postingBytes = (p: number) => data.postings[pairs[p][1]].offsets[pairs[p][0] + 1] - data.postings[pairs[p][1]].offsets[pairs[p][0]];
  const byLength = pairs.length <= 32 ? pairs.map((_, p) => p) : pairs.map((_, p) => p).sort((a, b) => postingBytes(b) - postingBytes(a) || a - b);
  for (let k = 0; k < Math.min(32, byLength.length); k++) bitOf[byLength[k]] = k;
  const matched = new Uint8Array(N);
  const total = new Float64Array(N);
  const masks = new Uint32Array(N);
  for (let f = 0; f < F; f++) {
    const q = queryVector[f];
    if (q.size === 0) continue;
    let sumSq = 0;
    for (const v of q.values()) sumSq += v * v;
    const magnitude = Math.sqrt(sumSq);
    const acc = new Float64Array(N);
    const fieldMatched = new Uint8Array(N);
    const norm = lengthNorms(data, f);
    const boost = data.boosts[f] || 1;
    const { offsets, data: bytes } = data.postings[f];
    for (let p = 0; p < pairs.length; p++) {
      const [t, pf] = pairs[p];
      if (pf !== f) continue;
      const qb = q.get(t)!;
      const i = idf(t);
      const bit = bitOf[p] >= 0 ? 1 << bitOf[p] : 0;
      scorePostings(bytes, offsets[t], offsets[t + 1], i, qb, boost, norm, bit, acc, fieldMatched, masks);
    }
    for (let d = 0; d < N; d++) {
      if (!fieldMatched[d]) continue;
      matched[d] = 1;
      total[d] += acc[d] / magnitude || 0;
    }
  }

  let count = 0;
  for (let d = 0; d < N; d++) {
    if (!matched[d]) continue;
    let keep = !prohibited[d];
    for (let r = 0; keep && r < requiredSets.length; r++) keep = requiredSets[r][d] === 1;
    if (keep) count++;
    else matched[d] = 0;
  }
  const docs = new Uint32Array(count);
  const scores = new Float64Array(count);
  for (let d = 0, i = 0; d < N; d++) {
    if (!matched[d]) continue;
    docs[i] = d;
    scores[i++] = total[d];
  }
  const termsOf = (doc: number): string[] => {
    const set = new Set<string>();
    pairs.forEach(([t, f], p) => {
      if (bitOf[p] >= 0 ? masks[doc] & (1 << bitOf[p]) : hasPosting(data, t, f, doc)) set.add(data.terms[t]);
    });
    return [...set];
  };
  return { docs, scores, termsOf };
}

/**
 * One (term, field) pair's postings added to the field's scores: eachPosting's decoding, written out, since this
 * loop runs once per posting of every query word (all 50,000 documents for a common word) and a call per posting
 * cost half its time. A function of its own so V8 optimizes it once and keeps it: inside runQuery, whose other
 * paths run rarely, the optimized code was thrown away and rebuilt several times over the first searches
 * ("insufficient type feedback" on those paths). In process (the CLI, no search thread), 30 searches new to it
 * took 445 ms, now 343-407. The host's search thread warms this path up anyway (warm-up.ts); there it measured
 * the same either way.
 */
function scorePostings(
  bytes: Uint8Array,
  start: number,
  end: number,
  idf: number,
  queryBoost: number,
  fieldBoost: number,
  norm: Float64Array,
  bit: number,
  acc: Float64Array,
  fieldMatched: Uint8Array,
  masks: Uint32Array,
): void {
  let at = start;
  let d = -1;
  while (at < end) {
    let b = bytes[at++];
    let v = b & 0x7f;
    for (let shift = 128; b & 0x80; shift *= 128) {
      b = bytes[at++];
      v += (b & 0x7f) * shift;
    }
    d += v + 1;
    b = bytes[at++];
    let tf = b & 0x7f;
    for (let shift = 128; b & 0x80; shift *= 128) {
      b = bytes[at++];
      tf += (b & 0x7f) * shift;
    }
    // The same expression, in the same order, as Lunr's builder (so the same doubles).
    let score = (idf * ((K1 + 1) * tf)) / (norm[d] + tf);
    score *= fieldBoost;
    acc[d] += queryBoost * (Math.round(score * 1000) / 1000);
    fieldMatched[d] = 1;
    masks[d] |= bit;
  }
}

/**
 * Per field, each document's BM25 length term `K1 * (1 - B + B * length / average)`, computed
 * once per loaded index rather than once per posting of every query (Lunr's expression, so the
 * same doubles).
 */
const normsOf = new WeakMap<IndexData, Float64Array[]>();
function lengthNorms(data: IndexData, f: number): Float64Array {
  let all = normsOf.get(data);
  if (!all) normsOf.set(data, (all = []));
  let norm = all[f];
  if (!norm) {
    const lens = data.fieldLengths[f];
    const avg = data.avgFieldLength[f];
    norm = all[f] = new Float64Array(lens.length);
    for (let d = 0; d < lens.length; d++) norm[d] = K1 * (1 - B + B * (lens[d] / avg));
  }
  return norm;
}

/** Calls fn(doc, tf) for each posting of term t in field f, in document order, until fn returns false. */
export function eachPosting(data: IndexData, t: number, f: number, fn: (doc: number, tf: number) => void | false): void {
  const { offsets, data: bytes } = data.postings[f];
  let at = offsets[t];
  const end = offsets[t + 1];
  let doc = -1;
  while (at < end) {
    let v = 0;
    let shift = 1;
    let b: number;
    do {
      b = bytes[at++];
      v += (b & 0x7f) * shift;
      shift *= 128;
    } while (b & 0x80);
    doc += v + 1;
    let tf = 0;
    shift = 1;
    do {
      b = bytes[at++];
      tf += (b & 0x7f) * shift;
      shift *= 128;
    } while (b & 0x80);
    if (fn(doc, tf) === false) return;
  }
}

/** Whether term t's postings in field f hold `doc`; they are in document order, so the scan stops past it. */
function hasPosting(data: IndexData, t: number, f: number, doc: number): boolean {
  let found = false;
  eachPosting(data, t, f, (d) => {
    found = d === doc;
    return d < doc ? undefined : false;
  });
  return found;
}
