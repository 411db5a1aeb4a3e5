/**
 * The ingester gives the same archive however it is run: a mixed folder
 * (mixed-folder.ts: person's tree, scraped pages with shared teasers, HTML,
 * headline-first articles, duplicates, a skipped image) must give exactly the
 * documents, briefs, duplicates and report recorded in
 * fixtures/mixed-folder.expected.json (recorded before the reader was spread
 * over worker threads; the docs.json and list.json hashes re-recorded when
 * they gained each document's summary line, builder ingest-7, everything else
 * unchanged), read in this thread and over worker threads alike,
 * and the files written (documents, bodies, list, index) must be the same bytes.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFolder, openArchive, type FolderReport } from '../index';
import type { Doc } from '../../shared/model';
import { sha256 } from '../text';
import { removeDir, tempDir } from './helpers';
import { digest, writeMixedFolder } from './mixed-folder';

const EXPECTED = join(import.meta.dirname, 'fixtures', 'mixed-folder.expected.json');

let dir: string;
beforeAll(async () => {
  dir = await tempDir('identity-');
  await writeMixedFolder(join(dir, 'src'));
}, 60_000);
afterAll(() => removeDir(dir));

async function built(out: string, report: FolderReport) {
  const archive = await openArchive(out);
  try {
    const docs: Doc[] = await Promise.all((await archive.list({})).items.map(async (s) => (await archive.get(s.id))!));
    docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const files: Record<string, string> = {};
    for (const f of ['docs.json', 'list.json', 'bodies.jsonl', 'index/index.bin']) files[f] = sha256(await readFile(join(out, f)));
    // The source folder's path differs from run to run: the report names files relative to it.
    return { ...digest(docs, report), files };
  } finally {
    await archive.close();
  }
}

// threads: 0 reads every page in this thread; 2 spreads them over two worker threads (started from the sources here).
test.each([0, 2])('the mixed folder gives the recorded archive with %i worker threads', async (threads) => {
  const out = join(dir, `out-${threads}`);
  const seen: number[] = [];
  const report = await ingestFolder(join(dir, 'src'), out, { threads, onProgress: (p) => p.phase === 'read' && p.done !== undefined && seen.push(p.done) });
  const got = await built(out, report);
  const expected = JSON.parse(await readFile(EXPECTED, 'utf8'));
  expect(got.report).toEqual(expected.report);
  expect(got.docs).toEqual(expected.docs);
  expect(got.files).toEqual(expected.files);
  // Progress counts every file once, in order, whichever thread read it.
  // (photo.jpg is skipped by its name, before any file is read.)
  expect(seen).toEqual(Array.from({ length: expected.report.files }, (_, i) => i + 1));
}, 120_000);
