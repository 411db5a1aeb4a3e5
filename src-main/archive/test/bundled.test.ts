/**
 * The bundled archive and the opened service: built when missing, reused
 * while the corpus is unchanged, rebuilt when its content changes; opening
 * answers the library before the index has loaded; a damaged index or a
 * missing archive gives a message, not a crash.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendFile, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledArchiveDir, bundledCorpusDir, ensureBundledArchive, ensureBundledArchiveStatus, openArchive, resourcesDir } from '../index';
import { removeDir, tempDir } from './helpers';

let res: string;
beforeAll(async () => {
  res = await tempDir('resources-');
  await cp(bundledCorpusDir(), join(res, 'corpus'), { recursive: true });
});
afterAll(() => removeDir(res));

describe('bundled archive', () => {
  test('resources are found from an explicit folder and from the source tree', () => {
    expect(bundledCorpusDir({ resourcesDir: res })).toBe(join(res, 'corpus'));
    expect(bundledArchiveDir({ resourcesDir: res })).toBe(join(res, 'archive'));
    expect(resourcesDir()).toMatch(/resources$/);
  });

  test('built when missing, reused while the corpus is unchanged, rebuilt when it changes', async () => {
    const first = await ensureBundledArchiveStatus({ resourcesDir: res });
    expect(first).toMatchObject({ rebuilt: true, reason: 'no archive built yet', dir: join(res, 'archive') });
    const builtAt = JSON.parse(await readFile(join(res, 'archive', 'manifest.json'), 'utf8')).builtAt;
    const second = await ensureBundledArchiveStatus({ resourcesDir: res });
    expect(second).toMatchObject({ rebuilt: false, reason: 'up to date' });
    expect(JSON.parse(await readFile(join(res, 'archive', 'manifest.json'), 'utf8')).builtAt).toBe(builtAt);

    await appendFile(join(res, 'corpus', '004_dd9f77a6c879bfad.txt'), '\nA corrected closing line about the Bishkek summit.\n');
    const third = await ensureBundledArchiveStatus({ resourcesDir: res });
    expect(third).toMatchObject({ rebuilt: true, reason: 'corpus changed' });
    expect(third.corpusHash).not.toBe(first.corpusHash);
    const a = await openArchive(await ensureBundledArchive({ resourcesDir: res }));
    await a.searchReady;
    expect((await a.search({ query: '"corrected closing line"' })).total).toBe(1);
    expect(a.info().corpusHash).toBe(third.corpusHash);
    await a.close();
  });
});

test('without a corpus, a built archive is used as it is; with neither, a clear error', async () => {
  const only = await tempDir('resources-');
  await cp(await ensureBundledArchive({ resourcesDir: res }), join(only, 'archive'), { recursive: true });
  expect(await ensureBundledArchiveStatus({ resourcesDir: only })).toMatchObject({ rebuilt: false, dir: join(only, 'archive') });
  const none = await tempDir('resources-');
  await expect(ensureBundledArchive({ resourcesDir: none })).rejects.toThrow(/Neither a corpus .* nor a built archive/);
  await removeDir(only);
  await removeDir(none);
});

describe('opening an archive', () => {
  test('the library is listed before the index has loaded; then search is ready', async () => {
    const dir = await ensureBundledArchive({ resourcesDir: res });
    const a = await openArchive(dir);
    const info = a.info();
    expect(info).toMatchObject({ status: 'ready', searchStatus: 'loading', articles: 5, briefs: 10 });
    expect((await a.list({})).total).toBe(15);
    await a.searchReady;
    expect(a.info().searchStatus).toBe('ready');
    await a.close();
  });

  test('a damaged index: the library still works, search says why', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'copy');
    await cp(await ensureBundledArchive({ resourcesDir: res }), dir, { recursive: true });
    await writeFile(join(dir, 'index', 'index.bin'), 'ARIX{"engine": "lunr-1", "index": {broken');
    const a = await openArchive(dir);
    expect((await a.list({ kind: 'article' })).total).toBe(5);
    await expect(a.searchReady).rejects.toThrow(/cannot be read/);
    expect(a.info()).toMatchObject({ searchStatus: 'error' });
    expect(a.info().message).toMatch(/index\.bin/);
    const r = await a.search({ query: 'minsk' });
    expect(r.hits).toEqual([]);
    expect(r.notice).toMatch(/Search failed: search index .* cannot be read/);
    const doc = (await a.get((await a.list({})).items[0].id))!;
    expect(doc.paragraphs.length).toBeGreaterThan(0);
    await a.close();
    await removeDir(parent);
  });

  test('no archive in the folder: a message that says how to build one', async () => {
    const empty = await tempDir();
    await mkdir(join(empty, 'x'));
    await expect(openArchive(join(empty, 'x'))).rejects.toThrow(/No archive in .*manifest\.json is missing.*npm run archive/);
    await removeDir(empty);
  });

  test('bodies are read on demand and match the listing', async () => {
    const a = await openArchive(await ensureBundledArchive({ resourcesDir: res }));
    for (const s of (await a.list({})).items) {
      const d = (await a.get(s.id))!;
      expect(d).toMatchObject(s);
      expect(d.paragraphs.length).toBeGreaterThan(0);
      expect(d.textHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await a.get('nope')).toBeUndefined();
    expect(await a.get(undefined as unknown as string)).toBeUndefined();
    const sorted = await a.list({ sort: 'title', order: 'asc', offset: 2, limit: 3 });
    expect(sorted.total).toBe(15);
    expect(sorted.items).toHaveLength(3);
    await a.close();
  });
});
