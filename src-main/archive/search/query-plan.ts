/**
 * Turns whatever a person typed into a safe query plan: Lunr clauses plus
 * quoted phrases, and what to tell the person about it. Never throws.
 *
 *  - Lunr syntax (fields, +/-, wildcards, ~fuzzy, ^boost) is parsed by Lunr's own
 *    parser; when it rejects the string, the words are searched literally and
 *    the plan says so.
 *  - Quoted phrases ("..." “...” «...») become required words plus a phrase that
 *    candidates are checked against (Lunr has no phrase search).
 *  - Patterns that make Lunr walk its whole vocabulary (`*`, `*a`, `a*`) and
 *    huge strings are refused with a message; large edit distances are capped.
 */
import { lunr, setupLunr, indexPipeline } from './lunr-setup';
import { parseLunrQuery } from './lunr-internals';
import { INDEX_FIELDS, type EngineClause, type IndexField } from './engine';
import type { Interpretation } from '../../shared/contract';
import { normalizeForCompare } from '../text';

export const MAX_QUERY_CHARS = 1000;
export const MAX_CLAUSES = 32;
const MAX_EDIT_DISTANCE = 2;
/** Lunr builds a fuzzy automaton per term: past this length its size explodes (a 999-letter term~2 runs out of memory). */
export const MAX_FUZZY_TERM = 24;
const MIN_WILDCARD_CHARS = 2;
const MIN_LEADING_WILDCARD_CHARS = 3;

export interface Phrase {
  /** Normalized words (lowercase, folded), in order. */
  words: string[];
  negated: boolean;
  text: string;
}

export interface QueryPlan {
  query: string;
  clauses: EngineClause[];
  phrases: Phrase[];
  interpretedAs: Interpretation;
  notices: string[];
  /** Words that are only there because a phrase holds them: highlighted as the phrase, not alone. */
  phraseWords: string[];
  /** Set when nothing can be searched (empty, refused): the reason, if any. */
  empty: boolean;
  /** Words left out because they are too common to be in the index ("the", "и"). */
  commonWords?: string[];
}

/** Why a query of only common words finds nothing, said instead of a bare "Nothing found". */
export function commonWordsNotice(words: readonly string[]): string {
  const list = [...new Set(words.map((w) => w.toLowerCase()))].slice(0, 3).map((w) => `“${w}”`).join(', ');
  return `${list} ${words.length === 1 ? 'is a word' : 'are words'} too common to search for: such words are left out of the index. Add a less common word.`;
}

const QUOTES = /([+-]?)["“”«»„]([^"“”«»„]*)["“”«»„]/g;

export function planQuery(input: unknown): QueryPlan {
  const query = typeof input === 'string' ? input : '';
  const plan: QueryPlan = { query, clauses: [], phrases: [], interpretedAs: 'lunr', notices: [], phraseWords: [], empty: false };
  try {
    return fillPlan(plan);
  } catch (e) {
    // A bug in planning must not reach the person as an exception: search the words.
    return literalPlan({ ...plan, clauses: [], phrases: [], notices: [] }, `the query could not be read (${(e as Error).message})`);
  }
}

function fillPlan(plan: QueryPlan): QueryPlan {
  const q = plan.query;
  if (q.length > MAX_QUERY_CHARS) {
    plan.empty = true;
    plan.notices.push(`The query is too long (${q.length.toLocaleString('en')} characters; the limit is ${MAX_QUERY_CHARS.toLocaleString('en')}). Shorten it to search.`);
    return plan;
  }
  // Phrases first: Lunr's parser would keep the quote marks inside terms.
  let rest = q.replace(QUOTES, (_m, sign: string, inner: string) => {
    const words = normalizeForCompare(inner).split(' ').filter(Boolean);
    if (words.length === 0) return ' ';
    if (words.length === 1) return ` ${sign === '-' ? '-' : '+'}${words[0]} `;
    // The same phrase twice adds nothing but work (each phrase is checked in every candidate).
    if (plan.phrases.some((p) => p.negated === (sign === '-') && p.words.join(' ') === words.join(' '))) return ' ';
    plan.phrases.push({ words, negated: sign === '-', text: inner.trim() });
    if (sign !== '-') for (const w of words) if (isIndexable(w)) {
      plan.clauses.push(wordClause(w, 'required'));
      plan.phraseWords.push(w);
    }
    return ' ';
  });
  rest = rest.replace(/["“”«»„]/g, ' ');
  if (rest.trim() === '') return finish(plan);

  setupLunr();
  let lq: lunr.Query;
  try {
    lq = parseLunrQuery(rest, [...INDEX_FIELDS]);
  } catch (e) {
    return literalPlan(plan, readableParseError(e));
  }
  for (const c of lq.clauses) {
    const clause = fromLunrClause(c, plan);
    if (clause) plan.clauses.push(clause);
  }
  return finish(plan);
}

function finish(plan: QueryPlan): QueryPlan {
  if (plan.clauses.length > MAX_CLAUSES) {
    plan.notices.push(`Only the first ${MAX_CLAUSES} words were searched.`);
    plan.clauses = plan.clauses.slice(0, MAX_CLAUSES);
  }
  if (plan.clauses.length === 0 && plan.phrases.length === 0) {
    plan.empty = true;
    if (plan.commonWords?.length) plan.notices.push(commonWordsNotice(plan.commonWords));
  }
  return plan;
}

function readableParseError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/unrecognised field/i.test(msg)) {
    const field = /'([^']*)'/.exec(msg)?.[1];
    return `“${field ?? ''}:” is not a field (fields: ${INDEX_FIELDS.join(', ')})`;
  }
  return `the search syntax was incomplete (${msg.replace(/^expecting/, 'expected')})`;
}

/** Searches every word of the query as plain text. */
export function literalPlan(plan: QueryPlan, reason: string): QueryPlan {
  const words = normalizeForCompare(plan.query).split(' ').filter(Boolean);
  const clauses = words.filter(isIndexable).slice(0, MAX_CLAUSES).map((w) => wordClause(w, 'optional'));
  const phrases = plan.phrases;
  const empty = clauses.length === 0 && phrases.length === 0;
  const common = words.filter((w) => !isIndexable(w));
  return {
    ...plan,
    clauses,
    phrases,
    interpretedAs: 'literal',
    notices: [...plan.notices, `Read literally because ${reason}.`, ...(empty && words.length > 0 && common.length === words.length ? [commonWordsNotice(common)] : [])],
    empty,
  };
}

function isIndexable(word: string): boolean {
  return indexPipeline().run(lunr.tokenizer(word)).length > 0;
}

export function wordClause(term: string, presence: EngineClause['presence']): EngineClause {
  return { term, presence, leadingWildcard: false, trailingWildcard: false, editDistance: 0, boost: 1, usePipeline: true };
}

function fromLunrClause(c: lunr.Query.Clause, plan: QueryPlan): EngineClause | null {
  const raw = c.term;
  const leading = raw.startsWith('*');
  const trailing = raw.endsWith('*') && raw.length > 1;
  // Lunr keeps punctuation on terms ("minsk," or "(csto)"); the index holds words only.
  const core = raw.replace(/^\*+|\*+$/g, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (core === '') {
    if (raw.includes('*')) plan.notices.push('A lone “*” matches everything, so it was left out; add letters before it, e.g. secur*.');
    return null;
  }
  if (core.includes('*')) {
    plan.notices.push(`“${raw}” was left out: a wildcard may only start or end a word.`);
    return null;
  }
  const literal = core.replace(/[^\p{L}\p{N}]/gu, '').length;
  if (leading && literal < MIN_LEADING_WILDCARD_CHARS) {
    plan.notices.push(`“${raw}” was left out: a leading wildcard needs at least ${MIN_LEADING_WILDCARD_CHARS} letters.`);
    return null;
  }
  if ((leading || trailing) && literal < MIN_WILDCARD_CHARS) {
    plan.notices.push(`“${raw}” was left out: a wildcard needs at least ${MIN_WILDCARD_CHARS} letters before it.`);
    return null;
  }
  let editDistance = c.editDistance ?? 0;
  if (editDistance > 0) {
    const allowed = fuzzyAllowance(core, MAX_EDIT_DISTANCE);
    if (editDistance > allowed) {
      plan.notices.push(
        allowed === 0
          ? `Fuzziness was ignored for “${core.slice(0, 40)}” (${[...core].length > MAX_FUZZY_TERM ? 'too long' : 'too short'}).`
          : `Fuzziness ~${editDistance} was reduced to ~${allowed} for “${core.slice(0, 40)}”.`,
      );
      editDistance = allowed;
    }
  }
  let boost = c.boost ?? 1;
  if (!Number.isFinite(boost) || boost <= 0) boost = 1;
  boost = Math.min(boost, 1000);
  const lp = (c as lunr.Query.Clause & { presence?: number }).presence;
  const presence = lp === lunr.Query.presence.REQUIRED ? 'required' : lp === lunr.Query.presence.PROHIBITED ? 'prohibited' : 'optional';
  const fields = c.fields.length === INDEX_FIELDS.length ? undefined : (c.fields as IndexField[]);
  const term = leading || trailing ? foldLower(core) : core.toLowerCase();
  if (!leading && !trailing && editDistance === 0 && !isIndexable(core)) {
    // A stop word ("the", "и") is not in the index: requiring it would find nothing.
    (plan.commonWords ??= []).push(core);
    return null;
  }
  return { term, fields, presence, leadingWildcard: leading, trailingWildcard: trailing, editDistance, boost, usePipeline: !(leading || trailing) };
}

/**
 * The largest edit distance that keeps a term meaningful and cheap: none for
 * very short or very long words, at most half the word, at most `max`.
 */
export function fuzzyAllowance(term: string, max: number): number {
  const len = [...term].length;
  if (len > MAX_FUZZY_TERM || len < 3) return 0;
  return Math.min(max, Math.floor((len - 1) / 2));
}

function foldLower(s: string): string {
  return normalizeForCompare(s).replace(/ /g, '');
}

/** Letters a word being typed needs before it is also read as the beginning of longer words. */
export const MIN_TYPED_PREFIX_CHARS = 3;

/**
 * Search as you type: the query's last word, when nothing follows it (not
 * even a space), may be a word the person has not finished. This is the plan
 * with that word read as the beginning of a word instead ("peacek" finds
 * "peacekeeping"), and the word as typed; null when the query does not end in
 * a plain word of at least MIN_TYPED_PREFIX_CHARS letters (a space, a field,
 * a wildcard, a quote, a boost or a fuzzy mark after it), or that word is
 * excluded (`-word`). The caller decides when to use it (search-service.ts:
 * only when the index does not know the word as typed).
 */
export function typedWordPlan(plan: QueryPlan): { plan: QueryPlan; word: string } | null {
  if (plan.empty) return null;
  const m = /(?:^|\s)\+?([\p{L}\p{N}]+)$/u.exec(plan.query);
  if (!m || [...m[1]].length < MIN_TYPED_PREFIX_CHARS) return null;
  const word = m[1];
  const at = plan.clauses.length - 1;
  const last = plan.clauses[at];
  // The last clause must be that word as written: Lunr's parser keeps the clauses in the query's order.
  if (!last || last.presence === 'prohibited' || last.leadingWildcard || last.trailingWildcard || last.editDistance > 0 || last.fields || last.term !== word.toLowerCase()) return null;
  const clauses = [...plan.clauses];
  clauses[at] = { ...last, term: foldLower(word), trailingWildcard: true, usePipeline: false };
  return { plan: { ...plan, clauses, notices: [...plan.notices] }, word };
}
