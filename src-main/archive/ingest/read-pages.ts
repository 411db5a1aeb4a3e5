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
import type { PreparedPage } from './prepare-page';
import {
  assembleContents, DEFAULT_MAX_FILE_BYTES, IngestCancelled, listFolder, mapLimit, READ_CONCURRENCY, readOne, throwIfCancelled,
  type EntryOutcome, type MappedContents, type PageEntry, type WalkOptions,
} from './walk-folder';
import type { IngestBatch, IngestWorkerData, IngestWorkerMessage } from './ingest-thread-protocol';
import { fillReused, prepareOrReuse, PreviousPages, type ReusedMarker, type ReuseIndex, type ReuseOptions } from './reuse-cache';

export interface ReadPagesOptions extends WalkOptions {
  /** Worker threads: 0 reads in this thread; default by folder size and cores (see threadsFor). */
  threads?: number;
  /** Re-use the previous build's prepared pages for unchanged files, and make this build's cache (reuse-cache.ts). */
  reuse?: ReuseOptions;
}

type Read = PreparedPage | ReusedMarker;

export interface ReadPagesResult extends MappedContents<PreparedPage> {
  /** With `reuse`: this build's cache file, in chunks, and how many pages came from the previous build. */
  reuseCache?: Buffer[];
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
  // Re-use (reuse-cache.ts): readers mark a file whose path and bytes the previous build prepared; its page is filled in below.
  const previous = opts.reuse?.from ? await PreviousPages.load(opts.reuse.from) : null;
  const index = previous?.index ?? null;
  const outcomes = (threads > 0 && (await inThreads(root, entries, maxBytes, threads, index, opts))) || (await inThisThread(root, entries, maxBytes, index, opts));
  if (!opts.reuse) return assembleContents(outcomes as EntryOutcome<PreparedPage>[], skipped);
  const filled = await fillReused(outcomes, previous);
  return { ...assembleContents(filled.outcomes, skipped), reuseCache: filled.cache, reused: filled.reused };
}

async function inThisThread(root: string, entries: PageEntry[], maxBytes: number, index: ReuseIndex | null, opts: WalkOptions): Promise<EntryOutcome<Read>[]> {
  let done = 0;
  const prepare = prepareOrReuse(index);
  return mapLimit(entries, READ_CONCURRENCY, async (e) => {
    throwIfCancelled(opts.signal);
    const r = await readOne(root, e, maxBytes, prepare);
    opts.onFile?.(++done, entries.length, e.name);
    return r;
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
async function inThreads(
  root: string, entries: PageEntry[], maxBytes: number, threads: number, reuse: ReuseIndex | null, opts: WalkOptions,
): Promise<EntryOutcome<Read>[] | null> {
  const spec = workerSpec();
  if (!spec) return null;
  const data: IngestWorkerData & { __entry?: string } = { root, maxBytes, ...(reuse ? { reuse } : {}), ...(spec.entry ? { __entry: spec.entry } : {}) };
  const workers: Worker[] = [];
  const outcomes = new Array<EntryOutcome<Read>>(entries.length);
  const batches = Math.ceil(entries.length / BATCH);
  let nextBatch = 0;
  let finished = 0;
  let done = 0;
  let started = 0;
  try {
    return await new Promise<EntryOutcome<Read>[] | null>((resolve, reject) => {
      let settled = false;
      const finish = (v: EntryOutcome<Read>[] | null, e?: Error) => {
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
        const msg: IngestBatch = { batch: b, entries: entries.slice(b * BATCH, (b + 1) * BATCH) };
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
          m.outcomes.forEach((o, k) => {
            outcomes[from + k] = o;
            opts.onFile?.(++done, entries.length, o.name);
          });
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
