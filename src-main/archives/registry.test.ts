/**
 * The list of archives: read and written through one schema, the bundled one
 * always first, open/rename/remove, the last used opened at start, a missing
 * or damaged archive named with what to do while the others stay usable, and
 * removal deleting only what the import built.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ingestFolder, openArchive } from '../archive/index';
import { archiveDirOf, LIST_FILE, readArchiveList, writeArchiveList } from './archive-list';
import { ArchiveRegistry } from './registry';
import { storyFiles, writeFolder } from './test-folder';
import { tempDirsForFile } from '../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();
const temps: string[] = [];
const temp = (p: string) => {
  const d = tempDir(p);
  temps.push(d);
  return d;
};
afterEach(() => {
  while (temps.length > 2) rmSync(temps.pop()!, { recursive: true, force: true });
});

let bundledDir: string;
beforeAll(async () => {
  const src = writeFolder(temp('reg-bundled-src-'), storyFiles(3, 'Bundled'));
  bundledDir = join(temp('reg-bundled-'), 'archive');
  await ingestFolder(src, bundledDir);
});

function registry(dataDir: string) {
  return new ArchiveRegistry({ dataDir, openBundled: () => openArchive(bundledDir), openDir: (d) => openArchive(d) });
}

/** An archive built into the data folder as an import would, put on the list. */
async function imported(reg: ArchiveRegistry, name: string, stories: number) {
  const id = await reg.newId();
  const src = writeFolder(temp('reg-src-'), storyFiles(stories, name));
  await ingestFolder(src, archiveDirOf(reg.dataDir, id));
  await reg.imported(id, name, src);
  return id;
}

describe('archive list file', () => {
  test('a missing file is an empty list; what is written reads back; a damaged one is named', async () => {
    const data = temp('list-');
    expect(await readArchiveList(data)).toEqual({ list: { format: 1, archives: [] }, problem: null });
    const list = { format: 1 as const, lastUsed: 'i-0123456789ab', archives: [{ id: 'i-0123456789ab', name: 'Mine', source: '/x', createdAt: '2026-11-30T10:00:00.000Z', updatedAt: '2026-11-30T10:00:00.000Z' }] };
    await writeArchiveList(data, list);
    expect((await readArchiveList(data)).list).toEqual(list);
    writeFileSync(join(data, LIST_FILE), '{"format":1,"archives":[{"id":"../etc","name":"x"}]}');
    const bad = await readArchiveList(data);
    expect(bad.list.archives).toEqual([]);
    expect(bad.problem).toContain(join(data, LIST_FILE));
    expect(bad.problem).toContain('damaged');
  });

  test('an id that is not one the registry makes can never name a folder', () => {
    expect(() => archiveDirOf('/data', '../../etc')).toThrow();
    expect(() => archiveDirOf('/data', 'bundled')).toThrow();
  });
});

describe('registry', () => {
  test('the bundled archive is always there, first, and can be neither renamed nor removed', async () => {
    const reg = registry(temp('reg-'));
    await reg.start();
    const list = await reg.describe();
    expect(list.archives.map((a) => [a.id, a.bundled, a.open])).toEqual([['bundled', true, true]]);
    expect((await reg.rename('bundled', 'x')).ok).toBe(false);
    expect((await reg.remove('bundled')).ok).toBe(false);
    await reg.close();
  });

  test('an import is added and opened; switching changes what the slot answers; the last used opens at start', async () => {
    const data = temp('reg-');
    const reg = registry(data);
    await reg.start();
    const id = await imported(reg, 'Harbour', 4);
    expect(reg.openId).toBe(id);
    expect(reg.slot.current.service?.info().articles).toBe(4);
    const opened = await reg.open('bundled');
    expect(opened.ok && opened.value.openId).toBe('bundled');
    expect(reg.slot.current.service?.info().articles).toBe(3);
    expect((await reg.open(id)).ok).toBe(true);
    await reg.close();

    const again = registry(data);
    await again.start();
    expect(again.openId).toBe(id);
    expect(again.slot.current.service?.info().articles).toBe(4);
    await again.close();
  });

  test('rename is kept; a name cannot be empty', async () => {
    const data = temp('reg-');
    const reg = registry(data);
    await reg.start();
    const id = await imported(reg, 'Old name', 2);
    const renamed = await reg.rename(id, '  New name ');
    expect(renamed.ok && renamed.value.archives.find((a) => a.id === id)?.name).toBe('New name');
    expect((await reg.rename(id, '   ')).ok).toBe(false);
    await reg.close();
    expect((await readArchiveList(data)).list.archives[0]!.name).toBe('New name');
  });

  test('a missing archive at start: one notice naming it and what to do, the bundled opens, the others stay usable', async () => {
    const data = temp('reg-');
    const reg = registry(data);
    await reg.start();
    const kept = await imported(reg, 'Kept', 2);
    const gone = await imported(reg, 'Gone', 2);
    await reg.close();
    rmSync(archiveDirOf(data, gone), { recursive: true });

    const again = registry(data);
    await again.start();
    expect(again.openId).toBe('bundled');
    const list = await again.describe();
    expect(list.notice).toContain('"Gone"');
    expect(list.notice).toContain('Import it again');
    expect(list.archives.find((a) => a.id === gone)).toMatchObject({ status: 'missing' });
    expect(list.archives.find((a) => a.id === kept)).toMatchObject({ status: 'ok' });
    expect((await again.open(kept)).ok).toBe(true);
    const failed = await again.open(gone);
    expect(failed.ok).toBe(false);
    // The archive open before stays open when another cannot be opened.
    expect(again.openId).toBe(kept);
    await again.close();
  });

  test('a damaged archive (a broken docs file) is refused by name; removing it works', async () => {
    const data = temp('reg-');
    const reg = registry(data);
    await reg.start();
    const id = await imported(reg, 'Broken', 2);
    await reg.open('bundled');
    writeFileSync(join(archiveDirOf(data, id), 'list.json'), '{ not json');
    const failed = await reg.open(id);
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.message).toContain('"Broken"');
    expect(reg.openId).toBe('bundled');
    expect((await reg.remove(id)).ok).toBe(true);
    expect(existsSync(archiveDirOf(data, id))).toBe(false);
    await reg.close();
  });

  test('removing the open archive switches to the bundled one; a folder holding files we did not make is left', async () => {
    const data = temp('reg-');
    const reg = registry(data);
    await reg.start();
    const a = await imported(reg, 'A', 2);
    const removed = await reg.remove(a);
    expect(removed.ok && removed.value.openId).toBe('bundled');
    expect(reg.slot.current.service?.info().articles).toBe(3);
    expect(existsSync(archiveDirOf(data, a))).toBe(false);

    const b = await imported(reg, 'B', 2);
    writeFileSync(join(archiveDirOf(data, b), 'my-notes.txt'), 'mine');
    const left = await reg.remove(b);
    expect(left.ok).toBe(true);
    if (left.ok) expect(left.value.notice).toContain('left as it is');
    expect(readFileSync(join(archiveDirOf(data, b), 'my-notes.txt'), 'utf8')).toBe('mine');
    expect(left.ok && left.value.archives.map((x) => x.id)).toEqual(['bundled']);
    await reg.close();
  });

  test('a damaged list file is set aside (never deleted) and named', async () => {
    const data = temp('reg-');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, LIST_FILE), 'garbage');
    const reg = registry(data);
    await reg.start();
    const list = await reg.describe();
    expect(list.notice).toContain(LIST_FILE);
    expect(list.openId).toBe('bundled');
    await reg.close();
  });
});
