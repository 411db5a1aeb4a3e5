/**
 * A folder of very many tiny files (issue 11, bad input "100,000 files"):
 * `npm run test:soak` reads 100,000, `npm test` 2,000 (both over worker
 * threads). Every file is accounted for once: read as its own article, merged
 * as an exact copy, or skipped with its reason (empty, binary); the archive
 * opens, lists every article, and finds a note by a word only it holds.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFolder, openArchive, type FolderReport } from '../../src-main/archive/index';
import { removeDir, tempDir } from '../../src-main/archive/test/helpers';
import { fuzzRun } from './rng';

const { count: FILES } = fuzzRun(2_000, 100_000, 0);
const PER_FOLDER = 1_000;
/** Every 97th file is a copy of the one before it, every 499th empty, every 997th binary. */
const kindOf = (i: number) => (i % 997 === 996 ? 'binary' : i % 499 === 498 ? 'empty' : i % 97 === 96 ? 'copy' : 'note');
const name = (i: number) => join(`box-${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}`, `n${String(i).padStart(6, '0')}.txt`);
const note = (i: number) => `Note ${i} on the shelf\n\nA tiny note numbered ${i}, filed with the others; its word is zq${i.toString(36)}x.\n`;

let dir: string;
let report: FolderReport;
let reads = 0;
beforeAll(async () => {
  dir = await tempDir('many-files-');
  for (let f = 0; f * PER_FOLDER < FILES; f++) await mkdir(join(dir, 'src', `box-${String(f).padStart(3, '0')}`), { recursive: true });
  for (let i = 0; i < FILES; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, FILES - i) }, (_, k) => {
        const n = i + k;
        const kind = kindOf(n);
        const data = kind === 'binary' ? Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, n & 0xff]) : kind === 'empty' ? '' : note(kind === 'copy' ? n - 1 : n);
        return writeFile(join(dir, 'src', name(n)), data);
      }),
    );
  }
  report = await ingestFolder(join(dir, 'src'), join(dir, 'out'), { onProgress: (p) => p.phase === 'read' && p.done !== undefined && reads++ });
}, 3_600_000);
afterAll(() => removeDir(dir));

test(`${FILES} tiny files: each read once, copies merged, bad ones skipped with their reason`, async () => {
  const kinds = Array.from({ length: FILES }, (_, i) => kindOf(i));
  const bad = kinds.filter((k) => k === 'binary' || k === 'empty').length;
  // A copy of a file that is itself empty or binary holds a note no other file has: it is an article of its own.
  const copies = kinds.filter((k, i) => k === 'copy' && kinds[i - 1] === 'note').length;
  expect(reads).toBe(FILES);
  expect(report.files).toBe(FILES - bad);
  expect(report.articles).toBe(FILES - bad - copies);
  expect(report.briefs).toBe(0);
  expect(report.skipped).toHaveLength(bad);
  expect(new Set(report.skipped.map((s) => s.reason))).toEqual(new Set(['empty file', 'binary file (contains NUL bytes)']));
  expect(report.duplicates).toHaveLength(copies);
  expect(report.duplicates[0]).toEqual({ kept: name(95).replace(/\\/g, '/'), merged: [name(96).replace(/\\/g, '/')], near: false });

  const a = await openArchive(join(dir, 'out'));
  try {
    expect((await a.list({})).total).toBe(FILES - bad - copies);
    const last = kinds.lastIndexOf('note');
    const hits = await a.search({ query: `zq${last.toString(36)}x` });
    expect(hits.hits.map((h) => h.title)).toEqual([`Note ${last} on the shelf`]);
  } finally {
    await a.close();
  }
}, 600_000);
