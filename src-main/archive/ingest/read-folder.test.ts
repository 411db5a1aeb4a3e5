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
  await mkdir(join(src, 'subfolder')); // a plain subfolder is not a page: ignored as before
});
afterAll(() => removeDir(dir));

test('pipes, folders and dangling links named .txt are reported, never read or waited on', async () => {
  const r = await readFolder(join(dir, 'src'));
  expect(r.files.map((f) => f.name)).toEqual(['a-good.txt']);
  expect(r.skipped).toEqual([
    { file: 'b-fifo.txt', reason: 'not a regular file (a pipe)' },
    { file: 'c-link-to-fifo.txt', reason: 'a link to a file outside the chosen folder (not followed)' },
    { file: 'd-folder.txt', reason: 'a folder, not a file' },
    { file: 'e-dangling.txt', reason: 'unreadable: a link to nothing (ENOENT)' },
  ]);
}, 10_000);

test('links stay inside the folder; NUL bytes anywhere mean binary; a huge file is too large, not "not UTF-8"', async () => {
  const src = join(dir, 'src2');
  await mkdir(join(src, 'inner'), { recursive: true });
  const page = 'Harbour reopens\n\nThe harbour reopened after repairs.\n';
  await writeFile(join(dir, 'outside.txt'), page);
  await writeFile(join(src, 'inner', 'real.txt'), page);
  await writeFile(join(src, 'a-page.txt'), page);
  await symlink(join(dir, 'outside.txt'), join(src, 'b-link-out.txt'));
  await symlink('/etc/passwd', join(src, 'c-passwd.txt'));
  await symlink(join(src, 'inner', 'real.txt'), join(src, 'd-link-in.txt'));
  await writeFile(join(src, 'e-late-nul.txt'), Buffer.concat([Buffer.from(page.repeat(400)), Buffer.from([0]), Buffer.from(page)]));
  // Sparse: 300 MB on paper, nothing on disk; it must be refused by size before any read.
  execFileSync('truncate', ['-s', '300M', join(src, 'f-huge.txt')]);
  const r = await readFolder(src);
  expect(r.files.map((f) => f.name)).toEqual(['a-page.txt', 'd-link-in.txt']);
  expect(r.skipped).toEqual([
    { file: 'b-link-out.txt', reason: 'a link to a file outside the chosen folder (not followed)' },
    { file: 'c-passwd.txt', reason: 'a link to a file outside the chosen folder (not followed)' },
    { file: 'e-late-nul.txt', reason: 'binary file (contains NUL bytes)' },
    { file: 'f-huge.txt', reason: 'too large (300 MB; the limit is 256 MB)' },
  ]);
}, 10_000);
