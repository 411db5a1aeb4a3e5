/**
 * The retry when a search finds nothing: it corrects misspelled words only,
 * each to one index term, and keeps the query's structure; a query of only
 * common words says why it finds nothing. Real archives built from files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundledCorpusDir, ingestFolder, openArchive } from '../index';
import type { ArchiveService } from '../types';
import { removeDir, tempDir } from './helpers';

let dir: string;
let companies: ArchiveService;
let bundled: ArchiveService;

beforeAll(async () => {
  dir = await tempDir('spelling-');
  const src = join(dir, 'src');
  await mkdir(src);
  const story = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2005-01-0${Math.floor(Math.random() * 9) + 1}\n---\n\n${body}\n`;
  await writeFile(join(src, 'a.md'), story('Lukoil signs a deal', 'Lukoil signed a supply deal with a refinery in the north.'));
  await writeFile(join(src, 'b.md'), story('Lukoil expands', 'Lukoil opened new stations along the motorway this spring.'));
  await writeFile(join(src, 'c.md'), story('Quarterly figures', 'Lukoil reported higher profits for the quarter.'));
  await writeFile(join(src, 'd.md'), story('A village fair', 'The fair at Lukoik drew visitors from the whole valley.'));
  await ingestFolder(src, join(dir, 'archive'));
  companies = await openArchive(join(dir, 'archive'));
  await companies.searchReady;
  await ingestFolder(bundledCorpusDir(), join(dir, 'bundled'));
  bundled = await openArchive(join(dir, 'bundled'));
  await bundled.searchReady;
});
afterAll(async () => {
  await companies?.close();
  await bundled?.close();
  await removeDir(dir);
});

test('a misspelled name is corrected to one word, and every hit matches the word the notice names', async () => {
  const r = await companies.search({ query: 'Lukoit' });
  expect(r.interpretedAs).toBe('fuzzy');
  const named = /showing results for “([^”]+)”/.exec(r.notice ?? '')?.[1];
  expect(named?.toLowerCase()).toBe('lukoil');
  expect(r.hits.map((h) => h.title).sort()).toEqual(['Lukoil expands', 'Lukoil signs a deal', 'Quarterly figures']);
  for (const h of r.hits) {
    const words = h.snippets.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b).toLowerCase()));
    expect(words.length, h.title).toBeGreaterThan(0);
    expect(new Set(words), h.title).toEqual(new Set(['lukoil']));
  }
});

test('a retry keeps required and prohibited parts, and never changes a word the archive has', async () => {
  const strict = await bundled.search({ query: '+border -drug' });
  expect(strict.total).toBe(0); // every bundled article with "border" also mentions drugs
  expect(strict.interpretedAs).not.toBe('fuzzy');
  expect(strict.hits).toEqual([]);
  const required = await companies.search({ query: '+Lukoit -refinery' });
  expect(required.hits.map((h) => h.title).sort()).toEqual(['Lukoil expands', 'Quarterly figures']);
});

test('a query of only common words says why it finds nothing', async () => {
  for (const q of ['the', 'the and of', 'и']) {
    const r = await bundled.search({ query: q });
    expect(r.total, q).toBe(0);
    expect(r.notice, q).toMatch(/too common to search for/);
  }
});
