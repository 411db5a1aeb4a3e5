/**
 * Splits one page's paragraphs into sidebar teasers, the article's title and
 * publication date, its lead and its body. Works on any page of the same
 * shape and on headline-first plain-text articles, using, in this order:
 *
 *  1. a dated title line: a line, then the same line followed by dd.mm.yyyy;
 *  2. repetition across pages: teasers recur on other pages, article text does not;
 *  3. position: teasers are full sentences before the first headline-like line;
 *     a headline-first file has no teasers at all.
 *
 * A cut-off paragraph right before the article (the page's own lead, truncated
 * mid-word in the sidebar) belongs to the article, not to a brief.
 */
import { endsSentence, normalizeForCompare, shortTitle } from '../text';
import { dateOnly, openingDate } from './dates';
import type { RawParagraph } from './page-text';

export interface PageSegments {
  teasers: string[][];
  title: string;
  /** How the title was found: shown in debugging, useful in tests. */
  titleFrom: 'dated-title' | 'headline' | 'lead' | 'first-sentence';
  published: string | null;
  /** The article's paragraphs (the cut-off lead first, when there is one). */
  body: string[];
  /** True when the first body paragraph is a lead cut off in the sidebar. */
  cutLead: boolean;
}

/** How far into a page teasers may reach. */
const LEADING_LIMIT = 40;

const DATED = /^(.*?)[\s,]*(\d{1,2}\.\d{1,2}\.\d{4})$/;

export function isHeadline(text: string): boolean {
  const words = text.split(/\s+/).length;
  return text.length <= 200 && words >= 2 && !endsSentence(text) && /^[\p{Lu}\p{N}"“«]/u.test(text);
}

/** A long paragraph that stops without ending its sentence: cut off. */
export function isCutOff(text: string): boolean {
  return text.length > 120 && !endsSentence(text) && /[\p{L}\p{N}]$/u.test(text);
}

/**
 * A dated title line in the leading part of a page: a line, then the same line
 * followed by dd.mm.yyyy, or a headline followed by a line that is only a date.
 */
export function findDatedTitle(texts: string[]): { index: number; published: string | null } | null {
  for (let t = 0; t + 1 < Math.min(texts.length, LEADING_LIMIT); t++) {
    const m = DATED.exec(texts[t + 1]);
    const sameTitle = m && m[1] && normalizeForCompare(m[1]) === normalizeForCompare(texts[t]);
    const dateLine = !sameTitle && isHeadline(texts[t]) && dateOnly(texts[t + 1]);
    if (sameTitle) return { index: t, published: dateOnly(m![2]) };
    if (dateLine) return { index: t, published: dateLine };
  }
  return null;
}

/**
 * A file's first line that reads as a headline: at most 200 characters, not
 * ending like a sentence or a clause ("Council approves budget?", "iPod sales
 * soar", "- Central Asia. Talks resume", "“We will win,”" all are).
 */
export function isTitleLike(text: string): boolean {
  return text.length <= 200 && /[\p{L}\p{N}]/u.test(text) && !/[.,;:…]$/u.test(text);
}

/**
 * One article, never split (headline-first text, Markdown, a web page's
 * article): the title is the metadata's, else a headline-like first line,
 * else the first sentence (then the body keeps that paragraph). A line right
 * under the headline that is only a date, or the title again with a date, is
 * the publication date.
 */
export function segmentArticle(paras: RawParagraph[], metaTitle?: string | null): PageSegments {
  const texts = paras.map((p) => p.text);
  const n = texts.length;
  if (n === 0) return { teasers: [], title: metaTitle ?? '', titleFrom: 'headline', published: null, body: [], cutLead: false };
  let title: string;
  let titleFrom: PageSegments['titleFrom'] = 'headline';
  let start: number;
  if (metaTitle) {
    title = metaTitle;
    start = normalizeForCompare(texts[0]) === normalizeForCompare(metaTitle) ? 1 : 0;
  } else if (n > 1 && isTitleLike(texts[0])) {
    title = texts[0];
    start = 1;
  } else {
    title = shortTitle(texts[0]);
    titleFrom = 'first-sentence';
    start = 0;
  }
  let published: string | null = null;
  if (start === 1 && n > 2) {
    const m = DATED.exec(texts[1]);
    const d = m && m[1] && normalizeForCompare(m[1]) === normalizeForCompare(texts[0]) ? dateOnly(m[2]) : dateOnly(texts[1]);
    if (d) {
      published = d;
      start = 2;
    }
  }
  return { teasers: [], title, titleFrom, published, body: texts.slice(start), cutLead: false };
}

/**
 * Whether a text file is a page scraped from a news site (sidebar teasers
 * before the article, a dated title line) or one article. Decided per file:
 * a file that opens with a headline is one article and is never split.
 */
export function txtShape(paras: RawParagraph[]): 'scraped' | 'article' {
  if (paras.length === 0) return 'article';
  const texts = paras.map((p) => p.text);
  const dated = findDatedTitle(texts);
  if (dated) return dated.index > 0 && !isTitleLike(texts[0]) ? 'scraped' : 'article';
  if (paras.length > 1 && isTitleLike(texts[0])) return 'article';
  // Sidebar teasers are set apart by two or more blank lines.
  return paras.slice(1, LEADING_LIMIT).some((p) => p.gapBefore >= 2) ? 'scraped' : 'article';
}

export function segmentPage(paras: RawParagraph[], repeated: (text: string) => boolean): PageSegments {
  const texts = paras.map((p) => p.text);
  const n = texts.length;
  if (n === 0) return { teasers: [], title: '', titleFrom: 'first-sentence', published: null, body: [], cutLead: false };

  // 1. Dated title line.
  const dated = findDatedTitle(texts);
  if (dated) return withLead(texts, dated.index, { title: texts[dated.index], titleFrom: 'dated-title', published: dated.published, bodyStart: dated.index + 2 }, paras);

  // 2. Repetition: the article starts after the last repeated paragraph of the leading run.
  const limit = leadingRunEnd(paras);
  let lastRepeated = -1;
  for (let i = 0; i < Math.min(limit, n); i++) if (repeated(texts[i])) lastRepeated = i;

  let start: number;
  if (lastRepeated >= 0) start = lastRepeated + 1;
  else {
    // 3. Position: complete sentences before the first headline or cut-off line are teasers.
    start = 0;
    for (let i = 0; i < Math.min(limit + 1, n); i++) {
      if (isHeadline(texts[i]) || isCutOff(texts[i]) || (i === 0 && texts[0].length <= 100 && n > 1)) {
        start = i;
        break;
      }
      if (!endsSentence(texts[i])) break;
    }
  }
  if (start >= n) start = n - 1;

  const first = texts[start];
  let seg: { title: string; titleFrom: PageSegments['titleFrom']; published: string | null; bodyStart: number };
  if (isCutOff(first)) {
    return { teasers: groupTeasers(paras.slice(0, start)), title: shortTitle(first), titleFrom: 'lead', published: null, body: [`${first}…`, ...texts.slice(start + 1)], cutLead: true };
  } else if (isHeadline(first) || (start === 0 && first.length <= 100 && n > 1)) {
    seg = { title: first, titleFrom: 'headline', published: null, bodyStart: start + 1 };
    const d = start + 1 < n ? dateOnly(texts[start + 1]) : null;
    if (d) seg = { ...seg, published: d, bodyStart: start + 2 };
  } else {
    seg = { title: shortTitle(first), titleFrom: 'first-sentence', published: null, bodyStart: start };
  }
  return withLead(texts, start, seg, paras);
}

/** Builds the segments; a cut-off last teaser that the body repeats is the article's own lead. */
function withLead(
  texts: string[],
  titleIndex: number,
  seg: { title: string; titleFrom: PageSegments['titleFrom']; published: string | null; bodyStart: number },
  paras: RawParagraph[],
): PageSegments {
  let teaserEnd = titleIndex;
  const body = texts.slice(seg.bodyStart);
  let cutLead = false;
  const before = texts[teaserEnd - 1];
  if (before && isCutOff(before) && overlaps(before, body)) {
    teaserEnd--;
    body.unshift(`${before}…`);
    cutLead = true;
  }
  return { teasers: groupTeasers(paras.slice(0, teaserEnd)), title: seg.title, titleFrom: seg.titleFrom, published: seg.published, body, cutLead };
}

/** Eight consecutive words of `lead` appear in the body. */
function overlaps(lead: string, body: string[]): boolean {
  const words = normalizeForCompare(lead).split(' ');
  const hay = ` ${normalizeForCompare(body.join(' '))} `;
  for (let i = 0; i + 8 <= words.length - 1; i++) if (hay.includes(` ${words.slice(i, i + 8).join(' ')} `)) return true;
  return false;
}

/** End of the leading run where teasers can be: the first block of three or more paragraphs (+2, its head may hold the last teaser). */
function leadingRunEnd(paras: RawParagraph[]): number {
  let blockStart = 0;
  for (let i = 1; i <= paras.length; i++) {
    if (i === paras.length || paras[i].gapBefore >= 2) {
      if (i - blockStart >= 3) return Math.min(blockStart + 2, LEADING_LIMIT);
      blockStart = i;
    }
  }
  return Math.min(paras.length, LEADING_LIMIT);
}

/**
 * Teasers are separated by two or more blank lines, and a teaser may have
 * several paragraphs (a quoted speech goes on after one blank line); but a
 * paragraph that opens a new news item (a dateline, "X reports that") starts
 * a new teaser even after a single blank line.
 */
export function groupTeasers(paras: RawParagraph[]): string[][] {
  const out: string[][] = [];
  for (const p of paras) {
    if (out.length === 0 || p.gapBefore >= 2 || startsNewsItem(p.text)) out.push([p.text]);
    else out[out.length - 1].push(p.text);
  }
  return out;
}

const REPORTS_THAT = /^[^.“"«]{0,80}?\b(?:reports?|reported|writes|wrote|informs|announced|сообщает|сообщили|пишет)\b(?:\s+that|,)/iu;

/** A paragraph that opens a news item: a date opens it, or it cites its source ("Sputnik Armenia reports that"). */
export function startsNewsItem(text: string): boolean {
  return openingDate(text, 2000) !== null || REPORTS_THAT.test(text);
}
