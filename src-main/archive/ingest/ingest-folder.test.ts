/**
 * Regression test found by the ingestion fuzzer (tests/reliability/ingest-fuzz.test.ts):
 * a folder whose readable files hold no article (only navigation, photo names)
 * used to build an empty archive, replacing whatever archive was in --out.
 * It must fail like an empty folder, naming each file's reason, and leave the
 * existing archive as it was.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IngestCancelled, ingestFolder, type IngestProgress } from './ingest-folder';
import { openArchive } from '../archive-service';
import { removeDir, tempDir } from '../test/helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('ingest-folder-');
  await mkdir(join(dir, 'good'));
  await writeFile(join(dir, 'good', 'a.txt'), 'Harbour reopens\n\nThe harbour reopened on 3 May 2022 after repairs.\n');
  await mkdir(join(dir, 'furniture'));
  await writeFile(join(dir, 'furniture', 'nav.txt'), 'Go back\n\nZVF_3021.JPG\n\n(Photo gallery of the CSTO CSC)\n\nBack to the all news\n');
  await writeFile(join(dir, 'furniture', 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
  await mkdir(join(dir, 'mixed', 'sub'), { recursive: true });
  await writeFile(join(dir, 'mixed', 'a.txt'), 'Bridge opens\n\nThe bridge opened to traffic after two years of work.\n');
  await writeFile(join(dir, 'mixed', 'b.md'), '# Port strike ends\n\nDockers returned to work on Monday after a week.\n');
  await writeFile(join(dir, 'mixed', 'sub', 'c.txt'), 'Rail link delayed\n\nThe new rail link will open a year later than planned.\n');
});
afterAll(() => removeDir(dir));

test('a folder with no article text fails clearly and keeps the archive already in --out', async () => {
  const out = join(dir, 'out');
  await ingestFolder(join(dir, 'good'), out);
  await expect(ingestFolder(join(dir, 'furniture'), out)).rejects.toThrow(
    /No readable pages \(\.txt, \.md, \.html\) in .*furniture \(skipped: scan\.txt: binary file \(contains NUL bytes\); nav\.txt: no article text found\)/,
  );
  const a = await openArchive(out);
  expect((await a.list({})).items.map((d) => d.title)).toEqual(['Harbour reopens']);
  await a.close();
});

// Cancel from the app's import dialog: at the first file (1%) and while the index is written (99%),
// the archive already in --out stays as it was and no temporary folder is left beside it. With re-use
// (as imports run), the build's folder is made before reading (its cache is written as pages arrive).
test.each([
  ['at the first file read', (p: IngestProgress) => p.phase === 'read' && p.done === 1, false],
  ['while the index is built', (p: IngestProgress) => p.phase === 'index', false],
  ['at the first file read, with re-use', (p: IngestProgress) => p.phase === 'read' && p.done === 1, true],
  ['while the index is built, with re-use', (p: IngestProgress) => p.phase === 'index', true],
])('cancelling %s leaves the old archive and no temporary folder', async (when, cancelAt, reuse) => {
  const parent = join(dir, `cancel-${when.replace(/\W+/g, "-")}`);
  const out = join(parent, 'out');
  await ingestFolder(join(dir, 'good'), out, reuse ? { reuse: {} } : {});
  const before = await readdir(parent);
  const inside = await readdir(out);
  if (reuse) expect(inside).toContain('reuse-cache.bin');
  const ctl = new AbortController();
  const phases: string[] = [];
  await expect(
    ingestFolder(join(dir, 'mixed'), out, {
      ...(reuse ? { reuse: { from: out } } : {}),
      signal: ctl.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (cancelAt(p)) ctl.abort();
      },
    }),
  ).rejects.toBeInstanceOf(IngestCancelled);
  expect(phases).not.toContain('done');
  expect(await readdir(parent)).toEqual(before);
  expect(await readdir(out)).toEqual(inside);
  const a = await openArchive(out);
  expect((await a.list({})).items.map((d) => d.title)).toEqual(['Harbour reopens']);
  await a.close();
});

test('reading reports counts and the file for a progress bar', async () => {
  const seen: IngestProgress[] = [];
  await ingestFolder(join(dir, 'mixed'), join(dir, 'counted'), { onProgress: (p) => seen.push(p) });
  const reads = seen.filter((p) => p.phase === 'read' && p.done !== undefined);
  expect(reads.map((p) => p.done)).toEqual([1, 2, 3]);
  expect(reads.every((p) => p.total === 3)).toBe(true);
  expect(reads.map((p) => p.file).sort()).toEqual(['a.txt', 'b.md', 'sub/c.txt']);
});
