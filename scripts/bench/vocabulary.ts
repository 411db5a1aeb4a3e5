/**
 * The language model behind the synthetic archives: word chains learned from
 * the bundled corpus (resources/corpus/*.txt), one for English and one for
 * Russian, plus syllables for inventing new words.
 *
 * The corpus is only ~48 KB (a few thousand distinct words). Real archives of
 * tens of thousands of articles have a vocabulary that keeps growing (names,
 * places, rare words), and that growth is what makes an inverted index big and
 * prefix/fuzzy expansion slow. So the generator mixes corpus text (realistic
 * word order and frequencies, real phrases) with invented words drawn from a
 * Zipf-distributed pool built from the corpus's own syllables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Chain {
  /** Tokens that start a sentence, repeated by frequency. */
  starts: string[];
  /** token -> tokens seen after it, repeated by frequency. */
  next: Map<string, string[]>;
  /** Syllables of the language's words, for invented words. */
  syllables: string[];
  /** Lower-case alphabetic words of length >= 4, most frequent first (stopwords dropped). */
  words: string[];
  /** Two-word phrases seen in the corpus (lower case, alphabetic), most frequent first. */
  phrases: string[];
}

export interface Vocabulary {
  en: Chain;
  ru: Chain;
}

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[a-z]/i;

/** Lines that are page furniture, not prose: photo files, contacts, navigation. */
const NOISE = /@|\.jpe?g\b|\+7|tel\.|fax|go back|back to the|photo gallery|^\s*[-–—]?\s*$/i;

const STOP = new Set(
  'that this with from have were which their they them will would been also into there these those than then such other about after over more most only some very when what where while being under between both each same shall should could must upon'.split(' '),
);

export function corpusDir(root: string): string {
  return join(root, 'resources', 'corpus');
}

/** Paragraph-sized blocks of the corpus, split by language. */
function corpusParagraphs(dir: string): { en: string[]; ru: string[] } {
  const en: string[] = [];
  const ru: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8').replace(/\r\n?/g, '\n');
    for (const block of text.split(/\n\s*\n/)) {
      const para = block.replace(/\s+/g, ' ').trim();
      if (para.split(' ').length < 6 || NOISE.test(para)) continue;
      const cyr = (para.match(/[\u0400-\u04ff]/g) ?? []).length;
      const lat = (para.match(/[a-z]/gi) ?? []).length;
      (cyr > lat ? ru : en).push(para);
    }
  }
  return { en, ru };
}

function isSentenceEnd(token: string): boolean {
  return /[.!?]["»”)]?$/.test(token);
}

function buildChain(paragraphs: string[], vowels: RegExp, letter: RegExp): Chain {
  const starts: string[] = [];
  const next = new Map<string, string[]>();
  const counts = new Map<string, number>();
  const phraseCounts = new Map<string, number>();
  const syllableSet = new Set<string>();
  for (const para of paragraphs) {
    const tokens = para.split(' ');
    let atStart = true;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (atStart) starts.push(tok);
      atStart = isSentenceEnd(tok);
      if (i + 1 < tokens.length && !atStart) {
        const list = next.get(tok);
        if (list) list.push(tokens[i + 1]);
        else next.set(tok, [tokens[i + 1]]);
      }
      const word = bareWord(tok);
      if (word && letter.test(word)) {
        if (word.length >= 4 && !STOP.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
        for (const s of word.match(vowels) ?? []) if (s.length >= 2 && s.length <= 4) syllableSet.add(s);
        const after = i + 1 < tokens.length && !/[,;:.!?]$/.test(tok) ? bareWord(tokens[i + 1]) : null;
        if (after && word.length >= 3 && after.length >= 4 && !STOP.has(word) && !STOP.has(after)) {
          const phrase = `${word} ${after}`;
          phraseCounts.set(phrase, (phraseCounts.get(phrase) ?? 0) + 1);
        }
      }
    }
  }
  const byFreq = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  return {
    starts,
    next,
    syllables: [...syllableSet].sort(),
    words: byFreq(counts),
    phrases: byFreq(phraseCounts),
  };
}

/** A token reduced to its lower-case letters, or null if it has other characters inside. */
export function bareWord(token: string): string | null {
  const w = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').toLowerCase();
  return /^[\p{L}]+$/u.test(w) ? w : null;
}

export function loadVocabulary(root: string): Vocabulary {
  const { en, ru } = corpusParagraphs(corpusDir(root));
  if (en.length === 0 || ru.length === 0) {
    throw new Error(`bench: the corpus in ${corpusDir(root)} has no usable English or Russian paragraphs`);
  }
  return {
    en: buildChain(en, /[^aeiouy]*[aeiouy]+/g, LATIN),
    ru: buildChain(ru, /[^аеёиоуыэюя]*[аеёиоуыэюя]+/g, CYRILLIC),
  };
}
