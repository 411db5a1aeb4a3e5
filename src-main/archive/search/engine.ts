/**
 * The search engine: builds, saves, loads and queries the index. Callers see
 * only `buildIndex`, `loadEngine` and `SearchEngine.search`, in terms of
 * neutral clauses, so the inside can change without touching them.
 *
 * Inside: Lunr's analysis (tokenizer, en + ru pipelines), query language
 * (lunr.QueryParser, in query-plan.ts) and scoring (BM25 as Lunr computes it,
 * scorer.ts), over a compact index of flat typed arrays with integer document
 * numbers (index-build.ts, index-file.ts) instead of lunr.Index's nested
 * objects and JSON. Term positions are not stored: snippets and highlights
 * are computed for the shown hits only (see highlight.ts).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { searchPipeline } from './lunr-setup';
import { buildIndexData, type AnalyzedField, type IndexData, type TermDictionary } from './index-build';
import { readIndexFile, writeIndexFile } from './index-file';
import { TermLookup } from './term-lookup';
import { runQuery, type ScoreClause } from './scorer';
import { NO_HITS, RankedHits, type EngineHits } from './ranked';

export const INDEX_FIELDS = ['title', 'body', 'facets'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

/** Title matches weigh most: a word in the headline says what the article is about. */
const FIELD_BOOST: Record<IndexField, number> = { title: 10, body: 1, facets: 3 };

export interface EngineDoc {
  id: string;
  title: string;
  body: string;
  facets: string;
}

export type Presence = 'optional' | 'required' | 'prohibited';

export interface EngineClause {
  term: string;
  fields?: IndexField[];
  presence: Presence;
  leadingWildcard: boolean;
  trailingWildcard: boolean;
  editDistance: number;
  boost: number;
  /** Run the term through the search pipeline (folding, stemming). Off for wildcard/fuzzy terms. */
  usePipeline: boolean;
}

export type { EngineHit, EngineHits } from './ranked';

/** A query word checked against the index's vocabulary. */
export interface Spelling {
  /** The index has the word (after analysis: folding, stemming). */
  known: boolean;
  /** When it does not: the index term nearest to it (fewest edits, then most documents), or null. */
  correction: string | null;
}

export interface SearchEngine {
  readonly docCount: number;
  /** Matches, best first (BM25 as Lunr scores it); read only the hits needed. */
  search(clauses: EngineClause[]): Promise<EngineHits>;
  /** Is `word` in the index, and if not, which one index term is it most likely a misspelling of? */
  spelling(word: string, maxDistance: number): Spelling;
  /** The index's `n` terms held by the most documents, most first (as analysed: folded, stemmed). */
  commonTerms(n: number): string[];
  close(): Promise<void>;
}

const INDEX_FILE = 'index.bin';

/**
 * Builds the index for `docs` into `dir` (created). Returns the size on disk in bytes. `docs` may be an
 * array, or a count and a function making each document when it is indexed (so a large archive's engine
 * documents are never all in memory at once); `analyzed` gives a field already analyzed (analyze.ts fieldTerms,
 * or numbered in `dictionary`).
 */
export async function buildIndex(
  docs: EngineDoc[] | { ids: string[]; doc: (i: number) => EngineDoc },
  dir: string,
  analyzed?: (doc: number, field: IndexField) => AnalyzedField | undefined,
  /** Where `analyzed` numbered its terms, when it did (index-build.ts TermDictionary). */
  dictionary?: TermDictionary,
): Promise<{ bytes: number }> {
  const list = Array.isArray(docs) ? { ids: docs.map((d) => d.id), doc: (i: number) => docs[i] } : docs;
  let at = -1;
  let current: EngineDoc | undefined;
  // value() is asked for each field of a document in turn: make each engine document once.
  const docAt = (i: number) => (i === at ? current! : ((at = i), (current = list.doc(i))));
  const data = buildIndexData({
    ids: list.ids,
    fields: [...INDEX_FIELDS],
    boosts: INDEX_FIELDS.map((f) => FIELD_BOOST[f]),
    value: (d, f) => docAt(d)[INDEX_FIELDS[f]],
    analyzed: analyzed && ((d, f) => analyzed(d, INDEX_FIELDS[f])),
    dictionary,
  });
  await fs.mkdir(dir, { recursive: true });
  const bytes = await writeIndexFile(join(dir, INDEX_FILE), data);
  return { bytes };
}

/** Loads a built index from `dir`. Rejects with a readable message when it is missing or damaged. */
export async function loadEngine(dir: string): Promise<SearchEngine> {
  const file = join(dir, INDEX_FILE);
  let data: IndexData;
  try {
    data = await readIndexFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`search index ${file} cannot be read: it is missing; rebuild the archive`);
    throw new Error(`search index ${file} cannot be read: ${(e as Error).message}; rebuild the archive`);
  }
  return new CompactEngine(data);
}

class CompactEngine implements SearchEngine {
  private data: IndexData | null;
  private readonly lookup: TermLookup;
  readonly docCount: number;

  constructor(data: IndexData) {
    this.data = data;
    this.docCount = data.docCount;
    this.lookup = new TermLookup(data.terms, data.df);
  }

  async search(clauses: EngineClause[]): Promise<EngineHits> {
    const data = this.data;
    if (!data) throw new Error('search index is closed');
    if (clauses.length === 0) return NO_HITS;
    const pipeline = searchPipeline();
    const s = runQuery(data, this.lookup, clauses.map((c) => toScoreClause(c, data)), (t) => pipeline.runString(t));
    return new RankedHits(s.docs, s.scores, data.ids, s.termsOf);
  }

  spelling(word: string, maxDistance: number): Spelling {
    const analysed = searchPipeline().runString(word);
    if (analysed.length === 0) return { known: true, correction: null }; // a stop word: nothing to correct
    if (analysed.some((t) => this.lookup.find(t) >= 0)) return { known: true, correction: null };
    // One correction, so every hit matches the word the notice names (a fuzzy
    // expansion would also bring in other words at the same distance).
    for (let d = 1; d <= maxDistance; d++) {
      let best = -1;
      for (const t of analysed) {
        for (const i of this.lookup.expand(t, d)) {
          if (best < 0 || this.lookup.docFrequency(i) > this.lookup.docFrequency(best)) best = i;
        }
      }
      if (best >= 0) return { known: false, correction: this.lookup.terms[best] };
    }
    return { known: false, correction: null };
  }

  commonTerms(n: number): string[] {
    const df = this.data?.df;
    if (!df) return [];
    // One pass keeping the n best: the vocabulary is hundreds of thousands of terms, n a handful.
    const best: number[] = [];
    for (let i = 0; i < df.length; i++) {
      if (best.length === n && df[i] <= df[best[n - 1]]) continue;
      let at = best.length < n ? best.length : n - 1;
      best[at] = i;
      while (at > 0 && df[best[at - 1]] < df[i]) {
        best[at] = best[at - 1];
        best[--at] = i;
      }
    }
    return best.map((i) => this.lookup.terms[i]);
  }

  async close(): Promise<void> {
    this.data = null;
  }
}

/** What lunr.Query.prototype.clause does to a term: wildcards become `*` in the term itself. */
function toScoreClause(c: EngineClause, data: IndexData): ScoreClause {
  let pattern = c.term;
  if (c.leadingWildcard && !pattern.startsWith('*')) pattern = `*${pattern}`;
  if (c.trailingWildcard && !pattern.endsWith('*')) pattern = `${pattern}*`;
  const names = c.fields ?? INDEX_FIELDS;
  return {
    pattern,
    fields: names.map((f) => data.fields.indexOf(f)).filter((i) => i >= 0),
    presence: c.presence,
    editDistance: c.editDistance,
    boost: c.boost,
    usePipeline: c.usePipeline,
  };
}
