/**
 * Regression tests for readFolder found by the ingestion fuzzer
 * (tests/reliability/ingest-fuzz.test.ts): a link to a FIFO named *.txt made
 * ingestion wait forever, and a FIFO or a folder named *.txt vanished without
 * being reported. Each must be skipped with a reason; the good page is read.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFolder } from './read-folder';
import { removeDir, tempDir } from '../test/helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('read-folder-');
  const src = join(dir, 'src');
  await mkdir(src);
  await writeFile(join(src, 'a-good.txt'), 'Harbour reopens\n\nThe harbour reopened after repairs.\n');
  execFileSync('mkfifo', [join(dir, 'pipe'), join(src, 'b-fifo.txt')]);
  await symlink(join(dir, 'pipe'), join(src, 'c-link-to-fifo.txt'));
  await mkdir(join(src, 'd-folder.txt'));
  await symlink(join(dir, 'missing'), join(src, 'e-dangling.txt'));
  await mkdir(join(src, 'subfolder')); // an empty subfolder: nothing to read, nothing to report
});
afterAll(() => removeDir(dir));

test('pipes and dangling links named .txt are reported, never read or waited on; a folder named .txt is a folder', async () => {
  const r = await readFolder(join(dir, 'src'));
  expect(r.files.map((f) => f.name)).toEqual(['a-good.txt']);
  expect(r.skipped).toEqual([
    { file: 'b-fifo.txt', reason: 'not a regular file (a pipe, socket or device)' },
    { file: 'c-link-to-fifo.txt', reason: 'a link to outside the folder (not followed)' },
    { file: 'e-dangling.txt', reason: 'unreadable (ENOENT)' },
  ]);
}, 10_000);
