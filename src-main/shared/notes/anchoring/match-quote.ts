/**
 * Fuzzy and exact quote matching over plain text, in the manner of
 * hypothesis/client's match-quote.ts: find candidate places for a quote, then
 * score each on how well the quote, its prefix, its suffix and its distance
 * from the old position agree. Pure functions over strings: no DOM, no React,
 * so the ranking can be unit-tested in Node and reused by export and the CLI.
 */
import approxSearch from 'approx-string-match';

/** A place in the text where the quote (or something like it) occurs. */
export interface Candidate {
  start: number;
  end: number;
  /** Edit distance between the quote and text[start, end). */
  errors: number;
  /** 1 - errors / quote length: 1 is an exact match. */
  quoteScore: number;
  /** How well the text before `start` agrees with the stored prefix (0..1; 1 when none stored). */
  prefixScore: number;
  /** How well the text after `end` agrees with the stored suffix (0..1; 1 when none stored). */
  suffixScore: number;
  /** 1 at the old position, falling linearly to 0 a whole text away. */
  positionScore: number;
  /** Weighted sum of the above, normalized to 0..1. */
  score: number;
}

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote used to start: candidates nearer to it score higher. */
  hint?: number;
}

/**
 * Weights follow hypothesis: the quote matters most, its context next, and
 * position only breaks ties between otherwise equal candidates.
 */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/** Fuzzy search allows at most this share of the quote to differ. */
export const MAX_QUOTE_ERROR_RATE = 0.25;

/** Every exact occurrence of `needle` in `text` (overlapping ones included). */
export function exactMatches(text: string, needle: string): { start: number; end: number; errors: number }[] {
  const found: { start: number; end: number; errors: number }[] = [];
  if (needle.length === 0) return found;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    found.push({ start: at, end: at + needle.length, errors: 0 });
  }
  return found;
}

/**
 * How similar `str` is to the best-matching part of `text`, 0..1.
 * Used for prefix and suffix, where the text slice has the same length as the
 * stored context, so the score falls as the context is rewritten.
 */
export function textMatchScore(text: string, str: string): number {
  if (str.length === 0) return 1;
  if (text.length === 0) return 0;
  const matches = approxSearch(text, str, str.length);
  if (matches.length === 0) return 0;
  return Math.max(0, 1 - matches[0].errors / str.length);
}

/** Score one place for the quote. */
export function scoreCandidate(
  text: string,
  quote: string,
  match: { start: number; end: number; errors: number },
  context: QuoteContext = {},
): Candidate {
  const quoteScore = Math.max(0, 1 - match.errors / quote.length);
  const prefixScore = context.prefix
    ? textMatchScore(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix)
    : 1;
  const suffixScore = context.suffix
    ? textMatchScore(text.slice(match.end, match.end + context.suffix.length), context.suffix)
    : 1;
  let positionScore = 1;
  if (typeof context.hint === 'number' && text.length > 0) {
    positionScore = Math.max(0, 1 - Math.abs(match.start - context.hint) / text.length);
  }
  const score =
    (WEIGHTS.quote * quoteScore +
      WEIGHTS.prefix * prefixScore +
      WEIGHTS.suffix * suffixScore +
      WEIGHTS.position * positionScore) /
    WEIGHT_SUM;
  return { start: match.start, end: match.end, errors: match.errors, quoteScore, prefixScore, suffixScore, positionScore, score };
}

const byScore = (a: Candidate, b: Candidate): number => b.score - a.score || a.start - b.start;

/** Every exact occurrence of the quote, best first. */
export function rankExactCandidates(text: string, quote: string, context: QuoteContext = {}): Candidate[] {
  return exactMatches(text, quote)
    .map((m) => scoreCandidate(text, quote, m, context))
    .sort(byScore);
}

/**
 * Approximate occurrences of the quote, best first. approx-string-match only
 * answers the lowest-error matches of a search, so a look-alike elsewhere
 * could hide a slightly worse match at the old place; searching the
 * neighbourhood of the old position separately keeps that one in the running.
 */
export function rankFuzzyCandidates(text: string, quote: string, context: QuoteContext = {}): Candidate[] {
  if (quote.length === 0 || text.length === 0) return [];
  const maxErrors = Math.max(1, Math.floor(quote.length * MAX_QUOTE_ERROR_RATE));
  const raw = approxSearch(text, quote, maxErrors);
  if (typeof context.hint === 'number') {
    const margin = quote.length + maxErrors + 64;
    const from = Math.max(0, context.hint - margin);
    const to = Math.min(text.length, context.hint + quote.length + margin);
    for (const m of approxSearch(text.slice(from, to), quote, maxErrors)) {
      raw.push({ start: m.start + from, end: m.end + from, errors: m.errors });
    }
  }
  const seen = new Set<string>();
  const unique = raw.filter((m) => {
    const key = `${m.start}:${m.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.map((m) => scoreCandidate(text, quote, m, context)).sort(byScore);
}
