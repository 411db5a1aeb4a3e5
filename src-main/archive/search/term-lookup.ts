/**
 * Expands one query term into the index terms it matches, over the sorted
 * term array (no TokenSet automaton of the whole vocabulary is ever built):
 *
 *  - a plain term: binary search;
 *  - `secur*`: the range of terms with that prefix, by binary search;
 *  - `*tion`, `*ecur*`: a scan of the term array (a few ms), bounded;
 *  - `word~1` (and anything else): Lunr's own query automaton
 *    (TokenSet.fromFuzzyString / fromString) walked together with the
 *    sorted array as an implicit trie, so the matched terms are exactly the
 *    ones Lunr's TokenSet.intersect would give.
 *
 * Lunr puts no bound on an expansion; here at most MAX_EXPANSION terms are
 * kept (the most frequent), so `*tion` or `co*` stay fast on a large archive.
 */
import { fuzzyAutomaton, wildcardAutomaton, type Automaton } from './lunr-internals';

export const MAX_EXPANSION = 2000;

export class TermLookup {
  /** One more than the longest term's length: a walk's (prefix range, depth) as one number. */
  private readonly depths: number;

  constructor(
    readonly terms: string[],
    private readonly df: Uint32Array,
  ) {
    let longest = 0;
    for (const t of terms) if (t.length > longest) longest = t.length;
    this.depths = longest + 1;
  }

  /** How many documents hold term `i`. */
  docFrequency(i: number): number {
    return this.df[i] ?? 0;
  }

  /** Index of an exact term, or -1. */
  find(term: string): number {
    const i = this.lowerBound(term, 0, this.terms.length);
    return i < this.terms.length && this.terms[i] === term ? i : -1;
  }

  /**
   * Term indexes matched by `pattern` (`*` = any run of characters, as in
   * TokenSet.fromString), or within `editDistance` of it (Lunr's fuzzy
   * automaton, with transpositions).
   */
  expand(pattern: string, editDistance: number): number[] {
    if (editDistance > 0) return this.bound(this.walk(fuzzyAutomaton(pattern, editDistance)));
    if (!pattern.includes('*')) {
      const i = this.find(pattern);
      return i < 0 ? [] : [i];
    }
    const core = pattern.replace(/^\*+|\*+$/g, '');
    const leading = pattern.startsWith('*');
    if (!core.includes('*')) {
      if (!leading) return this.bound(this.prefixRange(core));
      const trailing = pattern.endsWith('*') && core.length > 0;
      const out: number[] = [];
      for (let i = 0; i < this.terms.length; i++) {
        const t = this.terms[i];
        if (trailing ? t.includes(core) : t.endsWith(core)) out.push(i);
      }
      return this.bound(out);
    }
    return this.bound(this.walk(wildcardAutomaton(pattern)));
  }

  private prefixRange(prefix: string): number[] {
    const lo = this.lowerBound(prefix, 0, this.terms.length);
    const out: number[] = [];
    for (let i = lo; i < this.terms.length && this.terms[i].startsWith(prefix); i++) out.push(i);
    return out;
  }

  /** Keeps the MAX_EXPANSION most frequent terms, in term order. */
  private bound(ids: number[]): number[] {
    if (ids.length <= MAX_EXPANSION) return ids;
    return ids
      .slice()
      .sort((a, b) => this.df[b] - this.df[a] || a - b)
      .slice(0, MAX_EXPANSION)
      .sort((a, b) => a - b);
  }

  /** TokenSet.intersect of a query automaton with the vocabulary, the sorted array standing in for the trie. */
  private walk(q: Automaton): number[] {
    const terms = this.terms;
    const found = new Set<number>();
    // States already walked, by automaton node: the prefix (lo, depth) as one number. A fuzzy automaton
    // reaches one state by many paths; a string key per state cost most of a spelling retry's walk.
    const seen = new Map<Automaton, Set<number>>();
    // Frame: automaton node, and the terms [lo, hi) sharing the prefix of length depth.
    const stack: [Automaton, number, number, number][] = [[q, 0, terms.length, 0]];
    let steps = 0;
    while (stack.length > 0) {
      const [node, lo, hi, depth] = stack.pop()!;
      let states = seen.get(node);
      if (!states) seen.set(node, (states = new Set()));
      const state = lo * this.depths + depth;
      if (states.has(state)) continue;
      states.add(state);
      if (++steps > 2_000_000) break; // a pathological automaton: stop with what was found
      // The term equal to the prefix itself sorts first and has no character at `depth`.
      const first = lo < hi && terms[lo].length === depth ? lo + 1 : lo;
      const edges = node.edges;
      // No closure per edge: this loop runs for every node of the walk (and under tsx each closure
      // would also be named through Object.defineProperty).
      for (const edge in edges) {
        const next = edges[edge];
        if (edge === '*') {
          for (let i = first; i < hi; ) {
            const j = this.charEnd(terms[i].charCodeAt(depth), i, hi, depth);
            if (next.final && terms[i].length === depth + 1) found.add(i);
            stack.push([next, i, j, depth + 1]);
            i = j;
          }
        } else {
          const c = edge.charCodeAt(0);
          const a = this.charStart(c, first, hi, depth);
          if (a < hi && terms[a].charCodeAt(depth) === c) {
            if (next.final && terms[a].length === depth + 1) found.add(a);
            stack.push([next, a, this.charEnd(c, a, hi, depth), depth + 1]);
          }
        }
      }
    }
    return [...found].sort((a, b) => a - b);
  }

  /** First index in [lo, hi) whose character at `depth` is >= c. */
  private charStart(c: number, lo: number, hi: number, depth: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid].charCodeAt(depth) < c) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index in [lo, hi) whose character at `depth` is > c. */
  private charEnd(c: number, lo: number, hi: number, depth: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid].charCodeAt(depth) <= c) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private lowerBound(term: string, lo: number, hi: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid] < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
