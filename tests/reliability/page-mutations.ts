/**
 * What a real folder of pages can hold, for the ingestion fuzzer: good pages
 * re-encoded in ways that must not change the result (CRLF, CR, BOM, injected
 * boilerplate, shuffled or duplicated body paragraphs, huge lines), damaged
 * pages whose result may go either way (cut at a random point, shuffled whole,
 * random text), pages saved in other encodings (UTF-16 with a BOM: read as
 * the same page; Latin-1, damaged UTF-8: read, never skipped), and entries
 * that must be skipped with a reason (binary, NUL bytes, empty, a FIFO named
 * .txt, dangling links, links out of the folder). Each entry says what the
 * ingester must make of it.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chance, int, pick, shuffle, type Rng } from './rng';

export type Entry = {
  name: string;
  /** good: ingested as an article with `title` (and `published` when set); bad: skipped with `reason`; either: one or the other. */
  expect: 'good' | 'bad' | 'either';
  title?: string;
  published?: string | null;
  reason?: RegExp;
  /** Boilerplate was injected: none of it may reach the article body. */
  boilerplate?: boolean;
  what: string;
} & ({ type: 'file'; data: Buffer } | { type: 'dir' } | { type: 'fifo' } | { type: 'link'; target: string });

export interface Page {
  name: string;
  text: string;
  title: string;
  published: string | null;
}

const BOILERPLATE_LINES = ['Go back', 'Back to the section', 'Back to the all news', 'ZVF_3021.JPG ZVF_3111.JPG', '(Photo gallery of the CSTO CSC)', 'Назад'];
const CONTACT_BLOCK = ['Press secretary of the CSTO Vladimir Zainetdinov', '+ 7-495-621-33-23-tel / fax', 'E-mail: odkb-pressa@gov.ru'];
/** What must never be left in an article body after boilerplate was injected. */
export const BOILERPLATE_LEFT = /^(Go back|Back to the section|Back to the all news|Назад)$|ZVF_\d+\.JPG|\(Photo gallery|odkb-pressa@gov\.ru|621-33-23/;

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Same text, new line endings / BOM / whitespace: the ingester must read it identically. */
export function reencode(rng: Rng, text: string): { data: Buffer; what: string } {
  switch (int(rng, 0, 4)) {
    case 0:
      return { data: utf8(text.replace(/\n/g, '\r\n')), what: 'CRLF' };
    case 1:
      return { data: utf8(text.replace(/\n/g, '\r')), what: 'CR' };
    case 2:
      return { data: utf8(`\ufeff${text}`), what: 'BOM' };
    case 3:
      return { data: utf8(text.replace(/ /g, () => (chance(rng, 0.02) ? '\u00a0' : ' ')).replace(/\n/g, ' \t\n')), what: 'odd spaces' };
    default:
      return { data: utf8(text), what: 'as is' };
  }
}

/** A headline-first article changed in ways that keep its title, date and meaning. */
export function goodVariant(rng: Rng, a: Page): Entry {
  const [head, ...rest] = a.text.trimEnd().split('\n\n');
  const dated = a.published !== null;
  const dateLine = dated ? rest.shift()! : null;
  let body = rest;
  const whats: string[] = [];
  let boilerplate = false;
  if (chance(rng, 0.3)) (body = shuffle(rng, body)), whats.push('shuffled body');
  if (chance(rng, 0.3)) (body = [...body, ...body.slice(0, int(rng, 1, body.length))]), whats.push('duplicated paragraphs');
  // Before the boilerplate: built from article words only, and the contact block must stay last (it closes a page).
  if (chance(rng, 0.1)) {
    const words = body.join(' ').split(' ');
    body = [...body, Array.from({ length: int(rng, 50_000, 250_000) }, () => pick(rng, words)).join(' ') + '.'];
    whats.push('huge line');
  }
  if (chance(rng, 0.4)) {
    boilerplate = true;
    whats.push('boilerplate');
    body = [...body];
    for (let k = int(rng, 1, 3); k > 0; k--) body.splice(int(rng, 1, body.length), 0, pick(rng, BOILERPLATE_LINES));
    if (chance(rng, 0.5)) body.push(CONTACT_BLOCK.join('\n'));
    if (chance(rng, 0.5)) body.push('Go back');
  }
  const text = [head, ...(dateLine ? [dateLine] : []), ...body].join('\n\n') + '\n';
  const enc = reencode(rng, text);
  return { name: a.name, type: 'file', data: enc.data, expect: 'good', title: a.title, published: a.published, boilerplate, what: [...whats, enc.what].join(', ') };
}

/** A page damaged so that its result may go either way, but it must be accounted for. */
export function damagedVariant(rng: Rng, name: string, p: Page, pool: string[]): Entry {
  const paras = p.text.split(/\n{2,}/);
  switch (int(rng, 0, 5)) {
    case 0:
      return { name, type: 'file', data: utf8(p.text.slice(0, int(rng, 0, p.text.length))), expect: 'either', what: 'cut at a random character' };
    case 1: {
      const b = utf8(p.text);
      return { name, type: 'file', data: b.subarray(0, int(rng, 1, b.length)), expect: 'either', what: 'cut at a random byte' };
    }
    case 2:
      return { name, type: 'file', data: utf8(shuffle(rng, paras).join(pick(rng, ['\n\n', '\n\n\n', '\n']))), expect: 'either', what: 'shuffled paragraphs' };
    case 3:
      return { name, type: 'file', data: utf8(Array.from({ length: int(rng, 1, 30) }, () => pick(rng, paras)).join('\n\n')), expect: 'either', what: 'random paragraphs, duplicated' };
    case 4: {
      const words = Array.from({ length: int(rng, 1, 3000) }, () => pick(rng, pool));
      const text = words.map((w) => w + (chance(rng, 0.05) ? '\n\n' : chance(rng, 0.05) ? '. ' : chance(rng, 0.03) ? '\n' : ' ')).join('');
      return { name, type: 'file', data: utf8(text), expect: 'either', what: 'random words' };
    }
    default: {
      // One enormous line without a break (a minified export, a log).
      const w = pick(rng, pool);
      return { name, type: 'file', data: utf8(`${w} `.repeat(int(rng, 10_000, 400_000))), expect: 'either', what: 'one huge line' };
    }
  }
}

/** How many kinds of re-encoded entry encodedEntry makes (its `which`). */
export const ENCODED_KINDS = 4;

/** A good page saved in another encoding: never skipped for it (UTF-16 is lossless: the same article). */
export function encodedEntry(rng: Rng, name: string, p: Page, which = int(rng, 0, ENCODED_KINDS - 1)): Entry {
  const b = utf8(p.text);
  switch (which) {
    case 0:
      return { name, expect: 'good', title: p.title, published: p.published, type: 'file', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(p.text, 'utf16le')]), what: 'UTF-16LE with BOM' };
    case 1:
      return { name, expect: 'good', title: p.title, published: p.published, type: 'file', data: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(p.text, 'utf16le').swap16()]), what: 'UTF-16BE with BOM' };
    case 2: {
      const at = int(rng, 0, b.length);
      return { name, expect: 'either', type: 'file', data: Buffer.concat([b.subarray(0, at), Buffer.from(pick(rng, [[0xc3, 0x28], [0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]])), b.subarray(at)]), what: 'invalid UTF-8' };
    }
    default:
      return { name, expect: 'either', type: 'file', data: Buffer.from(p.text.replace(/[^\x00-\xff]/g, '?').replace(/e/g, 'é'), 'latin1'), what: 'Latin-1' };
  }
}

/** How many kinds of bad entry badEntry makes (its `which`). */
export const BAD_KINDS = 12;

/** Something the ingester must skip and say why. `good` is some good page text to damage. */
export function badEntry(rng: Rng, name: string, good: string, outside: string, which = int(rng, 0, BAD_KINDS - 1)): Entry {
  const base = { name, expect: 'bad' as const };
  const b = utf8(good);
  switch (which) {
    case 0:
      return { ...base, type: 'file', data: Buffer.alloc(0), reason: /empty file/, what: 'empty file' };
    case 1:
      return { ...base, type: 'file', data: utf8(' \n\n\t\r\n \u00a0 \n'), reason: /no text/, what: 'whitespace only' };
    case 2:
      return { ...base, type: 'file', data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), randomBytes(rng, 2000)]), reason: /binary/, what: 'PNG' };
    case 3:
      return { ...base, type: 'file', data: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]), randomBytes(rng, 2000)]), reason: /binary/, what: 'zip' };
    case 4: {
      const at = int(rng, 0, Math.min(b.length, 8000));
      return { ...base, type: 'file', data: Buffer.concat([b.subarray(0, at), Buffer.from([0]), b.subarray(at)]), reason: /binary/, what: 'NUL byte near the start' };
    }
    case 5:
      return { ...base, type: 'file', data: utf8(good.replace(/ /g, '\u0001')), reason: /binary/, what: 'control characters' };
    case 6:
      return { ...base, type: 'fifo', reason: /not a regular file/, what: 'a FIFO named .txt' };
    case 7:
      return { ...base, type: 'link', target: join(outside, 'no-such-file'), reason: /unreadable/, what: 'dangling symlink' };
    case 8:
      return { ...base, type: 'link', target: join(outside, 'fifo'), reason: /not a regular file|outside the folder/, what: 'symlink to a FIFO' };
    case 9:
      return { ...base, type: 'link', target: outside, reason: /folder/, what: 'symlink to a folder' };
    case 10:
      return { ...base, type: 'file', data: utf8(['Go back', 'ZVF_3021.JPG', '(Photo gallery of the CSTO CSC)', 'Back to the all news'].join('\n\n')), reason: /no article text/, what: 'boilerplate only' };
    default:
      return { ...base, name: name.replace(/\.txt$/, pick(rng, ['.png', '.docx', '.txt.bak', '.TXT~'])), type: 'file', data: b, reason: /not a supported page type/, what: 'not a page name' };
  }
}

function randomBytes(rng: Rng, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rng() * 256);
  return b;
}

/** Creates the entries in `dir`; `outside` must hold a FIFO named `fifo` (see makeOutside). */
export async function writeEntries(dir: string, entries: Entry[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.type === 'file') await writeFile(p, e.data);
    else if (e.type === 'dir') await mkdir(p);
    else if (e.type === 'fifo') execFileSync('mkfifo', [p]);
    else await symlink(e.target, p);
  }
}

/** A folder outside the one ingested: link targets, including a FIFO. */
export async function makeOutside(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  return dir;
}
