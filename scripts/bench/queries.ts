/**
 * The fixed query mix both engines answer, and its translation to MiniSearch.
 *
 * Queries come from the corpus vocabulary (not from a generated archive), so
 * the mix is the same at every size and on every run. Each query is written in
 * this project's Lunr syntax and carries the MiniSearch call that asks the same
 * question: MiniSearch has no query language, so field scopes, prefixes, fuzzy
 * matching and AND become options; it has no phrases, so a phrase becomes an AND
 * of its words (the candidate set a phrase check would then filter).
 */
import { INVENTED_SALT, inventedWordAt } from './generate';
import { makeRng, pick, zipfRank, type Rng } from './rng';
import type { Vocabulary } from './vocabulary';

export type QueryKind = 'single' | 'or' | 'and' | 'prefix' | 'fuzzy' | 'field' | 'phrase' | 'russian';

export interface MiniSearchQuery {
  text: string;
  options: {
    fields?: string[];
    prefix?: boolean;
    fuzzy?: number;
    combineWith?: 'AND' | 'OR';
  };
}

export interface BenchQuery {
  kind: QueryKind;
  /** What a person types into this project's search box (Lunr syntax). */
  lunr: string;
  mini: MiniSearchQuery;
}

/** How many of each kind: 220 queries in all. */
const MIX: Record<QueryKind, number> = {
  single: 45,
  or: 15,
  and: 35,
  prefix: 30,
  fuzzy: 25,
  field: 25,
  phrase: 20,
  russian: 25,
};

/** A typo a person makes: one letter substituted in the middle of the word. */
function typo(rng: Rng, word: string): string {
  const i = 1 + Math.floor(rng() * (word.length - 2));
  const letters = /[a-z]/.test(word) ? 'aeioustrnl' : 'аеиострнл';
  let c = pick(rng, [...letters]);
  if (c === word[i]) c = letters[(letters.indexOf(c) + 1) % letters.length];
  return word.slice(0, i) + c + word.slice(i + 1);
}

/**
 * Query words spread over the vocabulary as searches are: a quarter among the
 * 60 most frequent corpus words (they match most articles: the heavy case), a
 * quarter among the next 400, and half among invented words (names and rare
 * terms, each in a few per cent of the articles or fewer). Invented words are
 * taken from the first 3,000 ranks, which occur even in a 1,000-article archive.
 */
function spread(rng: Rng, words: string[], invented: (rank: number) => string): string {
  const band = rng();
  const n = words.length;
  if (band < 0.25) return words[Math.floor(rng() * Math.min(60, n))];
  if (band < 0.5) return words[Math.min(n - 1, 60 + Math.floor(rng() * Math.min(400, n - 60)))];
  return invented(zipfRank(rng, 3000)).toLowerCase();
}

export function buildQueryMix(vocab: Vocabulary, seed = 4242): BenchQuery[] {
  const rng = makeRng(seed);
  const en = vocab.en.words.filter((w) => /^[a-z]+$/.test(w));
  const ru = vocab.ru.words.filter((w) => /^[а-яё]+$/.test(w));
  const phrases = vocab.en.phrases.filter((p) => /^[a-z]+ [a-z]+$/.test(p));
  const enInvented = (rank: number) => inventedWordAt(vocab.en, INVENTED_SALT.en, rank);
  const ruInvented = (rank: number) => inventedWordAt(vocab.ru, INVENTED_SALT.ru, rank).toLowerCase();
  const word = () => spread(rng, en, enInvented);
  const out: BenchQuery[] = [];
  const seen = new Set<string>();
  const add = (q: BenchQuery) => {
    if (seen.has(q.lunr)) return false;
    seen.add(q.lunr);
    out.push(q);
    return true;
  };
  const fill = (kind: QueryKind, make: () => BenchQuery) => {
    let made = 0;
    for (let tries = 0; made < MIX[kind] && tries < MIX[kind] * 50; tries++) if (add(make())) made++;
    if (made < MIX[kind]) throw new Error(`bench: not enough vocabulary for ${kind} queries (${made}/${MIX[kind]})`);
  };

  fill('single', () => {
    const w = word();
    return { kind: 'single', lunr: w, mini: { text: w, options: {} } };
  });
  fill('or', () => {
    const ws = [word(), word(), word()];
    return { kind: 'or', lunr: ws.join(' '), mini: { text: ws.join(' '), options: { combineWith: 'OR' } } };
  });
  fill('and', () => {
    const a = word();
    const b = word();
    return { kind: 'and', lunr: `+${a} +${b}`, mini: { text: `${a} ${b}`, options: { combineWith: 'AND' } } };
  });
  fill('prefix', () => {
    let w = word();
    while (w.length < 6) w = word();
    const stem = w.slice(0, 4 + Math.floor(rng() * 3));
    return { kind: 'prefix', lunr: `${stem}*`, mini: { text: stem, options: { prefix: true } } };
  });
  // Words of 5-7 letters, so MiniSearch's fuzzy 0.2 allows one edit, like Lunr's ~1.
  fill('fuzzy', () => {
    let w = word();
    while (w.length < 5 || w.length > 7) w = word();
    w = typo(rng, w);
    return { kind: 'fuzzy', lunr: `${w}~1`, mini: { text: w, options: { fuzzy: 0.2 } } };
  });
  fill('field', () => {
    const w = word();
    return { kind: 'field', lunr: `title:${w}`, mini: { text: w, options: { fields: ['title'] } } };
  });
  fill('phrase', () => {
    const p = phrases[Math.floor(rng() * Math.min(phrases.length, 200))];
    return { kind: 'phrase', lunr: `"${p}"`, mini: { text: p, options: { combineWith: 'AND' } } };
  });
  fill('russian', () => {
    // Half corpus words, half invented (rarer) Russian words.
    const w = rng() < 0.5 ? pick(rng, ru) : ruInvented(zipfRank(rng, 3000));
    // Half ask for another form of the word: Russian stemming should still find it.
    const form = rng() < 0.5 || w.length < 6 ? w : w.slice(0, -1) + pick(rng, ['а', 'у', 'ы', 'ой', 'е']);
    return { kind: 'russian', lunr: form, mini: { text: form, options: {} } };
  });
  return out;
}

/** Queries that must be answered or refused quickly (they take seconds in plain Lunr). */
export interface BoundedQuery {
  label: string;
  lunr: string;
  mini: MiniSearchQuery;
}

export function boundedQueries(vocab: Vocabulary): BoundedQuery[] {
  const long = Array.from({ length: 2000 }, (_, i) => vocab.en.words[i % vocab.en.words.length]).join(' ').slice(0, 10_000);
  return [
    { label: '*', lunr: '*', mini: { text: '*', options: { prefix: true } } },
    { label: 'leading wildcard *tion', lunr: '*tion', mini: { text: 'tion', options: { prefix: true } } },
    { label: 'single-letter prefix s*', lunr: 's*', mini: { text: 's', options: { prefix: true } } },
    { label: '10,000-character string', lunr: long, mini: { text: long, options: {} } },
  ];
}
