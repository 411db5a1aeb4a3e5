/**
 * Imports on the host, with real files and the real reader: upload batches
 * (names that would leave the staging folder refused), the build and its
 * report, re-import (ids kept, counts by content hash), the locks (the same
 * folder twice, two windows into one archive), cancel at 1% and at 99%
 * (nothing half-written, staging removed, the old archive intact), a folder
 * with no readable file, and a full disk.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestFolder, openArchive, type IngestProgress } from '../archive/index';
import { enospc, injectWriteFault } from '../archive/store/safe-output';
import { encodeBatch } from '../shared/upload-format';
import type { ImportStatus } from '../shared/contract';
import { archiveDirOf } from './archive-list';
import { ImportJobs, STAGING_FOLDER } from './import-jobs';
import type { ImportWorkerOption } from './import-thread';
import { ArchiveRegistry } from './registry';
import { storyFiles, storyText, writeFolder } from './test-folder';
import { unsafePathReason } from './upload-batch';

const root = mkdtempSync(join(tmpdir(), 'import-jobs-'));
let bundledDir: string;
beforeAll(async () => {
  bundledDir = join(root, 'bundled');
  await ingestFolder(writeFolder(join(root, 'bundled-src'), storyFiles(2, 'Bundled')), bundledDir);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
async function host(opts: { worker?: ImportWorkerOption; observe?: (jobs: ImportJobs, id: string, p: IngestProgress) => void; limits?: object } = {}) {
  const dataDir = join(root, `data-${n++}`);
  const registry = new ArchiveRegistry({ dataDir, openBundled: () => openArchive(bundledDir), openDir: (d) => openArchive(d) });
  await registry.start();
  const jobs: ImportJobs = new ImportJobs({ registry, worker: opts.worker ?? null, limits: opts.limits, observe: (id, p) => opts.observe?.(jobs, id, p) });
  return { dataDir, registry, jobs };
}

/** What is left in the staging folder (which is removed once empty). */
const staged = (dataDir: string) => (existsSync(join(dataDir, STAGING_FOLDER)) ? readdirSync(join(dataDir, STAGING_FOLDER)) : []);

const enc = (files: Record<string, string>) => Buffer.from(encodeBatch(Object.entries(files).map(([path, t]) => ({ path, data: Buffer.from(t) }))));

async function finished(jobs: ImportJobs, jobId: string): Promise<ImportStatus> {
  for (;;) {
    const s = jobs.status(jobId);
    if (!s.ok) throw new Error(s.error.message);
    if (s.value.state !== 'building' && s.value.state !== 'receiving') return s.value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Begins, uploads `files` in batches of `per`, runs, waits. */
async function importFiles(jobs: ImportJobs, files: Record<string, string>, req: { source: string; into?: string; name?: string }, per = 7) {
  const begun = await jobs.begin(req);
  if (!begun.ok) throw new Error(begun.error.message);
  const entries = Object.entries(files);
  for (let i = 0; i < entries.length; i += per) {
    const r = await jobs.receive(begun.value.jobId, enc(Object.fromEntries(entries.slice(i, i + per))));
    if (!r.ok) throw new Error(r.error.message);
  }
  jobs.run(begun.value.jobId);
  return finished(jobs, begun.value.jobId);
}

describe('upload names', () => {
  test.each([
    ['../x.txt', 'goes up'],
    ['a/../../x.txt', 'goes up'],
    ['/etc/passwd', 'absolute'],
    ['C:/x.txt', 'drive letter'],
    ['a\\..\\x.txt', 'backslash'],
    ['a\0b.txt', 'NUL'],
    ['a//b.txt', 'empty'],
    ['./a.txt', 'empty or "."'],
  ])('%s is refused (%s), and nothing of its batch is written', async (name, why) => {
    expect(unsafePathReason(name)).toContain(why);
    const { dataDir, jobs } = await host();
    const begun = await jobs.begin({ source: 'hostile' });
    if (!begun.ok) throw new Error();
    const r = await jobs.receive(begun.value.jobId, enc({ 'fine.txt': 'Title\n\nBody', [name]: 'x' }));
    expect(r.ok).toBe(false);
    expect(readdirSync(join(dataDir, STAGING_FOLDER, begun.value.jobId))).toEqual([]);
    await jobs.close();
    expect(existsSync(join(dataDir, STAGING_FOLDER, begun.value.jobId))).toBe(false);
  });

  test('a batch that lies about its sizes, or a file over the cap, is refused', async () => {
    const { jobs } = await host({ limits: { maxFileBytes: 10 } });
    const begun = await jobs.begin({ source: 'caps' });
    if (!begun.ok) throw new Error();
    const big = await jobs.receive(begun.value.jobId, enc({ 'a.txt': 'more than ten bytes' }));
    expect(!big.ok && big.error.message).toContain('larger than 10 bytes');
    const cut = enc({ 'a.txt': 'short' }).subarray(0, -2);
    expect((await jobs.receive(begun.value.jobId, cut)).ok).toBe(false);
    await jobs.close();
  });
});

describe('import and re-import', () => {
  test('a folder becomes an archive, opened, with the report; re-import keeps ids and counts changes', async () => {
    const { dataDir, registry, jobs } = await host();
    const files = storyFiles(12, 'Harbour');
    const first = await importFiles(jobs, files, { source: 'harbour', name: 'Harbour news' });
    expect(first.state).toBe('done');
    expect(first.report).toMatchObject({ name: 'Harbour news', reimport: false, files: 12, articles: 12, imported: 12, updated: 0, unchanged: 0, removed: 0 });
    const id = first.report!.archiveId;
    expect(registry.openId).toBe(id);
    expect(staged(dataDir)).toEqual([]);
    // The build keeps its per-file work for the next import of this folder (archive/ingest/reuse-cache.ts).
    expect(existsSync(join(archiveDirOf(dataDir, id), 'reuse-cache.bin'))).toBe(true);
    const idsBefore = (await registry.slot.current.service!.list({})).items.map((d) => [d.source, d.id]);

    // Edit one file, delete one, add one, and send them in another order.
    const edited: Record<string, string> = { ...files, 'business/000.txt': storyText('Harbour 0 about the harbour town', 0, 'with a corrected figure') };
    delete edited['sport/001.txt'];
    edited['sport/099.txt'] = storyText('A new story about the harbour town', 99);
    const reversed = Object.fromEntries(Object.entries(edited).reverse());
    const again = await importFiles(jobs, reversed, { source: 'harbour', into: id }, 5);
    expect(again.report).toMatchObject({ reimport: true, imported: 1, updated: 1, unchanged: 10, removed: 1 });
    const idsAfter = new Map((await registry.slot.current.service!.list({})).items.map((d) => [d.source, d.id]));
    for (const [source, docId] of idsBefore) if (source !== 'sport/001.txt') expect(idsAfter.get(source)).toBe(docId);
    await jobs.close();
    await registry.close();
  });

  test('the build runs in a worker thread (from the sources through tsx) with progress counts', async () => {
    const seen: IngestProgress[] = [];
    const { registry, jobs } = await host({ worker: true, observe: (_j, _id, p) => seen.push(p) });
    const done = await importFiles(jobs, storyFiles(6, 'Worker'), { source: 'worker' });
    expect(done.state).toBe('done');
    expect(done.report?.articles).toBe(6);
    expect(seen.some((p) => p.phase === 'read' && p.done === 6 && p.total === 6)).toBe(true);
    await jobs.close();
    await registry.close();
  });

  test('a folder with no readable file: a clear message and no archive left', async () => {
    const { dataDir, registry, jobs } = await host();
    const status = await importFiles(jobs, { 'notes.bin': '\0\0\0\x01binary', 'empty.txt': '' }, { source: 'nothing' });
    expect(status.state).toBe('failed');
    expect(status.message).toContain('No readable pages');
    expect((await registry.describe()).archives).toHaveLength(1);
    expect(existsSync(join(dataDir, 'archives')) ? readdirSync(join(dataDir, 'archives')) : []).toEqual([]);
    await jobs.close();
    await registry.close();
  });
});

describe('locks', () => {
  test('the same folder twice at once: the second is refused; two windows into one archive: one lock', async () => {
    const { registry, jobs } = await host();
    const done = await importFiles(jobs, storyFiles(2, 'Lock'), { source: 'lock-src' });
    const id = done.report!.archiveId;
    const a = await jobs.begin({ source: 'same-folder' });
    const b = await jobs.begin({ source: 'same-folder' });
    expect(a.ok).toBe(true);
    expect(!b.ok && b.error).toMatchObject({ code: 'busy' });
    const w1 = await jobs.begin({ source: 'window-1', into: id });
    const w2 = await jobs.begin({ source: 'window-2', into: id });
    expect(w1.ok).toBe(true);
    expect(!w2.ok && w2.error.message).toContain('already being imported into');
    // Once the first is cancelled, the archive can be imported into again.
    if (w1.ok) await jobs.cancel(w1.value.jobId);
    expect((await jobs.begin({ source: 'window-2', into: id })).ok).toBe(true);
    await jobs.close();
    await registry.close();
  });
});

describe('cancel and a full disk leave the old archive intact', () => {
  async function withOld(observe?: (jobs: ImportJobs, id: string, p: IngestProgress) => void) {
    const h = await host({ observe });
    const first = await importFiles(h.jobs, storyFiles(4, 'Old'), { source: 'old' });
    const id = first.report!.archiveId;
    const manifest = readFileSync(join(archiveDirOf(h.dataDir, id), 'manifest.json'), 'utf8');
    return { ...h, id, manifest };
  }
  const leftovers = (dataDir: string) => readdirSync(join(dataDir, 'archives')).filter((n) => n.startsWith('.'));

  test.each([
    ['1%', (p: IngestProgress) => p.phase === 'read' && (p.done ?? 0) >= 1],
    ['99%', (p: IngestProgress) => p.phase === 'index'],
  ])('cancel at %s', async (_at, when) => {
    let cancelAt: ((jobs: ImportJobs, id: string, p: IngestProgress) => void) | undefined;
    const h = await withOld((jobs, id, p) => cancelAt?.(jobs, id, p));
    let cancelled = false;
    cancelAt = (jobs, id, p) => {
      if (!cancelled && when(p)) {
        cancelled = true;
        void jobs.cancel(id);
      }
    };
    const status = await importFiles(h.jobs, storyFiles(100, 'New'), { source: 'new', into: h.id });
    expect(cancelled).toBe(true);
    expect(status.state).toBe('cancelled');
    expect(status.message).toContain('nothing was written');
    expect(readFileSync(join(archiveDirOf(h.dataDir, h.id), 'manifest.json'), 'utf8')).toBe(h.manifest);
    expect(leftovers(h.dataDir)).toEqual([]);
    expect(staged(h.dataDir)).toEqual([]);
    expect(h.registry.slot.current.service?.info().articles).toBe(4);
    await h.jobs.close();
    await h.registry.close();
  });

  test('disk full while building: a message, the old archive intact, nothing half-written', async () => {
    const h = await withOld();
    injectWriteFault((file) => (file.includes('bodies') ? enospc(file) : null));
    try {
      const status = await importFiles(h.jobs, storyFiles(8, 'Full'), { source: 'full', into: h.id });
      expect(status.state).toBe('failed');
      expect(status.message).toMatch(/disk|space|ENOSPC/i);
      expect(status.message).toContain('was not changed');
    } finally {
      injectWriteFault(null);
    }
    expect(readFileSync(join(archiveDirOf(h.dataDir, h.id), 'manifest.json'), 'utf8')).toBe(h.manifest);
    expect(leftovers(h.dataDir)).toEqual([]);
    await h.jobs.close();
    await h.registry.close();
  });

  test('an import past its size cap is refused and its staged files removed', async () => {
    const h = await host({ limits: { maxTotalBytes: 2000 } });
    const begun = await h.jobs.begin({ source: 'too-big' });
    if (!begun.ok) throw new Error();
    const r1 = await h.jobs.receive(begun.value.jobId, enc(Object.fromEntries(Object.entries(storyFiles(4, 'Big')).slice(0, 2))));
    expect(r1.ok).toBe(true);
    const r2 = await h.jobs.receive(begun.value.jobId, enc(storyFiles(6, 'Bigger')));
    expect(!r2.ok && r2.error.code).toBe('too-large');
    expect(staged(h.dataDir)).toEqual([]);
    expect(h.jobs.status(begun.value.jobId)).toMatchObject({ ok: true, value: { state: 'failed' } });
    await h.jobs.close();
    await h.registry.close();
  });
});

describe('the desktop glue: importFolder through the handlers', () => {
  test('the folder the system dialog gives is imported by path; a cancelled dialog imports nothing; the web host has no dialog', async () => {
    const { createHandlers, dispatch } = await import('../ipc/handlers');
    const { registry, jobs } = await host();
    const folder = writeFolder(join(root, 'desktop-folder'), storyFiles(3, 'Desktop'));
    let pick: string | null = folder;
    const deps = { archive: registry.slot, archives: { registry, imports: jobs }, archiveId: 'bundled', host: 'electron' as const, appName: 'x', version: '0', linkBase: 'x', pickFolder: async () => pick };
    const handlers = createHandlers(deps);
    const started = (await dispatch(handlers, 'importFolder', {})) as { ok: true; value: ImportStatus };
    expect(started.ok).toBe(true);
    const done = await finished(jobs, started.value.jobId);
    expect(done.report).toMatchObject({ name: 'desktop-folder', files: 3, imported: 3 });
    expect((await dispatch(handlers, 'appInfo', undefined)) as { value: { archiveId: string } }).toMatchObject({ value: { archiveId: done.report!.archiveId } });
    // The folder the person picked is read, never written.
    expect(readdirSync(folder).sort()).toEqual(['business', 'sport']);
    pick = null;
    expect(await dispatch(handlers, 'importFolder', {})).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const web = createHandlers({ ...deps, pickFolder: undefined });
    expect(await dispatch(web, 'importFolder', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    await jobs.close();
    await registry.close();
  });
});

test('a host stopped during an upload: the next start removes its staging folder, and nothing else there', async () => {
  const { dataDir, registry, jobs } = await host();
  const begun = await jobs.begin({ source: 'interrupted' });
  if (!begun.ok) throw new Error();
  await jobs.receive(begun.value.jobId, enc(storyFiles(2, 'Half')));
  // Not closed: as if the process had been killed. A file of the person's own in the staging folder stays.
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(dataDir, STAGING_FOLDER, 'mine.txt'), 'mine');
  const again = new ImportJobs({ registry, worker: null });
  await expect.poll(() => staged(dataDir)).toEqual(['mine.txt']);
  await again.close();
  await registry.close();
});
