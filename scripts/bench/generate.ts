/**
 * Writes deterministic synthetic archives: a folder of headline-first .txt
 * articles (first line the headline, a blank line, then paragraphs separated by
 * blank lines), the plain-text export format the archive core ingests.
 *
 * Articles are 300-1,200 words (about 5 KB each, ~50 MB per 10,000), English
 * with a Russian paragraph or two in about a quarter of them, and open with a
 * dated sentence ("On March 4, 2019, ...") so dates and years can be found.
 * Generated folders are cached under the work directory (keyed by generator
 * version, seed and size) because writing 50,000 files takes a while.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { intBetween, makeRng, mixSeed, pick, zipfRank, type Rng } from './rng';
import type { Chain, Vocabulary } from './vocabulary';

/** Bump when the output changes, so cached folders are regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20131;

/** How many invented words exist; Zipf sampling makes the vocabulary grow with size. */
const INVENTED_POOL = 200_000;
/** Share of tokens replaced by invented words (names, rare terms). */
const INVENTED_SHARE = 0.07;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface GeneratedArchive {
  dir: string;
  size: number;
  seed: number;
  bytes: number;
  words: number;
  /** Time to generate, or 0 when a cached folder was reused. */
  ms: number;
  cached: boolean;
}

export interface Article {
  title: string;
  paragraphs: string[];
  words: number;
}

/** Salts of the invented-word pools, per language. */
export const INVENTED_SALT = { en: 7001, ru: 7002 } as const;

/** The invented word of a rank: computed from the rank alone, so every run (and the query mix) agrees. */
export function inventedWordAt(chain: Chain, salt: number, rank: number): string {
  const rng = makeRng(mixSeed(salt, rank));
  let w = '';
  const n = intBetween(rng, 2, 4);
  for (let i = 0; i < n; i++) w += pick(rng, chain.syllables);
  // Every third invented word is a name, capitalized in running text.
  return rank % 3 === 0 ? w[0].toUpperCase() + w.slice(1) : w;
}

class InventedWords {
  private cache = new Map<number, string>();
  constructor(private chain: Chain, private salt: number) {}

  word(rank: number): string {
    let w = this.cache.get(rank);
    if (w === undefined) {
      w = inventedWordAt(this.chain, this.salt, rank);
      this.cache.set(rank, w);
    }
    return w;
  }
}

class Writer {
  private enWords: InventedWords;
  private ruWords: InventedWords;
  constructor(private vocab: Vocabulary) {
    this.enWords = new InventedWords(vocab.en, INVENTED_SALT.en);
    this.ruWords = new InventedWords(vocab.ru, INVENTED_SALT.ru);
  }

  /** About `target` words of running text from a chain, ending at a sentence end when possible. */
  private text(rng: Rng, chain: Chain, invented: InventedWords, target: number): string[] {
    const out: string[] = [];
    let tok = pick(rng, chain.starts);
    while (out.length < target || !/[.!?]$/.test(out[out.length - 1])) {
      if (out.length > target + 40) {
        out[out.length - 1] = out[out.length - 1].replace(/[,;:]?$/, '.');
        break;
      }
      if (rng() < INVENTED_SHARE) {
        const suffix = tok.match(/[^\p{L}]*$/u)?.[0] ?? '';
        out.push(invented.word(zipfRank(rng, INVENTED_POOL)) + suffix);
      } else {
        out.push(tok);
      }
      const followers = /[.!?]$/.test(tok) ? undefined : chain.next.get(tok);
      tok = followers ? pick(rng, followers) : pick(rng, chain.starts);
    }
    return out;
  }

  article(seed: number, index: number): Article {
    const rng = makeRng(mixSeed(seed, index));
    const target = intBetween(rng, 300, 1200);
    const hasRussian = rng() < 0.25;
    const titleTokens = this.text(rng, this.vocab.en, this.enWords, intBetween(rng, 5, 11)).slice(0, 12);
    let title = titleTokens.join(' ').replace(/[.,;:!?]+$/, '');
    title = title[0].toUpperCase() + title.slice(1);
    const date = `${pick(rng, MONTHS)} ${intBetween(rng, 1, 28)}, ${intBetween(rng, 2005, 2024)}`;
    const paragraphs: string[] = [];
    let words = 0;
    let russianLeft = hasRussian ? intBetween(rng, 1, 2) : 0;
    while (words < target) {
      const len = Math.min(intBetween(rng, 40, 160), Math.max(target - words, 30));
      const russian = russianLeft > 0 && paragraphs.length > 0 && rng() < 0.5;
      const tokens = russian
        ? this.text(rng, this.vocab.ru, this.ruWords, len)
        : this.text(rng, this.vocab.en, this.enWords, len);
      if (russian) russianLeft--;
      if (paragraphs.length === 0) tokens.unshift('On', `${date},`);
      paragraphs.push(tokens.join(' '));
      words += tokens.length;
    }
    return { title, paragraphs, words: words + titleTokens.length };
  }
}

export function articleFileName(index: number): string {
  return `${String(index).padStart(6, '0')}.txt`;
}

export function articleText(a: Article): string {
  return `${a.title}\n\n${a.paragraphs.join('\n\n')}\n`;
}

/** The articles of an archive of `size`, one at a time (article i never depends on size). */
export function* articles(vocab: Vocabulary, size: number, seed = DEFAULT_SEED): Generator<Article> {
  const writer = new Writer(vocab);
  for (let i = 0; i < size; i++) yield writer.article(seed, i);
}

/** Writes (or reuses) the folder for `size` articles under `workDir`. */
export function generateArchive(
  vocab: Vocabulary,
  workDir: string,
  size: number,
  seed = DEFAULT_SEED,
  onProgress?: (done: number, total: number) => void,
): GeneratedArchive {
  const name = `articles-v${GENERATOR_VERSION}-s${seed}-${size}`;
  const dir = join(workDir, name);
  const manifest = join(workDir, `${name}.json`);
  if (existsSync(manifest) && existsSync(dir)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as GeneratedArchive;
    if (m.size === size && m.seed === seed) return { ...m, dir, ms: 0, cached: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  let bytes = 0;
  let words = 0;
  let i = 0;
  for (const a of articles(vocab, size, seed)) {
    const text = articleText(a);
    writeFileSync(join(dir, articleFileName(i)), text);
    bytes += Buffer.byteLength(text);
    words += a.words;
    i++;
    if (onProgress && (i % 1000 === 0 || i === size)) onProgress(i, size);
  }
  const result: GeneratedArchive = { dir, size, seed, bytes, words, ms: performance.now() - started, cached: false };
  writeFileSync(manifest, JSON.stringify(result));
  return result;
}
