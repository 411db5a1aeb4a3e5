/**
 * Query strings for the search fuzzer: Lunr's grammar used and misused
 * (presence, fields valid and invalid, wildcards, fuzziness, boosts, quoted
 * phrases, unbalanced quotes), words from the archive itself (so many queries
 * hit and exercise snippets and highlights), typos (the fuzzy retry), Unicode
 * that breaks naive code (combining marks, emoji, RTL, zero-width, lone
 * surrogates, NUL), whitespace-only input and strings up to 100,000 chars.
 */
import { chance, int, pick, type Rng } from './rng';

export type QueryKind = 'grammar' | 'operators' | 'unicode' | 'long' | 'whitespace' | 'typo' | 'codeunits' | 'classic';

const FIELDS = ['title', 'body', 'facets', 'TITLE', 'Title', 'titel', 'author', 'date', '', '__proto__', 'constructor', 'a:b', 'title:body', 'тема', '*', '1'];
const OPERATOR_CHARS = ['+', '-', '~', '^', '*', ':', '"', '“', '”', '«', '»', '„', '(', ')', '\\', ' ', ' ', ' ', '?', '!', '&&', '||', '/', '.', ',', "'", '`', '[', ']', '{', '}'];
const RU_WORDS = ['граница', 'границы', 'Минск', 'безопасность', 'ОДКБ', 'учения', 'ёлка', 'и', 'в', 'сотрудничество', 'Москва', 'Бишкек'];
const CLASSIC = [
  'title:', 'body:', ':', '~', '+', '-', '^', '*', '**', '*:*', 'a:b:c', 'foo~', 'foo~-1', 'foo~99', 'foo~1~2', 'foo^', 'foo^abc', 'foo^-1', 'foo^0',
  'foo^1e308', 'foo^Infinity', 'foo^NaN', 'foo~1e9', 'foo~9999999999999999999', 'title:^2', '+-', '-+a', '*a', 'a*', 's*e*c', 'title:*', 'body:~2', '"', '""', '" "',
  '"unclosed phrase', 'NOT', 'AND OR', '<script>alert(1)</script>', '%s%n', '${x}', '__proto__', 'hasOwnProperty', 'title:__proto__', 'toString:', 'valueOf~1',
];

// Pools of awkward code points.
const COMBINING = ['\u0301', '\u0308', '\u0327', '\u0306', '\u0336', '\u20dd', '\u0489'];
const EMOJI = ['🙂', '🔥', '👩‍👩‍👧', '🏳️‍🌈', '🇷🇺', '👍🏽', '\u{1F600}', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '𠜎'];
const RTL = ['\u202e', '\u202b', '\u200f', '\u061c', 'مرحبا', 'שלום', 'العربية', '\u2067', '\u2069'];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e'];
const ODD = ['\u0000', '\u0001', '\u001f', '\u007f', '\ud800', '\udfff', '\udc00\ud800', '\ufffd', '\uffff', '\u2028', '\u2029', '\u0085', 'İ', 'ß', 'ﬁ', 'Å', 'café', 'naïve', '中国', 'ﾊﾝｶｸ'];
const SPACES = [' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\u000b', '\u000c', '\u1680'];

export interface GeneratedQuery {
  kind: QueryKind;
  query: string;
}

/** One query; `words` are real words of the archive under test. */
export function generateQuery(rng: Rng, words: readonly string[]): GeneratedQuery {
  const r = rng();
  const kind: QueryKind =
    r < 0.34 ? 'grammar' : r < 0.46 ? 'operators' : r < 0.6 ? 'unicode' : r < 0.64 ? 'long' : r < 0.67 ? 'whitespace' : r < 0.8 ? 'typo' : r < 0.88 ? 'codeunits' : 'classic';
  return { kind, query: build(kind, rng, words) };
}

function build(kind: QueryKind, rng: Rng, words: readonly string[]): string {
  switch (kind) {
    case 'grammar':
      return Array.from({ length: int(rng, 1, chance(rng, 0.05) ? 50 : 6) }, () => term(rng, words)).join(pick(rng, [' ', ' ', '  ', '\t', ' + ']));
    case 'operators':
      return Array.from({ length: int(rng, 1, 20) }, () => (chance(rng, 0.3) ? word(rng, words) : pick(rng, OPERATOR_CHARS))).join('');
    case 'unicode':
      return Array.from({ length: int(rng, 1, 12) }, () => unicodeBit(rng, words)).join(chance(rng, 0.5) ? ' ' : '');
    case 'long': {
      const unit = chance(rng, 0.5) ? `${term(rng, words)} ` : pick(rng, ['a', '*', '"', '~', 'title:', 'é', '🙂', '\u0301', 'x~2 ', '-', ' ']);
      const target = pick(rng, [999, 1000, 1001, 5000, int(rng, 1000, 100_000), 100_000]);
      return unit.repeat(Math.ceil(target / unit.length)).slice(0, target);
    }
    case 'whitespace':
      return Array.from({ length: int(rng, 0, 30) }, () => pick(rng, [...SPACES, ...ZERO_WIDTH])).join('');
    case 'typo':
      return Array.from({ length: int(rng, 1, 3) }, () => typo(rng, word(rng, words))).join(' ');
    case 'codeunits':
      // Raw UTF-16 code units: lone surrogates, controls, private use, anything.
      return String.fromCharCode(...Array.from({ length: int(rng, 1, 40) }, () => (chance(rng, 0.5) ? int(rng, 0, 0x7f) : int(rng, 0, 0xffff))));
    case 'classic':
      return mutate(rng, pick(rng, CLASSIC), words);
  }
}

function word(rng: Rng, words: readonly string[]): string {
  if (chance(rng, 0.12)) return pick(rng, RU_WORDS);
  if (words.length === 0 || chance(rng, 0.08)) return Array.from({ length: int(rng, 1, 10) }, () => String.fromCharCode(int(rng, 97, 122))).join('');
  return pick(rng, words);
}

/** One Lunr clause, well- or ill-formed. */
function term(rng: Rng, words: readonly string[]): string {
  let t = chance(rng, 0.15) ? `"${Array.from({ length: int(rng, 1, 4) }, () => word(rng, words)).join(' ')}${chance(rng, 0.2) ? '' : '"'}` : word(rng, words);
  if (chance(rng, 0.2)) t = `${pick(rng, FIELDS)}:${chance(rng, 0.1) ? '' : t}`;
  if (chance(rng, 0.25)) t = `${pick(rng, ['+', '-', '+', '-', '--', '+-'])}${t}`;
  if (chance(rng, 0.15)) t = chance(rng, 0.5) ? `${t}*` : `*${t}`;
  if (chance(rng, 0.15)) t = `${t}~${pick(rng, ['', '0', '1', '2', '3', '-1', '9', '99', '1e9', 'x', '1.5'])}`;
  if (chance(rng, 0.15)) t = `${t}^${pick(rng, ['', '0', '1', '2', '10', '-5', '1e308', '99999999999', 'abc', '0.001', 'NaN'])}`;
  if (chance(rng, 0.05)) t = `${t}:${word(rng, words)}`;
  return t;
}

function unicodeBit(rng: Rng, words: readonly string[]): string {
  const w = word(rng, words);
  switch (int(rng, 0, 6)) {
    case 0:
      return [...w].map((c) => c + (chance(rng, 0.5) ? pick(rng, COMBINING) : '')).join('');
    case 1:
      return pick(rng, EMOJI) + (chance(rng, 0.5) ? w : '');
    case 2:
      return pick(rng, RTL) + w;
    case 3:
      return [...w].join(pick(rng, ZERO_WIDTH));
    case 4:
      return pick(rng, ODD) + w + pick(rng, ODD);
    case 5:
      return w.normalize(pick(rng, ['NFC', 'NFD', 'NFKC', 'NFKD'] as const)).toUpperCase();
    default:
      return pick(rng, RU_WORDS) + pick(rng, COMBINING);
  }
}

function typo(rng: Rng, w: string): string {
  const chars = [...w];
  if (chars.length < 2) return w + 'x';
  const i = int(rng, 0, chars.length - 1);
  switch (int(rng, 0, 3)) {
    case 0:
      chars.splice(i, 1);
      break;
    case 1:
      chars.splice(i, 0, String.fromCharCode(int(rng, 97, 122)));
      break;
    case 2:
      chars[i] = String.fromCharCode(int(rng, 97, 122));
      break;
    default:
      if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  }
  return chars.join('');
}

function mutate(rng: Rng, s: string, words: readonly string[]): string {
  if (chance(rng, 0.4)) return s;
  const w = word(rng, words);
  return pick(rng, [`${w} ${s}`, `${s}${w}`, `${s} ${w}`, `${s}${s}`, s.toUpperCase(), `${w}${s}${w}`]);
}
