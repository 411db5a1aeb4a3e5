/**
 * Re-anchoring: where does a stored annotation belong in the text as it is
 * now? Cheapest evidence first, as hypothesis/client does:
 *   1. the stored position, if the text there is still the quote ("anchored");
 *   2. an exact search for the quote, ranked by context and distance ("moved");
 *   3. a fuzzy search, ranked the same way ("fuzzy");
 *   4. otherwise "orphaned": the caller keeps the annotation and shows it apart.
 * Steps 2 and 3 must clear MIN_SCORE, so a passage elsewhere that merely looks
 * like the quote (same boilerplate, a different name) is never chosen.
 * Pure string work; offsets count UTF-16 code units into docText(doc).
 */
import type { AnchorStatus, TextPositionSelector, TextQuoteSelector } from '../annotation-model';
import { MAX_QUOTE_ERROR_RATE, rankExactCandidates, rankFuzzyCandidates, type Candidate } from './match-quote';

export interface AnchorSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector | null;
}

export type AnchorResult =
  | { status: Exclude<AnchorStatus, 'orphaned'>; start: number; end: number; score: number }
  | { status: 'orphaned'; reason: string; best: Candidate | null };

/**
 * Below this normalized score a candidate is not the same passage. With the
 * weights in match-quote.ts an exact quote whose prefix and suffix were both
 * rewritten scores about 0.7, and a quote with a quarter of its characters
 * changed scores at most 0.78 even with perfect context: both fall short, so a
 * changed quote must keep its context to count and vice versa.
 */
export const MIN_SCORE = 0.75;

/**
 * A quote this long that occurs exactly once is evidence enough on its own,
 * even when the text around it was rewritten.
 */
export const UNIQUE_QUOTE_MIN_LENGTH = 32;

/** Find where the selectors point in `text` now. Never throws. */
export function anchor(text: string, selectors: AnchorSelectors): AnchorResult {
  const { quote, position } = selectors;
  const exact = quote.exact;
  if (exact.length === 0) return { status: 'orphaned', reason: 'The annotation has no quote to look for.', best: null };

  if (position && position.start >= 0 && position.end <= text.length && text.slice(position.start, position.end) === exact) {
    return { status: 'anchored', start: position.start, end: position.end, score: 1 };
  }

  const context = { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start };
  const exactCandidates = rankExactCandidates(text, exact, context);
  const bestExact = exactCandidates[0];
  if (bestExact) {
    const uniqueAndLong = exactCandidates.length === 1 && exact.length >= UNIQUE_QUOTE_MIN_LENGTH;
    if (bestExact.score >= MIN_SCORE || uniqueAndLong) {
      return { status: 'moved', start: bestExact.start, end: bestExact.end, score: bestExact.score };
    }
  }

  const fuzzy = rankFuzzyCandidates(text, exact, context);
  const best = fuzzy[0] ?? bestExact ?? null;
  if (best && best.quoteScore >= 1 - MAX_QUOTE_ERROR_RATE && best.score >= MIN_SCORE) {
    return { status: best.errors === 0 ? 'moved' : 'fuzzy', start: best.start, end: best.end, score: best.score };
  }
  return {
    status: 'orphaned',
    reason: best ? 'The quoted passage is no longer in this text.' : 'Nothing like the quote was found in this text.',
    best,
  };
}

/** Build the selectors for text[start, end), with 32 characters of context either side. */
export function describeOffsets(
  text: string,
  start: number,
  end: number,
  contextChars = 32,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(Math.max(0, s - contextChars), s),
      suffix: text.slice(e, e + contextChars),
    },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}

/**
 * Shrink [start, end) so it neither begins nor ends with white space (a
 * triple-click selects the trailing line break). Returns null when nothing
 * but white space is left.
 */
export function trimOffsets(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return s < e ? { start: s, end: e } : null;
}
