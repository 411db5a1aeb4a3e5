/**
 * Raw page text -> paragraphs, with the page furniture taken out.
 *
 * A paragraph remembers how many blank lines preceded it: on the scraped
 * pages, sidebar teasers are separated by two or more blank lines, which is
 * what segment.ts reads. Boilerplate dropped here: navigation links, photo
 * file names, photo-gallery markers, and the press-contact block at the end
 * (names, phones, faxes, e-mail; English or Russian).
 */
import { cleanSpaces, endsSentence } from '../text';

export interface RawParagraph {
  text: string;
  /** Blank lines before this paragraph (start of file counts as a large gap). */
  gapBefore: number;
}

const START_GAP = 99;
/** A line of only '=', '-', '~', '*', '_' or '#' (three or more): a Setext underline or a rule in plain text. */
const RULE_LINE = /^([=\-~*_#])\1{2,}$/;
const WRAP_WIDTH = 100;

/** Splits text into paragraphs: blank lines separate; a long line is a paragraph; short wrapped lines join. */
export function splitParagraphs(raw: string): RawParagraph[] {
  const lines = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const out: RawParagraph[] = [];
  let gap = START_GAP;
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length === 0) return;
    const parts = out.length === 0 && headlineOnTop(chunk) ? [chunk[0], ...joinWrapped(chunk.slice(1))] : joinWrapped(chunk);
    for (const [i, text] of parts.entries()) out.push({ text, gapBefore: i === 0 ? gap : 0 });
    chunk = [];
    gap = 0;
  };
  for (const line of lines) {
    const t = cleanSpaces(line);
    if (t === '') {
      flush();
      gap++;
    } else if (RULE_LINE.test(t)) {
      // A heading's underline ("Release Notes" over "=====") or a ruled line: a break, never text.
      flush();
    } else chunk.push(t);
  }
  flush();
  return joinBrokenSentences(out);
}

/** Hard-wrapped text (all lines short, some breaking mid-sentence) is one paragraph; otherwise each line is. */
function joinWrapped(lines: string[]): string[] {
  if (lines.length < 2) return lines;
  const body = lines.slice(0, -1);
  const wrapped = body.every((l) => l.length <= WRAP_WIDTH) && body.some((l) => !endsSentence(l));
  return wrapped ? [lines.join(' ')] : lines;
}

/** A file's first line, short and unpunctuated, over wrapped text without a blank line between: a headline. */
function headlineOnTop(lines: string[]): boolean {
  if (lines.length < 3) return false;
  const rest = lines.slice(1, -1);
  const width = Math.max(...rest.map((l) => l.length));
  return !endsSentence(lines[0]) && lines[0].length < width * 0.75 && /^[\p{Lu}\p{N}"“«]/u.test(lines[1]) && width <= WRAP_WIDTH;
}

const CONTINUES = /\b(from|and|to|of|the|in|with|for|a|an|or|by|on|at|between|than|that|as)$/;

/**
 * "... from May 22 to June 2 and from" + blank line + "September 25 ..." is one
 * sentence. The file's first paragraph is never joined: it is a headline or a
 * teaser, and a headline may end in any word.
 */
function joinBrokenSentences(ps: RawParagraph[]): RawParagraph[] {
  const out: RawParagraph[] = [];
  for (const p of ps) {
    const prev = out[out.length - 1];
    if (prev && out.length > 1 && p.gapBefore <= 1 && CONTINUES.test(prev.text) && prev.text.length > 40 && !/^[-•*\d]/.test(p.text)) {
      prev.text = `${prev.text} ${p.text}`;
    } else out.push({ ...p });
  }
  return out;
}

const PHOTO_FILE = /(?<![\p{L}\p{N}])[\p{L}\p{N}_\-.]+\.(?:jpe?g|png|gif|bmp|tiff?|webp|heic)(?![\p{L}\p{N}])/giu;
const PHOTO_MARKER = /\(\s*(?:photo|photos|фото|фотогалерея)[^()]{0,80}\)/giu;
const NAVIGATION = /^(?:go back|back|back to (?:the )?(?:section|all news|news|list|top)|to the (?:section|list)|назад|вернуться(?: к| в)? .{0,30}|к списку новостей|все новости|print(?: version)?|версия для печати|share|поделиться|read more|подробнее)[.!]?$/iu;

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:^|\s)\+?\s?\d[\d\s().\-]{7,}\d/;
const CONTACT_WORDS = /\b(?:spokes(?:man|woman|person)|press secretary|press (?:service|office|center|centre)|tel\.?|phone|fax|e-?mail)\b|пресс-секретар|пресс-служб|тел\.|факс|эл\.\s?почта|телефон/iu;

/** Cheap tests first: the furniture patterns are costly, and most paragraphs hold none. */
const MAY_HAVE_PHOTO = /\.(?:jpe?g|png|gif|bmp|tiff?|webp|heic)/i;
const MAY_HAVE_MARKER = /\(\s*(?:photo|фото)/i;

/** Removes photo names and gallery markers inside a paragraph; '' when nothing is left. */
export function stripInlineFurniture(text: string): string {
  let t = text;
  if (MAY_HAVE_PHOTO.test(t)) t = t.replace(PHOTO_FILE, ' ');
  if (MAY_HAVE_MARKER.test(t)) t = t.replace(PHOTO_MARKER, ' ');
  t = cleanSpaces(t);
  return /[\p{L}\p{N}]/u.test(t) ? t : '';
}

export function isNavigation(text: string): boolean {
  return NAVIGATION.test(text.trim());
}

export function isContactLine(text: string): boolean {
  if (text.length > 140) return false;
  return EMAIL.test(text) || PHONE.test(text) || CONTACT_WORDS.test(text);
}

/** Paragraphs of a page without navigation, photo names, gallery markers and the trailing contact block. */
export function pageParagraphs(raw: string): RawParagraph[] {
  const kept: RawParagraph[] = [];
  let carryGap = 0;
  for (const p of splitParagraphs(raw)) {
    const text = isNavigation(p.text) ? '' : stripInlineFurniture(p.text);
    if (!text) {
      carryGap = Math.max(carryGap, p.gapBefore) + 1;
      continue;
    }
    kept.push({ text, gapBefore: Math.max(p.gapBefore, carryGap > 0 ? carryGap : 0) });
    carryGap = 0;
  }
  // The contact block closes the page: drop it from the end, line by line.
  while (kept.length > 1 && isContactLine(kept[kept.length - 1].text)) kept.pop();
  return kept;
}
