/**
 * Where a query matches inside a document's text: highlight offsets for
 * search snippets and for the reader (findInDoc). Computed on demand for the
 * documents shown, from the terms the index matched (so the index needs no
 * stored positions), plus quoted phrases matched word by word.
 */
import type { Snippet, TextMatch } from '../../shared/contract';
import { paragraphOffsets, type Paragraph } from '../../shared/model';
import { foldDiacritics } from '../text';
import { searchPipeline } from './lunr-setup';
import { termOf } from './analyze';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const EDGE_NON_WORD = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const decisions = new WeakMap<TermMatcher, Map<string, boolean>>();
const ASCII_WORD = Array.from({ length: 128 }, (_, c) => /[a-z0-9]/.test(String.fromCharCode(c)));
const firstsOf = new WeakMap<TermMatcher, Set<number>>();

/** Characters diacritic folding rewrites (foldDiacritics): Latin letters with marks, ligatures, ё. */
const FOLDABLE = /[\u00c0-\u024f\u1e00-\u1effёЁ\u0300-\u036f]/;
const headsOf = new WeakMap<TermMatcher, string[]>();

/** The part of each wanted stem that every word stemmed to it begins with. */
function stemHeads(m: TermMatcher): string[] {
  let h = headsOf.get(m);
  if (!h) {
    h = [...m.stems].map((s) => s.slice(0, Math.max(1, s.length - 2)));
    headsOf.set(m, h);
  }
  return h;
}

/** First characters of the wanted stems. */
function firstLetters(m: TermMatcher): Set<number> {
  let f = firstsOf.get(m);
  if (!f) {
    f = new Set([...m.stems].map((s) => s.charCodeAt(0)));
    firstsOf.set(m, f);
  }
  return f;
}
import type { QueryPlan, Phrase } from './query-plan';

export interface TermMatcher {
  /** Index terms (folded, stemmed) that count as a match. */
  stems: Set<string>;
  /** Wildcard patterns, tested on the stem and on the folded word. */
  patterns: RegExp[];
  fuzzy: { term: string; distance: number }[];
  phrases: Phrase[];
}

/** Matcher from a plan (for findInDoc) plus, when known, the index terms a search hit matched. */
export function matcherFor(plan: QueryPlan, engineTerms: string[] = []): TermMatcher {
  const m: TermMatcher = { stems: new Set(engineTerms), patterns: [], fuzzy: [], phrases: plan.phrases.filter((p) => !p.negated) };
  // A phrase's words are highlighted as the phrase, not one by one across the text.
  const phraseOnly = new Set(plan.phraseWords.flatMap((w) => searchPipeline().runString(w)));
  for (const c of plan.clauses) {
    if (c.presence !== 'prohibited' && !plan.phraseWords.includes(c.term)) for (const s of searchPipeline().runString(c.term)) phraseOnly.delete(s);
  }
  for (const s of phraseOnly) m.stems.delete(s);
  for (const c of plan.clauses) {
    if (c.presence === 'prohibited' || plan.phraseWords.includes(c.term)) continue;
    // For a search hit the index already expanded wildcards and edit distances: the terms it
    // matched in this document (engineTerms) are the words to mark, with no per-word tests.
    if ((c.leadingWildcard || c.trailingWildcard || c.editDistance > 0) && engineTerms.length > 0) continue;
    if (c.leadingWildcard || c.trailingWildcard) {
      const body = c.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      m.patterns.push(new RegExp(`^${c.leadingWildcard ? '.*' : ''}${body}${c.trailingWildcard ? '.*' : ''}$`, 'u'));
    } else {
      const stems = c.usePipeline ? searchPipeline().runString(c.term) : [c.term];
      if (c.editDistance > 0) for (const s of stems) m.fuzzy.push({ term: s, distance: c.editDistance });
      else for (const s of stems) m.stems.add(s);
    }
  }
  return m;
}

interface Word {
  start: number;
  end: number;
  folded: string;
}

/** Words of a text with offsets, lowercased and folded: for phrase matching. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push({ start: m.index, end: m.index + m[0].length, folded: foldDiacritics(m[0].toLowerCase()) });
  }
  return out;
}

/** True when `text` holds the phrase's words in sequence. */
export function hasPhrase(text: string, phrase: Phrase): boolean {
  return containsPhrase(wordsOf(text), phrase);
}

/**
 * Checks many phrases against one text, splitting it into words once (a query
 * may hold dozens of phrases; splitting per phrase made them quadratic).
 */
export function phraseTester(text: string): (phrase: Phrase) => boolean {
  let words: Word[] | null = null;
  return (phrase) => containsPhrase((words ??= wordsOf(text)), phrase);
}

function containsPhrase(words: Word[], phrase: Phrase): boolean {
  const n = phrase.words.length;
  for (let i = 0; i + n <= words.length; i++) {
    let j = 0;
    while (j < n && words[i + j].folded === phrase.words[j]) j++;
    if (j === n) return true;
  }
  return false;
}

function phraseMatches(words: Word[], phrase: Phrase): [number, number][] {
  const out: [number, number][] = [];
  const n = phrase.words.length;
  for (let i = 0; i + n <= words.length; i++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) ok = words[i + j].folded === phrase.words[j];
    if (ok) out.push([words[i].start, words[i + n - 1].end]);
  }
  return out;
}

/** Match ranges [start, end) inside one text, sorted and non-overlapping. */
export function matchesIn(text: string, m: TermMatcher): [number, number][] {
  const ranges: [number, number][] = [];
  const wantTerms = m.stems.size > 0 || m.patterns.length > 0 || m.fuzzy.length > 0;
  if (wantTerms) {
    // Lunr's tokens and index terms, the pipeline's answer cached per word (analyze.ts).
    const onlyStems = m.patterns.length === 0 && m.fuzzy.length === 0;
    // Wildcards and edit distances are decided once per distinct word (a body repeats its words).
    let decided = onlyStems ? null : decisions.get(m);
    if (!onlyStems && !decided) decisions.set(m, (decided = new Map()));
    // Stemming keeps a word's first letter: an ASCII word starting with another letter than
    // every wanted stem cannot match, and is skipped without looking it up.
    const firsts = onlyStems ? firstLetters(m) : null;
    const lower = text.toLowerCase();
    // Stemming only rewrites a word's last letters (the Porter and Russian stemmers change at
    // most two letters before the stem's end), so a paragraph holding none of the stems'
    // beginnings, and nothing diacritic folding would change, holds no match.
    if (onlyStems && !FOLDABLE.test(text) && !stemHeads(m).some((h) => lower.includes(h))) return mergeRanges(phraseRanges(text, m));
    const re = /[^\s-]+/g;
    for (let t = re.exec(lower); t !== null; t = re.exec(lower)) {
      const token = t[0];
      if (firsts) {
        const c = token.charCodeAt(0);
        if (c < 128 && ASCII_WORD[c] && !firsts.has(c)) continue;
      }
      const stem = termOf(token) ?? undefined;
      if (onlyStems) {
        if (stem === undefined || !m.stems.has(stem)) continue;
      } else {
        let yes = decided!.get(token);
        if (yes === undefined) {
          const folded = foldDiacritics(token.replace(EDGE_NON_WORD, ''));
          yes = folded !== '' && isMatch(stem, folded, m);
          decided!.set(token, yes);
        }
        if (!yes) continue;
      }
      let start = t.index;
      let end = t.index + token.length;
      while (start < end && !WORD_CHAR.test(text[start])) start++;
      while (end > start && !WORD_CHAR.test(text[end - 1])) end--;
      if (start < end) ranges.push([start, end]);
    }
  }
  ranges.push(...phraseRanges(text, m));
  return mergeRanges(ranges);
}

function phraseRanges(text: string, m: TermMatcher): [number, number][] {
  if (m.phrases.length === 0) return [];
  const words = wordsOf(text);
  return m.phrases.flatMap((p) => phraseMatches(words, p));
}

function isMatch(stem: string | undefined, folded: string, m: TermMatcher): boolean {
  if (stem !== undefined && m.stems.has(stem)) return true;
  for (const re of m.patterns) if ((stem !== undefined && re.test(stem)) || re.test(folded)) return true;
  for (const f of m.fuzzy) {
    if (stem !== undefined && levenshtein(stem, f.term, f.distance) <= f.distance) return true;
    if (levenshtein(folded, f.term, f.distance) <= f.distance) return true;
  }
  return false;
}

function mergeRanges(r: [number, number][]): [number, number][] {
  r.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const x of r) {
    const last = out[out.length - 1];
    if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
    else out.push([x[0], x[1]]);
  }
  return out;
}

/** Edit distance, giving up (returning max+1) once it must exceed `max`. */
export function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

const SNIPPET_CHARS = 220;
const LEAD_CHARS = 70;

/** A paragraph that matched, with its match ranges (matchesIn), found once and used for choosing and cutting. */
export interface MatchedParagraph {
  index: number;
  text: string;
  ranges: [number, number][];
}

/**
 * Up to `max` passages around the matches, best paragraphs first (most
 * distinct words matched, then most matches, then earliest); the start of
 * `first` (paragraph 0) when nothing matched.
 */
export function snippetsFor(matched: MatchedParagraph[], first: Paragraph | undefined, max = 3): Snippet[] {
  const scored = matched.map((x) => ({ ...x, distinct: distinct(x) }));
  scored.sort((a, b) => b.distinct - a.distinct || b.ranges.length - a.ranges.length || a.index - b.index);
  const out = scored.slice(0, max).map((x) => window(x.text, x.index, x.ranges));
  if (out.length === 0 && first) out.push(window(first.text, 0, []));
  return out;
}

function distinct(x: MatchedParagraph): number {
  return new Set(x.ranges.map(([s, e]) => x.text.slice(s, e).toLowerCase())).size;
}

function window(text: string, paragraph: number, ranges: [number, number][]): Snippet {
  let start = 0;
  if (ranges.length > 0 && ranges[0][0] > LEAD_CHARS) {
    start = ranges[0][0] - LEAD_CHARS;
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < ranges[0][0] ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (ranges.length > 0) end = Math.max(end, Math.min(text.length, ranges[0][1]));
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + 40 && (ranges.length === 0 || space >= ranges[0][1])) end = space;
  }
  const highlights = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start, e - start] as [number, number]);
  return { text: text.slice(start, end), highlights, paragraph, start };
}

/** Matches inside docText(doc), as offsets into it. */
export function matchesInDoc(paragraphs: Paragraph[], m: TermMatcher): TextMatch[] {
  const offsets = paragraphOffsets({ paragraphs });
  const out: TextMatch[] = [];
  paragraphs.forEach((p, i) => {
    for (const [s, e] of matchesIn(p.text, m)) out.push({ start: offsets[i] + s, end: offsets[i] + e });
  });
  return out;
}
