/**
 * Synthetic headline-first articles (first line the headline, a blank line,
 * then paragraphs: the plain-text export format the archive core ingests), a
 * few hundred of them, seeded so every run writes the same files. English
 * with some Russian and some diacritics, optional date line under the
 * headline. Returns what each file should become, so tests can check titles.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chance, int, makeRng, pick, type Rng } from './rng';

const EN = (
  'security council ministers meeting border patrol exercise agreement cooperation defence region treaty summit delegation ' +
  'training forces command staff session report members states capital secretary general operation peacekeeping drills ' +
  'forum committee experts threat terrorism drugs migration cyber protection crisis response unit brigade airfield harbour ' +
  'railway bridge valley mountain river winter spring autumn summer budget plan programme research library archive museum'
).split(' ');
const NAMES = ['Minsk', 'Bishkek', 'Dushanbe', 'Yerevan', 'Astana', 'Moscow', 'Bordyuzha', 'Tasmagambetov', 'Zas', 'Café Rivière', 'Søndergård', 'Łódź'];
const RU = 'граница безопасность сотрудничество учения совет министры встреча договор оборона регион саммит делегация штаб'.split(' ');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface SyntheticArticle {
  file: string;
  title: string;
  published: string | null;
  text: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(rng: Rng, ru = false): string {
  const words = Array.from({ length: int(rng, 6, 18) }, () => (ru ? pick(rng, RU) : chance(rng, 0.12) ? pick(rng, NAMES) : pick(rng, EN)));
  return `${cap(words.join(' '))}.`;
}

export function syntheticArticle(rng: Rng, i: number): SyntheticArticle {
  // A serial word keeps titles distinct; headlines do not end a sentence.
  const title = cap([...Array.from({ length: int(rng, 2, 7) }, () => (chance(rng, 0.2) ? pick(rng, NAMES) : pick(rng, EN))), `n${i}`].join(' '));
  const year = int(rng, 2005, 2025);
  const dated = chance(rng, 0.5);
  const published = dated ? `${year}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}` : null;
  const paras: string[] = [];
  paras.push(`On ${pick(rng, MONTHS)} ${int(rng, 1, 28)}, ${year}, ${sentence(rng).toLowerCase()}`);
  for (let p = int(rng, 1, 6); p > 0; p--) paras.push(Array.from({ length: int(rng, 1, 5) }, () => sentence(rng, chance(rng, 0.15))).join(' '));
  const dateLine = published ? `${published.slice(8, 10)}.${published.slice(5, 7)}.${published.slice(0, 4)}` : null;
  const text = [title, ...(dateLine ? [dateLine] : []), ...paras].join('\n\n') + '\n';
  return { file: `art-${String(i).padStart(4, '0')}.txt`, title, published, text };
}

/** Writes `count` articles into `dir` (created); returns them. */
export async function writeSyntheticFolder(dir: string, count: number, seed: number): Promise<SyntheticArticle[]> {
  await mkdir(dir, { recursive: true });
  const rng = makeRng(seed);
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const a = syntheticArticle(rng, i);
    await writeFile(join(dir, a.file), a.text);
    out.push(a);
  }
  return out;
}
