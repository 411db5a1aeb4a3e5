/**
 * Titles in a person's own folder are often numbered ("Выпуск 9", "Выпуск 10")
 * and undated. The library lists them as a person counts: by number, not by
 * character ("10" before "9"), and undated ones A to Z in either date order,
 * after the dated ones.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ingestFolder, openArchive } from '../index';
import type { ArchiveService } from '../types';
import { removeDir, tempDir } from './helpers';

let dir: string;
let archive: ArchiveService;
const NUMBERED = [7, 8, 9, 10, 58, 59, 100].map((n) => `Выпуск ${n}`);

beforeAll(async () => {
  dir = await tempDir('sort-natural-');
  const src = join(dir, 'src');
  await mkdir(join(src, 'issues'), { recursive: true });
  const md = (title: string, date?: string) =>
    `---\ntitle: ${title}\n${date ? `date: ${date}\n` : ''}---\n\nThe body of ${title.toLowerCase()}, a story long enough to be read as one, with its own words ${title.length}.\n`;
  // Written in a shuffled order, so that no order of the files on disk gives the expected one by chance.
  for (const [i, t] of [...NUMBERED].reverse().entries()) await writeFile(join(src, 'issues', `f${(i * 5) % 7}.md`), md(t));
  await writeFile(join(src, 'dated-a.md'), md('Report 2 of 2011', '2011-05-01'));
  await writeFile(join(src, 'dated-b.md'), md('Report 10 of 2012', '2012-05-01'));
  await ingestFolder(src, join(dir, 'archive'));
  archive = await openArchive(join(dir, 'archive'));
});
afterAll(async () => {
  await archive?.close();
  await removeDir(dir);
});

const titles = async (sort: 'date' | 'title', order: 'asc' | 'desc') => (await archive.list({ sort, order })).items.map((d) => d.title);

test('numbered undated items come after the dated ones in number order, whichever way the dates run', async () => {
  expect(await titles('date', 'desc')).toEqual(['Report 10 of 2012', 'Report 2 of 2011', ...NUMBERED]);
  expect(await titles('date', 'asc')).toEqual(['Report 2 of 2011', 'Report 10 of 2012', ...NUMBERED]);
});

test('sorting by title counts numbers as numbers, both ways', async () => {
  expect(await titles('title', 'asc')).toEqual(['Report 2 of 2011', 'Report 10 of 2012', ...NUMBERED]);
  expect(await titles('title', 'desc')).toEqual([...NUMBERED].reverse().concat(['Report 10 of 2012', 'Report 2 of 2011']));
});
