/**
 * Damage is named: every file of an archive, cut short, garbled or removed,
 * gives one message naming that file and saying how to rebuild, through the
 * archive core, the CLI and the HTTP API; a search never answers "0 results"
 * for an archive it could not read.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundledCorpusDir, ingestFolder, openArchive } from '../../src-main/archive/index';
import { removeDir, tempDir } from '../../src-main/archive/test/helpers';
import { ArchiveSlot } from '../../src-main/ipc/archive-slot';
import { createHandlers, dispatch } from '../../src-main/ipc/handlers';

const CLI = join(import.meta.dirname, '..', '..', 'src-main', 'cli', 'main.ts');
async function cli(...args: string[]) {
  try {
    const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8' });
    return { code: 0, ...r };
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
}

let dir: string;
let good: string;
beforeAll(async () => {
  dir = await tempDir('damaged-');
  good = join(dir, 'good');
  await ingestFolder(bundledCorpusDir(), good);
});
afterAll(() => removeDir(dir));

type Damage = (file: string) => Promise<void>;
const cut: Damage = async (f) => truncate(f, Math.floor((await readFile(f)).length / 2));
const garble: Damage = (f) => writeFile(f, '{"format": 1, "docs": [{"id": 3}]}');
const remove: Damage = (f) => rm(f, { recursive: true });

const CASES: { file: string; damage: Damage; how: string; at: 'open' | 'search' | 'get' }[] = [
  { file: 'manifest.json', damage: cut, how: 'cut short', at: 'open' },
  { file: 'manifest.json', damage: garble, how: 'wrong shape', at: 'open' },
  { file: 'list.json', damage: cut, how: 'cut short', at: 'open' },
  { file: 'list.json', damage: garble, how: 'wrong shape', at: 'open' },
  { file: 'bodies.jsonl', damage: remove, how: 'missing', at: 'open' },
  { file: 'bodies.jsonl', damage: cut, how: 'cut short', at: 'open' },
  { file: 'docs.json', damage: cut, how: 'cut short', at: 'get' },
  { file: 'docs.json', damage: garble, how: 'wrong shape', at: 'get' },
  { file: 'index/index.bin', damage: remove, how: 'missing', at: 'search' },
  { file: 'index/index.bin', damage: cut, how: 'cut short', at: 'search' },
];

describe.each(CASES)('$file $how', ({ file, damage, at }) => {
  let arc: string;
  beforeAll(async () => {
    arc = join(dir, `${file.replace(/\W/g, '_')}-${Math.random().toString(36).slice(2)}`);
    await cp(good, arc, { recursive: true });
    await damage(join(arc, file));
  });

  test('the archive core names the file', async () => {
    const attempt = async () => {
      const a = await openArchive(arc);
      try {
        if (at === 'search') await a.searchReady;
        if (at === 'get') await a.get((await a.list({})).items[0].id);
      } finally {
        await a.close();
      }
    };
    await expect(attempt()).rejects.toThrow(new RegExp(file.replace('.', '\\.').replace('/', '.')));
  });

  test('cli search (show, for docs.json) fails with one message naming the file, never "0 results"', async () => {
    const firstId = JSON.parse((await cli('list', '--json', '--archive', good)).stdout)[0].id as string;
    const r = at === 'get' ? await cli('show', firstId, '--archive', arc) : await cli('search', 'border', '--archive', arc);
    expect(r.code).not.toBe(0);
    expect(r.stdout).not.toMatch(/0 results/);
    expect(r.stderr).toMatch(new RegExp(file.split('/').pop()!.replace('.', '\\.')));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('the API answers an error naming the file (never ok with nothing)', async () => {
    const slot = new ArchiveSlot();
    await slot.load(openArchive(arc));
    const handlers = createHandlers({ archive: slot, host: 'web', appName: 'test', version: '0', linkBase: 'x://', archiveId: 'bundled', log: () => undefined });
    const list = await dispatch(handlers, 'list', {});
    const first = list.ok ? (list.value as { items: { id: string }[] }).items[0]?.id : 'none';
    const r = at === 'get' ? await dispatch(handlers, 'getDoc', { id: first }) : await dispatch(handlers, 'search', { query: 'border' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(file.split('/').pop());
    await slot.close();
  });
});
