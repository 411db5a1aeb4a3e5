/**
 * Answers a SearchRequest: plan the query (query-plan.ts), ask the engine,
 * check phrases on candidates, apply kind/year filters, retry fuzzily when
 * nothing matched, page, and cut snippets for the page shown. Never throws
 * for a query: every query problem becomes a response with a notice. A damaged
 * archive (DamagedArchive) is thrown on, so a failed search never looks like
 * "0 results".
 */
import type { Paragraph } from '../../shared/model';
import type { DocKind } from '../../shared/model';
import type { FindInDocResponse, SearchHit, Snippet, SearchRequest, SearchResponse, TextMatch } from '../../shared/contract';
import type { EngineClause, EngineHit, EngineHits, SearchEngine } from './engine';
import { ArrayHits, NO_HITS } from './ranked';
import { fuzzyAllowance, literalPlan, planQuery, typedWordPlan, wordClause, type QueryPlan } from './query-plan';
import { matcherFor, matchesInDoc, matchesIn, phraseTester, snippetsFor, type MatchedParagraph, type TermMatcher } from './highlight';
import { DamagedArchive } from '../store/archive-schemas';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;
/** Phrase checks read bodies; past this many candidates the rest are not checked. */
const MAX_PHRASE_CANDIDATES = 2000;
/** Candidates checked for phrases at least, even when the page is full sooner (so the estimated total means something). */
const MIN_PHRASE_CHECKS = 50;

export interface SearchableDoc {
  id: string;
  title: string;
  kind: DocKind;
  published: string | null;
  eventDate: string | null;
  year: number | null;
}

/** A document's paragraphs in parts, in order, each read only when asked for (store/layout.ts BodyReader.parts). */
export type ParagraphParts = AsyncIterable<{ from: number; paragraphs: Paragraph[] }>;

export interface SearchDeps {
  engine: () => Promise<SearchEngine>;
  summary: (id: string) => SearchableDoc | undefined;
  parts: (id: string) => ParagraphParts | undefined;
}

/**
 * Snippets read only what they show: parts are read from the start until
 * enough matching paragraphs are found or this many characters were looked
 * at (a document of ordinary size is one part, read whole, as before).
 */
const SNIPPET_SCAN_CHARS = 512 * 1024;
/** Characters of text checked for phrases between two yields to the event loop. */
const YIELD_CHARS = 32 * 1024;

export async function runSearch(req: SearchRequest, deps: SearchDeps): Promise<SearchResponse> {
  const t0 = performance.now();
  const query = typeof req?.query === 'string' ? req.query : '';
  const offset = clampInt(req?.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const limit = clampInt(req?.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  const base = { query, offset, total: 0, hits: [] as SearchHit[] };
  const done = (r: Omit<SearchResponse, 'tookMs'>): SearchResponse => ({ ...r, tookMs: Math.round((performance.now() - t0) * 10) / 10 });
  try {
    const first = planQuery(query);
    if (first.empty) return done({ ...base, interpretedAs: first.interpretedAs, notice: notice(first) });
    const engine = await deps.engine();
    const { plan, hits } = await firstThatFinds(first, req, engine, deps);
    const page = hits.slice(offset, offset + limit);
    // The page's bodies are read all at once, not one after another: a search new to the host reads 20 bodies
    // from disk, and their reads overlap in the thread pool (12 such searches at 50,000 articles: 233 -> 150 ms).
    const cut = await Promise.all(
      page.map(async (h): Promise<SearchHit | null> => {
        const s = deps.summary(h.id);
        if (!s) return null;
        const m = matcherFor(plan, h.terms);
        return { id: s.id, title: s.title, kind: s.kind, published: s.published, eventDate: s.eventDate, score: round(h.score), snippets: await snippetsOf(deps.parts(h.id), m) };
      }),
    );
    const shown = cut.filter((hit): hit is SearchHit => hit !== null);
    if (plan.interpretedAs === 'fuzzy') plan.notices.unshift(fuzzyNotice(query, plan, shown, deps));
    const total = hits.estimatedTotal ?? hits.length;
    return done({ ...base, interpretedAs: plan.interpretedAs, notice: notice(plan), total, hits: shown });
  } catch (e) {
    if (e instanceof DamagedArchive) throw e;
    return done({ ...base, interpretedAs: 'literal', notice: `Search failed: ${(e as Error).message}` });
  }
}

/**
 * The strategies, in order, each tried only when the one before found
 * nothing:
 *  1. when the query ends in a word the index does not know, with nothing
 *     typed after it, that word read as the beginning of a word (the person
 *     is still typing it: "peacek" finds "peacekeeping"; typedWordPlan);
 *  2. the query as written, with Lunr's syntax (planQuery already reads a
 *     query Lunr cannot parse literally, and says so);
 *  3. literally, when the engine could not run it as written;
 *  4. with misspelled words corrected (correctedPlan), structure kept.
 * The answer is the first plan that found something, else the last one tried.
 */
async function firstThatFinds(
  first: QueryPlan,
  req: SearchRequest,
  engine: SearchEngine,
  deps: SearchDeps,
): Promise<{ plan: QueryPlan; hits: EngineHits }> {
  let plan = first;
  let hits: EngineHits;
  try {
    const typed = completedPlan(first, engine);
    if (typed) {
      const completed = await matching(typed, req, engine, deps);
      if (completed.length > 0) return { plan: typed, hits: completed };
    }
    hits = await matching(plan, req, engine, deps);
  } catch (e) {
    if (e instanceof DamagedArchive) throw e;
    // Lunr can still throw on odd input the parser let through.
    plan = literalPlan(plan, `the search engine could not run it (${(e as Error).message})`);
    hits = plan.empty ? NO_HITS : await matching(plan, req, engine, deps);
  }
  if (hits.length > 0 || plan.interpretedAs === 'fuzzy') return { plan, hits };
  const corrected = correctedPlan(plan, engine);
  if (!corrected) return { plan, hits };
  const correctedHits = await matching(corrected, req, engine, deps);
  return correctedHits.length > 0 ? { plan: corrected, hits: correctedHits } : { plan, hits };
}

/** The shortest beginning of a word typed past its stem that is taken for the stem. */
const MIN_STEM_CHARS = 4;
/** How many letters past its stem a word being typed may be ("collecti" is 1 past "collect"). */
const MAX_PAST_STEM = 2;

/**
 * The query as the person is probably still typing it, when its last word is
 * one the index does not know (a word it knows, like "forc", the stem of
 * "force", is searched as it is): that word read as the beginning of longer
 * words, and, when it is optional, also as the stem it was typed past. Words
 * are indexed as stems, so "collecti" begins no indexed word, yet "collect",
 * the stem of "collective", is one letter before it. Null when the query does
 * not end in such a word.
 */
function completedPlan(first: QueryPlan, engine: SearchEngine): QueryPlan | null {
  const typed = typedWordPlan(first);
  if (!typed || engine.spelling(typed.word, 0).known) return null;
  const { plan } = typed;
  if (plan.clauses[plan.clauses.length - 1].presence !== 'optional') return plan;
  const letters = [...typed.word];
  for (let n = letters.length - 1; n >= Math.max(MIN_STEM_CHARS, letters.length - MAX_PAST_STEM); n--) {
    const head = letters.slice(0, n).join('');
    if (engine.spelling(head, 0).known) return { ...plan, clauses: [...plan.clauses, wordClause(head.toLowerCase(), 'optional')] };
  }
  return plan;
}

async function matching(plan: QueryPlan, req: SearchRequest, engine: SearchEngine, deps: SearchDeps): Promise<EngineHits> {
  let hits = plan.clauses.length > 0 ? await engine.search(plan.clauses) : NO_HITS;
  if (plan.clauses.length === 0 && plan.phrases.length > 0) return NO_HITS; // only negated phrases: nothing to find
  if (hasFilters(req)) hits = hits.filter((id) => passesFilters(deps.summary(id), req));
  if (plan.phrases.length > 0) {
    // Phrases are checked in the bodies of the candidates, best first, only until the page
    // asked for is full: the rest is estimated from the share that passed (reading every
    // candidate's body took most of a phrase query's time on a large archive).
    const need = clampInt(req?.offset, 0, 0, Number.MAX_SAFE_INTEGER) + clampInt(req?.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const checked: EngineHit[] = [];
    let examined = 0;
    for (; examined < hits.length; examined++) {
      if (examined >= MAX_PHRASE_CANDIDATES || (checked.length >= need && examined >= MIN_PHRASE_CHECKS)) break;
      const h = hits.at(examined);
      if (await phrasesHold(plan, deps.summary(h.id)?.title ?? '', deps.parts(h.id))) checked.push(h);
    }
    const unchecked = hits.length - examined;
    if (unchecked > 0) {
      const estimate = checked.length + Math.round((unchecked * checked.length) / examined);
      plan.notices.push(`Phrases were checked in the best ${examined.toLocaleString('en')} candidates; about ${estimate.toLocaleString('en')} results in all.`);
      return new ArrayHits(checked, estimate);
    }
    hits = new ArrayHits(checked);
  }
  return hits;
}

/** Whether every phrase is in (or, negated, absent from) the title and body; reads parts only until that is settled. */
async function phrasesHold(plan: QueryPlan, title: string, parts: ParagraphParts | undefined): Promise<boolean> {
  const found = plan.phrases.map(() => false);
  const look = (text: string) => {
    const has = phraseTester(text);
    plan.phrases.forEach((p, i) => {
      if (!found[i] && has(p)) found[i] = true;
    });
  };
  const settled = () => found.every(Boolean) || plan.phrases.some((p, i) => p.negated && found[i]);
  look(title);
  if (!settled() && parts) {
    let sinceYield = 0;
    for await (const part of parts) {
      for (const p of part.paragraphs) {
        look(p.text);
        sinceYield += p.text.length;
        if (sinceYield >= YIELD_CHARS) {
          // Inside a long document, let other requests run (an ordinary document never gets here).
          sinceYield = 0;
          await new Promise<void>((r) => setImmediate(r));
          if (settled()) break;
        }
      }
      if (settled()) break;
    }
  }
  return plan.phrases.every((p, i) => found[i] !== p.negated);
}

/** A hit's snippets: its matching paragraphs found once (snippetSource), then chosen and cut (snippetsFor). */
async function snippetsOf(parts: ParagraphParts | undefined, m: TermMatcher): Promise<Snippet[]> {
  const { matched, first } = await snippetSource(parts, m);
  return snippetsFor(matched, first);
}

/**
 * What snippets are cut from: the paragraphs that match, each with its match
 * ranges (found once here, used again for choosing and cutting), and
 * paragraph 0 (the fallback when nothing matches). The first part is looked at
 * whole (an ordinary document is one part, so its best paragraphs are chosen as
 * before); later parts only until `max` paragraphs matched or
 * SNIPPET_SCAN_CHARS were read, yielding to other requests every YIELD_CHARS.
 */
async function snippetSource(parts: ParagraphParts | undefined, m: TermMatcher, max = 3): Promise<{ matched: MatchedParagraph[]; first?: Paragraph }> {
  const matched: MatchedParagraph[] = [];
  let first: Paragraph | undefined;
  if (!parts) return { matched };
  let chars = 0;
  let sinceYield = 0;
  scan: for await (const part of parts) {
    for (let k = 0; k < part.paragraphs.length; k++) {
      const p = part.paragraphs[k];
      const index = part.from + k;
      if (index === 0) first = p;
      const ranges = matchesIn(p.text, m);
      if (ranges.length > 0) {
        matched.push({ index, text: p.text, ranges });
        if (matched.length >= max && part.from > 0) break scan;
      }
      chars += p.text.length;
      sinceYield += p.text.length;
      if (part.from > 0 && chars >= SNIPPET_SCAN_CHARS) break scan;
      if (sinceYield >= YIELD_CHARS) {
        sinceYield = 0;
        await new Promise<void>((r) => setImmediate(r));
      }
    }
    if (matched.length >= max || chars >= SNIPPET_SCAN_CHARS) break;
  }
  return { matched, first };
}

function hasFilters(req: SearchRequest): boolean {
  return Boolean(req?.kind) || typeof req?.from === 'number' || typeof req?.to === 'number';
}

function passesFilters(s: SearchableDoc | undefined, req: SearchRequest): boolean {
  if (!s) return false;
  if (req?.kind && s.kind !== req.kind) return false;
  const from = typeof req?.from === 'number' ? req.from : null;
  const to = typeof req?.to === 'number' ? req.to : null;
  if (from !== null || to !== null) {
    if (s.year === null) return false;
    if (from !== null && s.year < from) return false;
    if (to !== null && s.year > to) return false;
  }
  return true;
}

/**
 * The query with some plain positive words relaxed by `relax` (given each
 * word and how far its spelling may be relaxed, by length); required,
 * prohibited and field parts stay as they were. Null when no word changed.
 */
function relaxedPlan(plan: QueryPlan, relax: (c: EngineClause, distance: number) => EngineClause | null): QueryPlan | null {
  let changed = false;
  const clauses = plan.clauses.map((c) => {
    if (c.presence === 'prohibited' || c.leadingWildcard || c.trailingWildcard || c.editDistance > 0) return c;
    const len = [...c.term].length;
    const distance = Math.min(fuzzyAllowance(c.term, 2), len >= 8 ? 2 : len >= 4 ? 1 : 0);
    const relaxed = distance > 0 ? relax(c, distance) : null;
    if (!relaxed) return c;
    changed = true;
    return relaxed;
  });
  return changed ? { ...plan, clauses, interpretedAs: 'fuzzy', notices: [...plan.notices] } : null;
}

/**
 * The spelling retry of a search: each word the index does not know replaced
 * by the one index term nearest to it (a word the index knows is never
 * changed, so `+border -drug` is not turned into "order").
 */
function correctedPlan(plan: QueryPlan, engine: SearchEngine): QueryPlan | null {
  return relaxedPlan(plan, (c, distance) => {
    const s = engine.spelling(c.term, distance);
    // The correction is an index term already analysed: searched as it is.
    return s.known || !s.correction ? null : { ...c, term: s.correction, usePipeline: false };
  });
}

/** Find in one document: every plain positive word made fuzzy (the document's words are not indexed). */
function fuzzyPlan(plan: QueryPlan): QueryPlan | null {
  return relaxedPlan(plan, (c, distance) => ({ ...c, editDistance: distance }));
}

function fuzzyNotice(query: string, plan: QueryPlan, hits: SearchHit[], _deps: SearchDeps): string {
  // Name what was actually found: the highlighted words of the best hit.
  const words: string[] = [];
  for (const s of hits[0]?.snippets ?? []) {
    for (const [a, b] of s.highlights) {
      const w = s.text.slice(a, b);
      if (!words.some((x) => x.toLowerCase() === w.toLowerCase())) words.push(w);
    }
  }
  const shown = words.slice(0, plan.clauses.length || 1).join(' ');
  return shown ? `No results for “${query.trim()}”; showing results for “${shown}”.` : `No results for “${query.trim()}”; showing similar words.`;
}

function notice(plan: QueryPlan): string | null {
  return plan.notices.length > 0 ? [...new Set(plan.notices)].join(' ') : null;
}

function clampInt(v: unknown, dflt: number, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return dflt;
  return Math.min(max, Math.max(min, Math.floor(v)));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** A find in one document stops after this many matches: the reader steps through them, nobody reads more. */
export const MAX_FIND_MATCHES = 5000;

/**
 * Matches of `query` inside one document, as offsets into docText(doc). The
 * body is read part by part (a 200 MB document is never read or scanned in
 * one go), yielding to other requests every YIELD_CHARS, and stops at
 * MAX_FIND_MATCHES.
 */
export async function runFindInDoc(parts: (() => ParagraphParts) | Paragraph[], query: string): Promise<FindInDocResponse> {
  let plan = planQuery(query);
  if (plan.empty) return { matches: [], interpretedAs: plan.interpretedAs };
  let matches = await matchesInParts(parts, matcherFor(plan));
  const typed = matches.length === 0 ? typedWordPlan(plan) : null;
  if (typed) {
    // The last word may not be finished yet: "peacek" finds "peacekeeping" (as the search does).
    const m = await matchesInParts(parts, matcherFor(typed.plan));
    if (m.length > 0) {
      plan = typed.plan;
      matches = m;
    }
  }
  if (matches.length === 0) {
    const fuzzy = fuzzyPlan(plan);
    if (fuzzy) {
      const m = await matchesInParts(parts, matcherFor(fuzzy));
      if (m.length > 0) {
        plan = fuzzy;
        matches = m;
      }
    }
  }
  return { matches, interpretedAs: plan.interpretedAs };
}

async function matchesInParts(parts: (() => ParagraphParts) | Paragraph[], m: TermMatcher): Promise<TextMatch[]> {
  if (Array.isArray(parts)) return matchesInDoc(parts, m).slice(0, MAX_FIND_MATCHES);
  const out: TextMatch[] = [];
  // Paragraph i starts where i-1 ended plus the "\n\n" joiner of docText (model.ts).
  let offset = 0;
  let sinceYield = 0;
  // A fresh reading each pass: the parts are read once each time they are iterated.
  for await (const part of parts()) {
    for (const p of part.paragraphs) {
      for (const [a, b] of matchesIn(p.text, m)) {
        out.push({ start: offset + a, end: offset + b });
        if (out.length >= MAX_FIND_MATCHES) return out;
      }
      offset += p.text.length + 2;
      sinceYield += p.text.length;
      if (sinceYield >= YIELD_CHARS) {
        sinceYield = 0;
        await new Promise<void>((r) => setImmediate(r));
      }
    }
  }
  return out;
}

export { matchesIn };
