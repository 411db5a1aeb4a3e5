/**
 * Small text helpers shared by ingestion and search: whitespace cleanup,
 * diacritic folding, language of a paragraph, hashing. They live together
 * because ingestion and the search pipeline must agree on them exactly
 * (a folded index term has to equal a folded query term).
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../shared/model';

/** Non-breaking and other odd spaces become plain spaces; runs collapse. */
export function cleanSpaces(s: string): string {
  return s
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const LIGATURES: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i',
};

/**
 * Fold Latin diacritics (café -> cafe) and Russian ё -> е. Cyrillic й keeps
 * its breve: folding it would change Russian words and defeat the stemmer.
 */
export function foldDiacritics(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
    .replace(/([еЕ])\u0308/g, '$1')
    .normalize('NFC')
    .replace(/[ßæÆœŒøØłŁđĐı]/g, (c) => LIGATURES[c] ?? c);
}

/** Lowercased, folded, punctuation-free words: for comparing texts, not for display. */
export function normalizeForCompare(s: string): string {
  return foldDiacritics(s.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Cyrillic and Latin letters in a string. */
export function letterCounts(s: string): { cyr: number; lat: number } {
  let cyr = 0;
  let lat = 0;
  // Code units, not a regex per character: ingestion runs this on every paragraph.
  // (No surrogate falls in either range, so this counts as iterating code points would.)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) lat++;
  }
  return { cyr, lat };
}

/** Cyrillic share of the letters decides: a text is `ru` when most of its letters are Cyrillic. */
export function langOf({ cyr, lat }: { cyr: number; lat: number }): Lang {
  return cyr > lat ? 'ru' : 'en';
}

export function sha256(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('hex');
}

/** True when the string ends a sentence (or a quoted sentence). */
export function endsSentence(s: string): boolean {
  return /[.!?…:;]["'”»)]*$/.test(s.trim()) || /["”»]$/.test(s.trim());
}

/** First sentence of a paragraph, cut at a clause boundary when long. */
export function shortTitle(text: string, max = 140): string {
  const t = cleanSpaces(text);
  const sentence = /^(.+?[.!?])(\s+[A-ZА-ЯЁ"“«]|$)/u.exec(t);
  let s = sentence ? sentence[1] : t;
  const complete = s.length <= max && (sentence !== null || endsSentence(t) || t.length <= max);
  if (complete) return s.replace(/[.]$/, '');
  // Cut before the last connecting word that fits, so the title reads as a clause.
  const words = s.split(' ');
  let cut = '';
  let best = '';
  for (let i = 0; i < words.length; i++) {
    const next = cut ? `${cut} ${words[i]}` : words[i];
    if (next.length > max) break;
    if (/^(in|with|and|for|on|at|to|after|during|from|which|that|who|as|under|by)$/i.test(words[i]) && cut) best = cut;
    cut = next;
  }
  s = (best.length >= max * 0.6 ? best : cut).replace(/[,;:\s-]+$/, '');
  return `${s}…`;
}
