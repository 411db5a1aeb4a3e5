/**
 * The folder reader on a real tree on disk: recursion and sections, names
 * that clash across folders, what it refuses to open (links out of the
 * folder, pipes, sockets' kin, huge files, binaries, archives) and why.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rmSync, symlinkSync } from 'node:fs';
import { walkFolder, walkFolderMapped } from './walk-folder';
import { removeDir, tempDir } from '../test/helpers';

let dir: string;
let src: string;
beforeAll(async () => {
  dir = await tempDir('walk-folder-');
  src = join(dir, 'src');
  await mkdir(join(src, 'business'), { recursive: true });
  await mkdir(join(src, 'sport', 'football'), { recursive: true });
  await mkdir(join(src, '.git'));
  await writeFile(join(src, 'business', '001.txt'), 'Markets rally\n\nShares rose.\n');
  await writeFile(join(src, 'sport', '001.txt'), 'Cup final tonight\n\nThe final is tonight.\n');
  await writeFile(join(src, 'sport', 'football', 'derby.md'), '# Derby ends level\n\nA draw.\n');
  await writeFile(join(src, 'page.html'), '<html><body><p>Hello</p></body></html>');
  await writeFile(join(src, '.git', 'config.txt'), 'hidden');
  await writeFile(join(src, '.DS_Store'), 'x');
  await writeFile(join(src, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
  await writeFile(join(src, 'old.zip'), Buffer.from([0x50, 0x4b, 3, 4]));
  await writeFile(join(src, 'nul-inside.txt'), Buffer.concat([Buffer.from('A headline\n\n' + 'text '.repeat(4000)), Buffer.from([0]), Buffer.from('more')]));
  await writeFile(join(src, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Заголовок\n\nТекст статьи.', 'utf16le')]));
  await writeFile(join(src, 'huge.txt'), '');
  await truncate(join(src, 'huge.txt'), 3 * 1024 * 1024); // sparse: costs no disk
  await writeFile(join(dir, 'secret.txt'), 'Outside\n\nNever to be read.');
  await symlink(join(dir, 'secret.txt'), join(src, 'link-out.txt'));
  await symlink(join(dir), join(src, 'link-out-folder'));
  await symlink(join(src, 'business', '001.txt'), join(src, 'link-in.txt'));
  await symlink(join(src, 'sport'), join(src, 'link-in-folder'));
  execFileSync('mkfifo', [join(src, 'sport', 'pipe.txt'), join(src, 'pipe-no-ext')]);
  await symlink(join(src, 'sport', 'pipe.txt'), join(src, 'link-to-pipe.txt'));
});
afterAll(() => removeDir(dir));

test('reads the whole tree; sub-folders are sections; names that clash across folders are different files', async () => {
  const r = await walkFolder(src, { maxFileBytes: 1024 * 1024 });
  expect(r.files.map((f) => [f.name, f.section, f.format])).toEqual([
    ['business/001.txt', 'business', 'txt'],
    ['link-in.txt', '', 'txt'],
    ['page.html', '', 'html'],
    ['sport/001.txt', 'sport', 'txt'],
    ['sport/football/derby.md', 'sport/football', 'md'],
    ['utf16.txt', '', 'txt'],
  ]);
  expect(r.files.find((f) => f.name === 'utf16.txt')).toMatchObject({ encoding: 'utf-16le', text: 'Заголовок\n\nТекст статьи.' });
  expect(r.files.find((f) => f.name === 'link-in.txt')!.text).toBe('Markets rally\n\nShares rose.\n');
}, 10_000);

test('every file not read is reported with its reason; nothing outside the folder is read, no pipe is opened', async () => {
  const r = await walkFolder(src, { maxFileBytes: 1024 * 1024 });
  expect(r.skipped).toEqual([
    { file: 'huge.txt', reason: 'too large (3.0 MB; the limit is 1.0 MB)' },
    { file: 'link-in-folder', reason: 'a link to a folder (not followed; its pages are read where they are)' },
    { file: 'link-out-folder', reason: 'a link to outside the folder (not followed)' },
    { file: 'link-out.txt', reason: 'a link to outside the folder (not followed)' },
    { file: 'link-to-pipe.txt', reason: 'not a regular file (a pipe, socket or device)' },
    { file: 'nul-inside.txt', reason: 'binary file (contains NUL bytes)' },
    { file: 'old.zip', reason: 'a .zip archive: not read (unpack it into the folder to include its pages)' },
    { file: 'photo.jpg', reason: 'not a supported page type (.txt, .md, .html)' },
    { file: 'pipe-no-ext', reason: 'not a regular file (a pipe, socket or device)' },
    { file: 'sport/pipe.txt', reason: 'not a regular file (a pipe, socket or device)' },
  ]);
  expect(r.files.some((f) => f.text.includes('Never to be read'))).toBe(false);
}, 10_000);

test('the content hash changes when a file in a sub-folder changes, not when nothing does', async () => {
  const a = await walkFolder(src);
  const b = await walkFolder(src);
  expect(b.contentHash).toBe(a.contentHash);
  await writeFile(join(src, 'sport', 'football', 'derby.md'), '# Derby ends level\n\nA late draw.\n');
  expect((await walkFolder(src)).contentHash).not.toBe(a.contentHash);
}, 10_000);

test('a missing folder or a file given as the folder is a clear error', async () => {
  await expect(walkFolder(join(dir, 'nope'))).rejects.toThrow(/Folder not found/);
  await expect(walkFolder(join(dir, 'secret.txt'))).rejects.toThrow(/Not a folder/);
});

test('each page is handed over as it is read; one the format reader fails on is skipped with the reason, the others kept', async () => {
  const r = await walkFolderMapped(src, { maxFileBytes: 1024 * 1024 }, (f) => {
    if (f.name === 'page.html') throw new Error('unexpected markup');
    return `${f.name}:${f.text.length}`;
  });
  expect(r.items).toContain('business/001.txt:28');
  expect(r.items.some((x) => x.startsWith('page.html'))).toBe(false);
  expect(r.skipped).toContainEqual({ file: 'page.html', reason: 'could not be read as .html (unexpected markup)' });
}, 10_000);

test('a folder that changes while it is read: a file removed, a file swapped for a pipe, a file swapped for a link out', async () => {
  const live = join(dir, 'live');
  await mkdir(live);
  const names = Array.from({ length: 40 }, (_, i) => `p${String(i).padStart(2, '0')}.txt`);
  for (const n of names) await writeFile(join(live, n), `Headline ${n}\n\nBody of ${n}.\n`);
  let changed = false;
  const r = await walkFolder(live, {
    onFile: () => {
      if (changed) return;
      changed = true;
      // At the first file read, at most 16 reads have started: the last files are not read yet.
      rmSync(join(live, 'p37.txt'));
      rmSync(join(live, 'p38.txt'));
      execFileSync('mkfifo', [join(live, 'p38.txt')]);
      rmSync(join(live, 'p39.txt'));
      symlinkSync(join(dir, 'secret.txt'), join(live, 'p39.txt'));
    },
  });
  expect(r.files).toHaveLength(37);
  expect(r.skipped).toEqual([
    { file: 'p37.txt', reason: 'unreadable (ENOENT)' },
    { file: 'p38.txt', reason: 'not a regular file (a pipe, socket or device)' },
    { file: 'p39.txt', reason: 'a link to outside the folder (not followed)' },
  ]);
}, 10_000);
