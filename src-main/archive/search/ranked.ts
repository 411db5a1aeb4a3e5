/**
 * A query's matches, best first, without materializing them: a common word
 * matches every document, but only a page of hits is ever shown. Matches are
 * kept as flat arrays (document number, score); ordering is done on demand
 * for the prefix asked for (a bounded selection for a page, a full sort only
 * when deep pages or phrase checks need it), and hit objects are made only
 * for the hits read.
 */
export interface EngineHit {
  id: string;
  score: number;
  /** Index terms (folded, stemmed) this document matched: used to highlight. */
  readonly terms: string[];
}

export interface EngineHits {
  readonly length: number;
  /** The i-th best hit (score descending, then index order). */
  at(i: number): EngineHit;
  slice(from: number, to: number): EngineHit[];
  /** The hits whose id passes, in the same order. */
  filter(keep: (id: string) => boolean): EngineHits;
  /** Set when `length` counts only checked hits and the real total is estimated. */
  readonly estimatedTotal?: number;
}

export class ArrayHits implements EngineHits {
  constructor(
    private readonly hits: EngineHit[],
    readonly estimatedTotal?: number,
  ) {}
  get length(): number {
    return this.hits.length;
  }
  at(i: number): EngineHit {
    return this.hits[i];
  }
  slice(from: number, to: number): EngineHit[] {
    return this.hits.slice(from, to);
  }
  filter(keep: (id: string) => boolean): EngineHits {
    return new ArrayHits(this.hits.filter((h) => keep(h.id)));
  }
}

export const NO_HITS: EngineHits = new ArrayHits([]);

export class RankedHits implements EngineHits {
  /** order[0..sorted) are the best `sorted` positions into docs/scores, in order. */
  private order: Uint32Array | null = null;
  private sorted = 0;

  constructor(
    private readonly docs: Uint32Array,
    private readonly scores: Float64Array,
    private readonly ids: string[],
    private readonly termsOf: (doc: number) => string[],
  ) {}

  get length(): number {
    return this.docs.length;
  }

  at(i: number): EngineHit {
    if (i < 0 || i >= this.docs.length) throw new RangeError(`hit ${i} of ${this.docs.length}`);
    this.ensure(i + 1);
    return this.hit(this.order![i]);
  }

  slice(from: number, to: number): EngineHit[] {
    const end = Math.min(to, this.docs.length);
    const out: EngineHit[] = [];
    for (let i = Math.max(0, from); i < end; i++) out.push(this.at(i));
    return out;
  }

  filter(keep: (id: string) => boolean): EngineHits {
    const docs: number[] = [];
    const scores: number[] = [];
    for (let p = 0; p < this.docs.length; p++) {
      if (keep(this.ids[this.docs[p]])) {
        docs.push(this.docs[p]);
        scores.push(this.scores[p]);
      }
    }
    return new RankedHits(Uint32Array.from(docs), Float64Array.from(scores), this.ids, this.termsOf);
  }

  private hit(p: number): EngineHit {
    const doc = this.docs[p];
    const termsOf = this.termsOf;
    let terms: string[] | null = null;
    return {
      id: this.ids[doc],
      score: this.scores[p],
      get terms() {
        return (terms ??= termsOf(doc));
      },
    };
  }

  private before = (a: number, b: number): number => this.scores[b] - this.scores[a] || this.docs[a] - this.docs[b];

  /** Makes sure the best n positions are known and in order. */
  private ensure(n: number): void {
    if (n <= this.sorted) return;
    const len = this.docs.length;
    const want = Math.min(len, Math.max(n, this.sorted * 2, 64));
    if (want > 512 || want * 8 >= len) {
      const all = new Uint32Array(len);
      for (let i = 0; i < len; i++) all[i] = i;
      all.sort(this.before);
      this.order = all;
      this.sorted = len;
      return;
    }
    // Bounded selection: keep the `want` best in a sorted buffer (insertion; want << len).
    const best = new Uint32Array(want);
    let size = 0;
    for (let p = 0; p < len; p++) {
      if (size === want && this.before(p, best[size - 1]) >= 0) continue;
      let i = size < want ? size++ : want - 1;
      while (i > 0 && this.before(p, best[i - 1]) < 0) {
        best[i] = best[i - 1];
        i--;
      }
      best[i] = p;
    }
    this.order = best;
    this.sorted = want;
  }
}
