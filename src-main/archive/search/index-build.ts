/**
 * Builds the compact inverted index from documents: the same terms, term
 * frequencies, field lengths and document frequencies a Lunr builder would
 * hold, but as flat typed arrays with integer document numbers instead of
 * nested objects keyed by string ids. BM25 weights are not stored: they are
 * computed at query time from these counts exactly as Lunr's builder computes
 * them (see scorer.ts), so global statistics stay exact however the data is
 * split.
 */
import { distinctTerms, termsOf, type FieldTerms } from './analyze';

export interface IndexData {
  docCount: number;
  ids: string[];
  fields: string[];
  boosts: number[];
  /** Sorted (UTF-16 code unit order, like Array.prototype.sort). */
  terms: string[];
  /** Documents holding the term, counted once per field (Lunr's idf counts it so). */
  df: Uint32Array;
  /** Per field: number of terms in each document's field. */
  fieldLengths: Uint32Array[];
  /** Per field: postings of term t are bytes [offsets[t], offsets[t+1]) of data: varint doc delta, varint tf. */
  postings: { offsets: Uint32Array; data: Uint8Array }[];
  /** Per field: sum of field lengths / docCount, as Lunr computes it. */
  avgFieldLength: number[];
}

export interface BuildInput {
  ids: string[];
  fields: string[];
  boosts: number[];
  /** value(doc, field) -> text of that field. */
  value: (doc: number, field: number) => string;
  /**
   * The field already analyzed (analyze.ts fieldTerms, e.g. in a worker thread; or its terms numbered by
   * `dictionary`), or undefined to analyze value().
   */
  analyzed?: (doc: number, field: number) => AnalyzedField | undefined;
  /** Where numbered fields' terms were numbered; the build numbers the rest there too. */
  dictionary?: TermDictionary;
}

/** A field's distinct terms as numbers in a TermDictionary, with their counts and the field length. */
export interface NumberedTerms {
  ids: Uint32Array;
  counts: Uint32Array;
  length: number;
}

export type AnalyzedField = FieldTerms | NumberedTerms;

/**
 * The index's vocabulary, numbered in order of first sight. The ingester numbers each document's terms
 * as the document arrives from a worker thread, while the others are still being read: the index build
 * that follows only copies numbers, and what waits in memory is four bytes a term, not the term's text.
 * A term numbered for a document that is not indexed in the end (a merged duplicate) has no postings
 * and is left out of the index, so the index is the same however its terms were numbered.
 */
export class TermDictionary {
  readonly ids = new Map<string, number>();
  readonly list: string[] = [];

  id(t: string): number {
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(t, id);
      this.list.push(t);
    }
    return id;
  }

  number(f: FieldTerms): NumberedTerms {
    const terms = distinctTerms(f);
    const ids = new Uint32Array(terms.length);
    for (let i = 0; i < terms.length; i++) ids[i] = this.id(terms[i]);
    return { ids, counts: f.counts, length: f.length };
  }
}

class GrowU32 {
  a = new Uint32Array(1 << 16);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

export function buildIndexData(input: BuildInput): IndexData {
  const N = input.ids.length;
  const F = input.fields.length;
  const dictionary = input.dictionary ?? new TermDictionary();
  // One entry per (doc, field, term): appended in document order, so postings come out sorted by doc.
  const pTerm = new GrowU32();
  const pDocField = new GrowU32();
  const pTf = new GrowU32();
  const fieldLengths = input.fields.map(() => new Uint32Array(N));
  const add = (d: number, f: number, id: number, n: number) => {
    pTerm.push(id);
    pDocField.push(d * F + f);
    pTf.push(n);
  };
  const tf = new Map<string, number>();
  for (let d = 0; d < N; d++) {
    for (let f = 0; f < F; f++) {
      const done = input.analyzed?.(d, f);
      if (done) {
        // Already counted (distinct terms in order of first use, with their counts): straight into the entries.
        fieldLengths[f][d] = done.length;
        if ('ids' in done) for (let i = 0; i < done.ids.length; i++) add(d, f, done.ids[i], done.counts[i]);
        else {
          const distinct = distinctTerms(done);
          for (let i = 0; i < distinct.length; i++) add(d, f, dictionary.id(distinct[i]), done.counts[i]);
        }
        continue;
      }
      const terms = termsOf(input.value(d, f) ?? '');
      fieldLengths[f][d] = terms.length;
      tf.clear();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) add(d, f, dictionary.id(t), n);
    }
  }
  // Only terms some indexed document holds, sorted; rank[id] is a term's place among them.
  const termList = dictionary.list;
  const used = new Uint8Array(termList.length);
  for (let i = 0; i < pTerm.n; i++) used[pTerm.a[i]] = 1;
  const order: number[] = [];
  for (let id = 0; id < termList.length; id++) if (used[id]) order.push(id);
  order.sort((a, b) => (termList[a] < termList[b] ? -1 : termList[a] > termList[b] ? 1 : 0));
  const T = order.length;
  const rank = new Uint32Array(termList.length);
  order.forEach((id, r) => (rank[id] = r));
  const terms = order.map((id) => termList[id]);

  // Bytes per (field, term), then offsets, then fill (counting sort keeps document order).
  const bytes = input.fields.map(() => new Uint32Array(T + 1));
  const lastDoc = input.fields.map(() => new Int32Array(T).fill(-1));
  const df = new Uint32Array(T);
  const n = pTerm.n;
  for (let i = 0; i < n; i++) {
    const r = rank[pTerm.a[i]];
    const df_ = pDocField.a[i];
    const d = Math.floor(df_ / F);
    const f = df_ - d * F;
    const delta = d - lastDoc[f][r] - 1; // first doc: d - (-1) - 1 = d
    lastDoc[f][r] = d;
    bytes[f][r + 1] += varintLen(delta) + varintLen(pTf.a[i]);
    df[r]++;
  }
  const postings = input.fields.map((_, f) => {
    const offsets = bytes[f];
    for (let t = 0; t < T; t++) offsets[t + 1] += offsets[t];
    return { offsets, data: new Uint8Array(offsets[T]) };
  });
  const cursor = postings.map((p) => p.offsets.slice(0, T));
  for (const l of lastDoc) l.fill(-1);
  for (let i = 0; i < n; i++) {
    const r = rank[pTerm.a[i]];
    const dfv = pDocField.a[i];
    const d = Math.floor(dfv / F);
    const f = dfv - d * F;
    const data = postings[f].data;
    let at = cursor[f][r];
    at = writeVarint(data, at, d - lastDoc[f][r] - 1);
    at = writeVarint(data, at, pTf.a[i]);
    cursor[f][r] = at;
    lastDoc[f][r] = d;
  }
  const avgFieldLength = fieldLengths.map((lens) => {
    let sum = 0;
    for (let d = 0; d < N; d++) sum += lens[d];
    return sum / N;
  });
  return { docCount: N, ids: input.ids, fields: input.fields, boosts: input.boosts, terms, df, fieldLengths, postings, avgFieldLength };
}

function varintLen(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

function writeVarint(buf: Uint8Array, at: number, v: number): number {
  while (v >= 0x80) {
    buf[at++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  buf[at++] = v;
  return at;
}
