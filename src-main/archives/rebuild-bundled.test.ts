/**
 * A bundled archive that cannot be opened (a file cut short or garbled) is
 * rebuilt from its pages when the person asks (the library's error offers it):
 * the registry opens the new build, nothing of the damaged one is deleted
 * that the program cannot prove it made, and a host that cannot rebuild says so.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, expect, test } from 'vitest';
import { bundledArchiveDir, bundledCorpusDir, ensureBundledArchive, openArchive, rebuildBundledArchive } from '../archive/index';
import { ArchiveRegistry } from './registry';

const root = mkdtempSync(join(tmpdir(), 'rebuild-bundled-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
let res: { resourcesDir: string };

beforeEach(async () => {
  res = { resourcesDir: join(root, `res-${++n}`) };
  cpSync(bundledCorpusDir(), join(res.resourcesDir, 'corpus'), { recursive: true });
  await ensureBundledArchive(res);
});

function registry(rebuild: boolean) {
  return new ArchiveRegistry({
    dataDir: join(res.resourcesDir, 'data'),
    openBundled: () => openArchive(bundledArchiveDir(res)),
    openDir: (d) => openArchive(d),
    rebuildBundled: rebuild ? () => rebuildBundledArchive(res).then((d) => openArchive(d)) : undefined,
  });
}

test('bodies cut short: the error names the file; a rebuild opens a whole archive again', async () => {
  truncateSync(join(bundledArchiveDir(res), 'bodies.jsonl'), 100);
  const reg = registry(true);
  await reg.start();
  expect(reg.slot.current.status).toBe('error');
  expect(reg.slot.current.message).toMatch(/bodies\.jsonl/);
  const r = await reg.rebuildBundled();
  expect(r.ok).toBe(true);
  const a = reg.slot.current.service!;
  expect((await a.list({})).total).toBe(15);
  expect((await a.search({ query: 'peacekeeping' })).hits.length).toBeGreaterThan(0);
  await reg.close();
});

test('a garbled manifest: the damaged folder is set aside, byte for byte, and a new archive is built', async () => {
  const dir = bundledArchiveDir(res);
  writeFileSync(join(dir, 'manifest.json'), '{"not": "ours"');
  const reg = registry(true);
  await reg.start();
  expect(reg.slot.current.status).toBe('error');
  expect((await reg.rebuildBundled()).ok).toBe(true);
  const aside = readdirSync(res.resourcesDir).filter((f) => f.startsWith('archive.damaged-'));
  expect(aside).toHaveLength(1);
  expect(readFileSync(join(res.resourcesDir, aside[0], 'manifest.json'), 'utf8')).toBe('{"not": "ours"');
  expect((await reg.slot.current.service!.list({})).total).toBe(15);
  await reg.close();
});

test('a host that cannot rebuild (a packaged app) says so and changes nothing', async () => {
  truncateSync(join(bundledArchiveDir(res), 'bodies.jsonl'), 100);
  const before = readFileSync(join(bundledArchiveDir(res), 'bodies.jsonl'));
  const reg = registry(false);
  await reg.start();
  const r = await reg.rebuildBundled();
  expect(r.ok).toBe(false);
  expect(!r.ok && r.error.code).toBe('unsupported');
  expect(readFileSync(join(bundledArchiveDir(res), 'bodies.jsonl')).equals(before)).toBe(true);
  await reg.close();
});

test('no pages to build from: a clear message, the archive folder untouched', async () => {
  rmSync(join(res.resourcesDir, 'corpus'), { recursive: true });
  await expect(rebuildBundledArchive(res)).rejects.toThrow(/no pages to build it from.*Reinstall/);
  expect(existsSync(join(bundledArchiveDir(res), 'manifest.json'))).toBe(true);
});
