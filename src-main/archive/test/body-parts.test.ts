/**
 * Bodies in parts: a large document is stored as several paragraph ranges
 * (store/layout.ts partsOf) and read part by part. Opening it gives every
 * paragraph back in order; a search cuts its snippets from the first parts
 * only; a phrase found only in the last part is still found.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFolder, openArchive } from '../index';
import type { ArchiveService } from '../types';
import { PART_CHARS, type StoredSummary } from '../store/layout';
import { removeDir, tempDir } from './helpers';
import { docText } from '../../shared/model';
import { MAX_FIND_MATCHES } from '../search/search-service';

const PARAGRAPHS = 3000;
const para = (i: number) => `Paragraph ${i} of the long report: the river port of Kazan handled grain, timber and machinery shipments during week ${i}.`;
let dir: string;
let archive: ArchiveService;
let big: StoredSummary;

beforeAll(async () => {
  dir = await tempDir('parts-');
  await mkdir(join(dir, 'src'));
  const body = Array.from({ length: PARAGRAPHS }, (_, i) => para(i)).join('\n\n');
  await writeFile(join(dir, 'src', '01-long-report.txt'), `The long report on the river port\n\n${body}\n\nThe closing words mention a unique zebra crossing.\n`);
  await writeFile(join(dir, 'src', '02-short.txt'), 'Winter roads open\n\nThe winter roads opened across the region on Monday, the agency said.\n');
  await ingestFolder(join(dir, 'src'), join(dir, 'archive'));
  archive = await openArchive(join(dir, 'archive'));
  await archive.searchReady;
  const docs = JSON.parse(await readFile(join(dir, 'archive', 'docs.json'), 'utf8')).docs as StoredSummary[];
  big = docs.find((d) => d.title.startsWith('The long report'))!;
}, 60_000);
afterAll(async () => {
  await archive.close();
  await removeDir(dir);
});

test('a large document is stored in several parts; a short one in one', async () => {
  const chars = PARAGRAPHS * para(PARAGRAPHS).length;
  expect(big.parts?.length).toBeGreaterThanOrEqual(Math.floor(chars / PART_CHARS));
  const docs = JSON.parse(await readFile(join(dir, 'archive', 'docs.json'), 'utf8')).docs as StoredSummary[];
  expect(docs.find((d) => d.title.startsWith('Winter'))!.parts).toBeUndefined();
});

test('opening it gives every paragraph back, in order', async () => {
  const doc = (await archive.get(big.id))!;
  expect(doc.paragraphs.length).toBe(PARAGRAPHS + 1);
  expect(doc.paragraphs[1234].text).toBe(para(1234));
  expect(doc.paragraphs.at(-1)!.text).toMatch(/unique zebra crossing/);
});

test('snippets come from the first parts; a phrase only in the last part is still found', async () => {
  const r = await archive.search({ query: 'grain timber' });
  const hit = r.hits.find((h) => h.id === big.id)!;
  expect(hit.snippets.length).toBe(3);
  for (const s of hit.snippets) expect(s.paragraph).toBeLessThan(PARAGRAPHS / (big.parts?.length ?? 1) + 3);
  const phrase = await archive.search({ query: '"unique zebra crossing"' });
  expect(phrase.hits.map((h) => h.id)).toEqual([big.id]);
  expect(phrase.hits[0].snippets[0].text).toMatch(/unique zebra crossing/);
});

test('find in a document read part by part: offsets into the whole text, the last part reached, a bounded number of matches', async () => {
  const doc = (await archive.get(big.id))!;
  const text = docText(doc);
  const zebra = (await archive.findInDoc(big.id, 'zebra'))!;
  expect(zebra.matches.map((m) => text.slice(m.start, m.end))).toEqual(['zebra']);
  const week = (await archive.findInDoc(big.id, 'week'))!;
  expect(week.matches.length).toBe(Math.min(PARAGRAPHS, MAX_FIND_MATCHES));
  for (const m of week.matches.slice(0, 50)) expect(text.slice(m.start, m.end)).toBe('week');
});
