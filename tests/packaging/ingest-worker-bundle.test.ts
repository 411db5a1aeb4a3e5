/**
 * The built ingest thread (out/main/ingest-worker.js, from `npm run build`)
 * starts in plain Node, as it does in the app, and prepares pages exactly as
 * the sources do: a bundle that lost a module, or a worker that cannot load,
 * would make every large import fall back to one thread (read-pages.ts).
 * With re-use on (reuse-cache.ts) it marks and packs as the sources do too.
 */
import { existsSync } from 'node:fs';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { deserialize } from 'node:v8';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readOne } from '../../src-main/archive/ingest/walk-folder';
import { preparePacked } from '../../src-main/archive/ingest/prepare-page';
import { readForReuse, type ReuseRead } from '../../src-main/archive/ingest/reuse-cache';
import type { IngestBatch, IngestWorkerMessage } from '../../src-main/archive/ingest/ingest-thread-protocol';
import { removeDir, tempDir } from '../../src-main/archive/test/helpers';

const worker = resolve(import.meta.dirname, '..', '..', 'out/main/ingest-worker.js');
let dir: string;
beforeAll(async () => {
  dir = await realpath(await tempDir('ingest-bundle-'));
  await mkdir(join(dir, 'world'));
  await writeFile(join(dir, 'world', 'a.txt'), 'Harbour reopens in Almaty\n\nSecretary General Nikolai Bordyuzha said on 3 May 2022 the harbour reopened.\n');
  await writeFile(join(dir, 'b.md'), '---\ntitle: Port strike ends\ndate: 2022-10-05\n---\n\nDockers returned to work on Monday.\n');
});
afterAll(() => removeDir(dir));

test('out/main/ingest-worker.js prepares pages as the sources do', async () => {
  if (!existsSync(worker)) throw new Error('out/main/ingest-worker.js is missing: run "npm run build" before this test (npm test does).');
  const entries = [{ path: join(dir, 'world', 'a.txt'), name: 'world/a.txt' }, { path: join(dir, 'b.md'), name: 'b.md' }];
  const w = new Worker(worker, { workerData: { root: dir, maxBytes: 1 << 20 } });
  try {
    const got = await new Promise<IngestWorkerMessage>((res, rej) => {
      w.on('message', (m: IngestWorkerMessage) => (m.type === 'ready' ? w.postMessage({ batch: 0, entries } satisfies IngestBatch) : res(m)));
      w.on('error', rej);
    });
    const expected = await Promise.all(entries.map((e) => readOne(dir, e, 1 << 20, preparePacked)));
    expect(got).toEqual({ type: 'done', batch: 0, outcomes: expected });
    expect(expected.map((o) => o.item?.kind === 'article' && o.item.doc?.title)).toEqual(['Harbour reopens in Almaty', 'Port strike ends']);
  } finally {
    await w.terminate();
  }
});

test('with re-use on, out/main/ingest-worker.js marks a cached file and packs a page to cache as the sources do', async () => {
  if (!existsSync(worker)) throw new Error('out/main/ingest-worker.js is missing: run "npm run build" before this test (npm test does).');
  const entries = [{ path: join(dir, 'world', 'a.txt'), name: 'world/a.txt' }, { path: join(dir, 'b.md'), name: 'b.md' }];
  const first = await readOne(dir, entries[0], 1 << 20, preparePacked);
  // The previous build cached world/a.txt with these bytes: it is marked; b.md is prepared and packed for this build's cache.
  const reuse = new Map([[entries[0].name, first.hash!]]);
  const w = new Worker(worker, { workerData: { root: dir, maxBytes: 1 << 20, reuse } });
  try {
    const got = await new Promise<IngestWorkerMessage>((res, rej) => {
      w.on('message', (m: IngestWorkerMessage) => (m.type === 'ready' ? w.postMessage({ batch: 0, entries, pack: 2 } satisfies IngestBatch) : res(m)));
      w.on('error', rej);
    });
    const expected = await Promise.all(entries.map((e) => readOne(dir, e, 1 << 20, readForReuse(reuse, true))));
    // Packed pages compared by what they hold: V8's serializer may write the same string one-byte or two-byte,
    // by how each thread happened to build it, so equal pages need not be equal bytes.
    const opened = (outcomes: typeof expected) =>
      outcomes.map((o) => (o.item?.kind === 'read' && o.item.packed ? { ...o, item: { ...o.item, packed: deserialize(inflateRawSync(o.item.packed)) } } : o));
    expect(got.type).toBe('done');
    expect(opened((got as Extract<IngestWorkerMessage, { type: 'done' }>).outcomes as typeof expected)).toEqual(opened(expected));
    expect(expected.map((o) => o.item?.kind)).toEqual(['reused', 'read']);
    const read = expected[1].item as Extract<ReuseRead, { kind: 'read' }>;
    expect(deserialize(inflateRawSync(read.packed!))).toEqual(read.page);
  } finally {
    await w.terminate();
  }
});
