/**
 * Phrase checks read candidate bodies best first and stop once the page asked
 * for is full: the hits shown are all real phrase matches, the total is then
 * an estimate and the notice says so; asking for everything gives the exact
 * total.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFolder, openArchive } from '../index';
import type { ArchiveService } from '../types';
import { removeDir, tempDir } from './helpers';

let parent = '';
let archive: ArchiveService;
const N = 150;

beforeAll(async () => {
  parent = await tempDir();
  const src = join(parent, 'src');
  await mkdir(src);
  for (let i = 0; i < N; i++) {
    // Every article holds both words; every third holds them as the phrase "harbour cranes".
    const body = i % 3 === 0 ? `The harbour cranes of pier ${i} were repaired this week.` : `The cranes near the harbour of pier ${i} stood idle.`;
    await writeFile(join(src, `${String(i).padStart(3, '0')}.txt`), `Port report number ${i}\n\n${body}\n\nWork resumes on Monday at the port.\n`);
  }
  await ingestFolder(src, join(parent, 'archive'));
  archive = await openArchive(join(parent, 'archive'));
  await archive.searchReady;
});
afterAll(async () => {
  await archive.close();
  await removeDir(parent);
});

test('a small page of a phrase query shows real matches and an estimated total, said in the notice', async () => {
  const r = await archive.search({ query: '"harbour cranes"', limit: 5 });
  expect(r.hits.length).toBe(5);
  for (const h of r.hits) expect(h.snippets.some((s) => /harbour cranes/i.test(s.text))).toBe(true);
  expect(r.notice).toMatch(/Phrases were checked in the best \d+ candidates; about \d+ results in all/);
  // Every candidate holds both words: the estimate is near the real count of 50.
  expect(r.total).toBeGreaterThan(30);
  expect(r.total).toBeLessThan(80);
});

test('asking for every hit checks every candidate: the exact total, no estimate', async () => {
  const r = await archive.search({ query: '"harbour cranes"', limit: 200 });
  expect(r.total).toBe(N / 3);
  expect(r.hits.length).toBe(N / 3);
  expect(r.notice ?? '').not.toMatch(/about/);
  const scattered = await archive.search({ query: '"cranes harbour"', limit: 200 });
  expect(scattered.total).toBe(0);
});
