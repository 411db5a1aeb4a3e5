/**
 * The parts of Lunr the engine uses that @types/lunr does not describe, typed
 * in this one module so no other file reaches into Lunr by a cast:
 *  - `QueryParser`: Lunr's own parser of the query language (clauses, `+`/`-`,
 *    `field:`, `^boost`, `*`, `~distance`), which fills a lunr.Query;
 *  - `TokenSet.fromString` / `fromFuzzyString`: Lunr's automata for wildcard
 *    and edit-distance terms, walked against our sorted term array;
 *  - lunr-languages' pieces (the stemmer support, Russian's stop words and
 *    stemmer, the trimmer generator), from which lunr-setup.ts builds the
 *    analysis pipelines explicitly.
 * Pinned to lunr 2.3.x and lunr-languages 1.x (package.json); the parity test
 * (engine.test.ts) fails if a Lunr upgrade changes any of this.
 */
import lunr from 'lunr';

/** A state of a TokenSet automaton: final when a word may end here, edges by character ('*' for any). */
export interface Automaton {
  id: number;
  final: boolean;
  edges: Record<string, Automaton>;
}

export interface QueryParserInstance {
  parse(): lunr.Query;
}

interface LanguagePack {
  stopWordFilter: lunr.PipelineFunction;
  stemmer: lunr.PipelineFunction;
  wordCharacters: string;
}

interface LunrInternals {
  QueryParser: new (query: string, into: lunr.Query) => QueryParserInstance;
  TokenSet: { fromString(s: string): Automaton; fromFuzzyString(s: string, editDistance: number): Automaton };
  trimmerSupport?: { generateTrimmer(wordCharacters: string): lunr.PipelineFunction };
  ru?: LanguagePack;
}

// The single cast: Lunr's runtime object seen with the members above.
const internals = lunr as unknown as LunrInternals;

/** Parse `query` with Lunr's QueryParser into a fresh lunr.Query over `fields`; throws Lunr's parse errors. */
export function parseLunrQuery(query: string, fields: string[]): lunr.Query {
  const into = new lunr.Query(fields);
  new internals.QueryParser(query, into).parse();
  return into;
}

/** The automaton of a term with `*` wildcards. */
export const wildcardAutomaton = (pattern: string): Automaton => internals.TokenSet.fromString(pattern);

/** The automaton of every string within `editDistance` edits of `term`. */
export const fuzzyAutomaton = (term: string, editDistance: number): Automaton => internals.TokenSet.fromFuzzyString(term, editDistance);

/** Russian's stop-word filter and stemmer and its word characters (after lunr.ru.js has run). */
export function russian(): LanguagePack {
  if (!internals.ru) throw new Error('lunr-languages Russian support is not loaded');
  return internals.ru;
}

/** A trimmer keeping the given word characters (lunr-languages' trimmer support). */
export function trimmerFor(wordCharacters: string): lunr.PipelineFunction {
  if (!internals.trimmerSupport) throw new Error('lunr-languages stemmer support is not loaded');
  return internals.trimmerSupport.generateTrimmer(wordCharacters);
}
