/**
 * Reads and prepares every page of a folder for the ingester, spread over
 * worker threads (ingest-worker.ts): reading, decoding, the format readers
 * and the per-page analysis are most of an ingest's time and need nothing
 * from other files. This thread lists the folder, hands out batches in
 * folder order, counts progress and keeps the results in folder order, so
 * the archive is the same with any number of threads.
 *
 * Small folders are read in this thread (starting threads costs more than it
 * saves), and so is everything when no worker can start (a build without the
 * worker file): the same per-file function either way (walk-folder.ts readOne).
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { preparePacked, type PreparedPage } from './prepare-page';
import {
  assembleContents, DEFAULT_MAX_FILE_BYTES, IngestCancelled, listFolder, mapLimit, READ_CONCURRENCY, readOne, throwIfCancelled,
  type EntryOutcome, type MappedContents, type PageEntry, type WalkOptions,
} from './walk-folder';
import type { IngestBatch, IngestRead, IngestWorkerData, IngestWorkerMessage } from './ingest-thread-protocol';
import { readForReuse, ReuseSession, type ReuseOptions, type ReuseRead } from './reuse-cache';

export interface ReadPagesOptions extends WalkOptions {
  /** Worker threads: 0 reads in this thread; default by folder size and cores (see threadsFor). */
  threads?: number;
  /**
   * Called in this thread on each page as it arrives (any order), while the others are still read: what it
   * returns is kept. A page re-used from the previous build arrives here too, as the reader would have made it.
   */
  onPage?: (page: PreparedPage) => PreparedPage;
  /** Re-use the previous build's prepared pages for unchanged files, and write this build's cache (reuse-cache.ts). */
  reuse?: ReuseOptions;
}

export interface ReadPagesResult extends MappedContents<PreparedPage> {
  /** With `reuse`: how many pages came from the previous build. */
  reused?: number;
}

/** Below this many files, threads cost more to start than they save. */
const THREADED_FROM = 200;
/** Files per message: large enough that messaging is cheap, small enough to keep every thread busy to the end. */
const BATCH = 32;

export function threadsFor(files: number): number {
  if (files < THREADED_FROM) return 0;
  // One per core, at most 4: this thread also works (it receives every page and builds the archive after).
  return Math.max(1, Math.min(4, availableParallelism()));
}

export async function readPages(dir: string, opts: ReadPagesOptions = {}): Promise<ReadPagesResult> {
  const listing = await listFolder(dir);
  throwIfCancelled(opts.signal);
  const { root, entries, skipped } = listing;
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const threads = Math.min(opts.threads ?? threadsFor(entries.length), Math.ceil(entries.length / BATCH));
  // Re-use (reuse-cache.ts): readers mark a file whose path and bytes the previous build cached; its page is taken as it arrives.
  const reuse = opts.reuse ? await ReuseSession.open(opts.reuse) : null;
  const read = { root, entries, maxBytes, reuse, opts };
  let complete = false;
  try {
    const outcomes = (threads > 0 && (await inThreads(read, threads))) || (await inThisThread(read));
    complete = true;
    const contents = assembleContents(outcomes, skipped);
    return reuse ? { ...contents, reused: reuse.reused } : contents;
  } finally {
    // This build's cache is finished only when every page was read (cancelled or failed: removed).
    await reuse?.close(complete);
  }
}

interface Reading {
  root: string;
  entries: PageEntry[];
  maxBytes: number;
  reuse: ReuseSession | null;
  opts: ReadPagesOptions;
}

/**
 * The outcome of entry `i` as it arrives from a reader: a re-used page taken from the previous build (and every
 * page among the first the cache holds put in this build's cache, as the reader made it), then through opts.onPage,
 * so a re-used page and one read fresh take the same path from here.
 */
function arrived(o: EntryOutcome<IngestRead>, i: number, { reuse, opts }: Reading): EntryOutcome<PreparedPage> {
  if (o.item === undefined) return o as EntryOutcome<PreparedPage>;
  let page = reuse ? reuse.take(i, o.name, o.hash!, o.item as ReuseRead) : (o.item as PreparedPage);
  if (opts.onPage) page = opts.onPage(page);
  return { ...o, item: page };
}

async function inThisThread(r: Reading): Promise<EntryOutcome<PreparedPage>[]> {
  const { root, entries, maxBytes, reuse, opts } = r;
  let done = 0;
  const index = reuse?.index;
  const readers = index ? [readForReuse(index, false), readForReuse(index, true)] : null;
  return mapLimit([...entries.keys()], READ_CONCURRENCY, async (i) => {
    throwIfCancelled(opts.signal);
    const e = entries[i];
    const read = readers ? readers[i < reuse!.cachedBelow ? 1 : 0] : preparePacked;
    const out = arrived(await readOne<IngestRead>(root, e, maxBytes, read), i, r);
    opts.onFile?.(++done, entries.length, e.name);
    return out;
  });
}

/** How to start a worker here: the source entry through tsx, or the bundled file beside this bundle; null when there is none. */
function workerSpec(): { file: URL; entry?: string } | null {
  const here = import.meta.url;
  if (fileURLToPath(here).endsWith('.ts')) return { file: new URL('../search/worker-boot.mjs', here), entry: new URL('./ingest-worker.ts', here).href };
  // Bundled: this module is in out/main/ or one of its chunk folders; the worker is out/main/ingest-worker.js.
  for (const rel of ['./ingest-worker.js', '../ingest-worker.js']) {
    const file = new URL(rel, here);
    if (existsSync(fileURLToPath(file))) return { file };
  }
  return null;
}

/**
 * Reads the entries over `threads` workers; null when the workers could not start (the caller reads in this
 * thread instead). Rejects with IngestCancelled on cancel, and with an error when a worker stops mid-way.
 */
async function inThreads(r: Reading, threads: number): Promise<EntryOutcome<PreparedPage>[] | null> {
  const { root, entries, maxBytes, reuse, opts } = r;
  const spec = workerSpec();
  if (!spec) return null;
  const data: IngestWorkerData & { __entry?: string } = {
    root, maxBytes, ...(reuse ? { reuse: reuse.index } : {}), ...(spec.entry ? { __entry: spec.entry } : {}),
  };
  const workers: Worker[] = [];
  const outcomes = new Array<EntryOutcome<PreparedPage>>(entries.length);
  const batches = Math.ceil(entries.length / BATCH);
  let nextBatch = 0;
  let finished = 0;
  let done = 0;
  let started = 0;
  try {
    return await new Promise<EntryOutcome<PreparedPage>[] | null>((resolve, reject) => {
      let settled = false;
      const finish = (v: EntryOutcome<PreparedPage>[] | null, e?: Error) => {
        if (settled) return;
        settled = true;
        opts.signal?.removeEventListener('abort', onAbort);
        if (e) reject(e);
        else resolve(v);
      };
      const onAbort = () => finish(null, new IngestCancelled());
      opts.signal?.addEventListener('abort', onAbort);
      const give = (w: Worker) => {
        if (nextBatch >= batches) return;
        const b = nextBatch++;
        // With re-use on, the pages this build caches (reuse-cache.ts MAX_CACHED_FILES) are packed where they are made.
        const pack = reuse ? Math.max(0, reuse.cachedBelow - b * BATCH) : 0;
        const msg: IngestBatch = { batch: b, entries: entries.slice(b * BATCH, (b + 1) * BATCH), ...(pack ? { pack } : {}) };
        w.postMessage(msg);
      };
      for (let t = 0; t < threads; t++) {
        const w = new Worker(spec.file, { workerData: data });
        workers.push(w);
        w.on('message', (m: IngestWorkerMessage) => {
          if (settled) return;
          if (m.type === 'ready') {
            started++;
            // Two batches in flight per thread: the next is waiting when one is sent back.
            give(w);
            give(w);
            return;
          }
          const from = m.batch * BATCH;
          try {
            m.outcomes.forEach((o, k) => {
              outcomes[from + k] = arrived(o, from + k, r);
              opts.onFile?.(++done, entries.length, o.name);
            });
          } catch (e) {
            // Taking a page failed here (a re-use cache changed under us): the read fails with its message, never uncaught.
            return finish(null, e as Error);
          }
          if (opts.signal?.aborted) return onAbort();
          if (++finished === batches) return finish(outcomes);
          give(w);
        });
        // A worker that cannot start at all (no tsx, a broken build): read in this thread instead.
        w.on('error', (e) => finish(null, started === 0 ? undefined : new Error(`An ingest thread stopped: ${e.message}`)));
        w.on('exit', (code) => {
          if (!settled) finish(null, started === 0 ? undefined : new Error(`An ingest thread stopped (exit ${code}).`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
