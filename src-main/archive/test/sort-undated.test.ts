/**
 * Sorting by date on an archive with undated items (a person's own folder of
 * stories with no dates): they come last whichever way the dates run, so
 * "Oldest first" starts with the oldest dated story.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ingestFolder, openArchive } from '../index';
import type { ArchiveService } from '../types';
import { removeDir, tempDir } from './helpers';

let dir: string;
let archive: ArchiveService;

beforeAll(async () => {
  dir = await tempDir('sort-undated-');
  const src = join(dir, 'src');
  await mkdir(src);
  const md = (title: string, date?: string) => `---\ntitle: ${title}\n${date ? `date: ${date}\n` : ''}---\n\nThe body of ${title.toLowerCase()}, a story long enough to be read as one.\n`;
  await writeFile(join(src, 'a.md'), md('Alpha undated'));
  await writeFile(join(src, 'b.md'), md('Beta of 2004', '2004-03-01'));
  await writeFile(join(src, 'c.md'), md('Gamma of 2006', '2006-07-09'));
  await writeFile(join(src, 'd.md'), md('Delta undated'));
  await ingestFolder(src, join(dir, 'archive'));
  archive = await openArchive(join(dir, 'archive'));
});
afterAll(async () => {
  await archive?.close();
  await removeDir(dir);
});

test('undated items come last in both date orders', async () => {
  const titles = async (order: 'asc' | 'desc') => (await archive.list({ sort: 'date', order })).items.map((d) => d.title);
  const [asc, desc] = [await titles('asc'), await titles('desc')];
  expect(asc.slice(0, 2)).toEqual(['Beta of 2004', 'Gamma of 2006']);
  expect(desc.slice(0, 2)).toEqual(['Gamma of 2006', 'Beta of 2004']);
  expect(asc.slice(2).sort()).toEqual(['Alpha undated', 'Delta undated']);
  expect(desc.slice(2).sort()).toEqual(['Alpha undated', 'Delta undated']);
});

test('the timeline counts follow the kind and facet filters; the filters keep their whole-archive lists', async () => {
  const all = await archive.facets();
  expect(all.years.reduce((n, y) => n + y.count, 0) + all.undated).toBe(4);
  expect(all.undated).toBe(2);
  const none = await archive.facets({ kind: 'brief' });
  expect(none.years).toEqual([]);
  expect(none.undated).toBe(0);
  expect(none.kinds).toEqual(all.kinds); // the kind tabs still show every kind's count
});

test('the timeline can count only some documents (the notes filters of the library)', async () => {
  const docs = (await archive.list({})).items;
  const beta = docs.find((d) => d.title === 'Beta of 2004')!;
  const alpha = docs.find((d) => d.title === 'Alpha undated')!;
  const some = await archive.facets({ ids: [beta.id, alpha.id] });
  expect(some.years).toEqual([{ year: 2004, count: 1 }]);
  expect(some.undated).toBe(1);
  expect((await archive.facets({ ids: [] })).years).toEqual([]);
  expect(some.kinds).toEqual((await archive.facets()).kinds);
});

test('the archive says its timeline as soon as it is open, with the figures facets() gives once the summaries are read', async () => {
  // A fresh open: info() answers before anything asked for the full summaries.
  const fresh = await openArchive(join(dir, 'archive'));
  try {
    const early = fresh.info().timeline;
    expect(early).toEqual({ years: [{ year: 2004, count: 1 }, { year: 2006, count: 1 }], undated: 2 });
    const { years, undated } = await fresh.facets();
    expect(early).toEqual({ years, undated });
  } finally {
    await fresh.close();
  }
});
