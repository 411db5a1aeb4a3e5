/**
 * Reading over worker threads (read-pages.ts) keeps the folder reader's
 * promises: a folder that changes while it is read (files removed, swapped
 * for a pipe, a link out, a folder; a file rewritten; a file added) gives a
 * result naming each change, never reads outside the folder, never hangs, and
 * lists pages in folder order, as reading in this thread does.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readPages } from './read-pages';
import { IngestCancelled } from './walk-folder';
import { removeDir, tempDir } from '../test/helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('read-pages-');
  await writeFile(join(dir, 'secret.txt'), 'Secret outside\n\nThis must never be read.\n');
});
afterAll(() => removeDir(dir));

const names = Array.from({ length: 400 }, (_, i) => `p${String(i).padStart(3, '0')}.txt`);

async function liveFolder(sub: string): Promise<string> {
  const live = join(dir, sub);
  await mkdir(live);
  for (const n of names) await writeFile(join(live, n), `Headline ${n}\n\nBody of ${n}.\n`);
  return live;
}

test.each([2, 0])('a folder that changes while %i worker threads read it: every change named, nothing outside read', async (threads) => {
  const live = await liveFolder(`live-${threads}`);
  let changed = false;
  let calls = 0;
  const r = await readPages(live, {
    threads,
    onFile: () => {
      calls++;
      if (changed) return;
      changed = true;
      // At the first file read, at most 2 batches of 32 per thread (or 16 reads in this thread) have started.
      rmSync(join(live, 'p390.txt'));
      rmSync(join(live, 'p391.txt'));
      execFileSync('mkfifo', [join(live, 'p391.txt')]);
      rmSync(join(live, 'p392.txt'));
      symlinkSync(join(dir, 'secret.txt'), join(live, 'p392.txt'));
      rmSync(join(live, 'p393.txt'));
      mkdirSync(join(live, 'p393.txt'));
      writeFileSync(join(live, 'p394.txt'), 'Rewritten headline\n\nThe file changed before it was read.\n');
      writeFileSync(join(live, 'p999.txt'), 'Added late\n\nNot listed when the folder was read.\n');
    },
  });
  expect(calls).toBe(400);
  expect(r.skipped).toEqual([
    { file: 'p390.txt', reason: 'unreadable (ENOENT)' },
    { file: 'p391.txt', reason: 'not a regular file (a pipe, socket or device)' },
    { file: 'p392.txt', reason: 'a link to outside the folder (not followed)' },
    { file: 'p393.txt', reason: 'a folder, not a file' },
  ]);
  const titles = r.items.map((p) => (p.kind === 'article' ? p.doc?.title : p.page.paras[0]?.text));
  expect(titles).toHaveLength(396);
  expect(titles.slice(0, 3)).toEqual(['Headline p000.txt', 'Headline p001.txt', 'Headline p002.txt']);
  expect(titles).toContain('Rewritten headline');
  expect(titles).not.toContain('Added late');
  expect(titles).not.toContain('Secret outside');
}, 60_000);

test('cancelling while worker threads read stops at once with IngestCancelled', async () => {
  const live = await liveFolder('cancel');
  const ctl = new AbortController();
  let calls = 0;
  await expect(
    readPages(live, {
      threads: 2,
      signal: ctl.signal,
      onFile: () => {
        calls++;
        ctl.abort();
      },
    }),
  ).rejects.toBeInstanceOf(IngestCancelled);
  // The batch being handed back when the abort came is counted; no other batch is read after it.
  expect(calls).toBeLessThanOrEqual(32);
}, 60_000);
