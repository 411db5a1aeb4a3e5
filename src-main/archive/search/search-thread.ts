/**
 * Runs an archive's search in a worker thread (search-worker.ts), so a long
 * query never blocks the host that serves the window: the HTTP host and
 * Electron's main process answer appInfo, list, getDoc and backups while a
 * search runs. A second thread of the same file (role 'details') reads
 * docs.json (seconds of parsing at 50,000 documents) and sends the host only
 * what it asks for: the filters' compact index (details-index.ts) and one
 * document's summary at a time. The CLI answers one question and exits, so it
 * searches in process (no thread to start).
 *
 * Where the worker comes from: the built app passes the bundled
 * `search-worker.js`; from the sources (`npm run web`, tests) it starts
 * through worker-boot.mjs, which registers tsx in the thread.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FindInDocResponse, SearchRequest, SearchResponse } from '../../shared/contract';
import type { DetailsIndex } from '../details-index';
import type { StoredSummary } from '../store/layout';
import { DamagedArchive } from '../store/archive-schemas';
import { ThreadStopped, type SearchThreadMessage, type SearchThreadRequest, type SearchWorkerData, type ThreadError } from './search-thread-protocol';

export { ThreadStopped };

/** true: from the sources (tsx); a path: the bundled worker file. */
export type SearchWorkerOption = true | string;

export class SearchThread {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;

  constructor(data: SearchWorkerData, how: SearchWorkerOption) {
    const sourceEntry = new URL('./search-worker.ts', import.meta.url);
    this.worker =
      how === true
        ? new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { ...data, __entry: sourceEntry.href } })
        : new Worker(how, { workerData: data });
    // A host that closes without closing its archive must still be able to exit.
    this.worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (m: SearchThreadMessage) => {
        if (m.type === 'ready') resolve();
        // The archive's index could not load: the thread still answers (each search says why, as in process).
        else if (m.type === 'failed') reject(fromThread(m.error));
        else {
          const w = this.waiting.get(m.id);
          this.waiting.delete(m.id);
          if (m.ok) w?.resolve(m.value);
          else w?.reject(fromThread(m.error));
        }
      });
      this.worker.on('error', (e) => reject(this.fail(new ThreadStopped(`The search thread stopped: ${e.message}`))));
      this.worker.on('exit', (code) => reject(this.fail(new ThreadStopped(`The search thread stopped (exit ${code}).`))));
    });
    this.ready.catch(() => undefined); // observed by the caller through searchReady
  }

  /** Fails every question still waiting; later ones fail at once with the same reason. */
  private fail(e: Error): Error {
    this.failure ??= e;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
    return this.failure;
  }

  private ask<T>(m: DistributiveOmit<SearchThreadRequest, 'id'>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...m, id } as SearchThreadRequest);
    });
  }

  /** Lets the thread load the index now (any question does too): see the 'start' request. */
  start(): void {
    this.ask({ op: 'start' }).catch(() => undefined); // a thread that failed says so through `ready`
  }

  /** The host has its details: the search thread may warm up (warm-up.ts). */
  warmUp(): void {
    this.ask({ op: 'warm-up' }).catch(() => undefined); // only ever an optimization
  }

  search(req: SearchRequest): Promise<SearchResponse> {
    return this.ask({ op: 'search', req });
  }

  findInDoc(docId: string, query: string): Promise<FindInDocResponse | undefined> {
    return this.ask({ op: 'find', docId, query });
  }

  /** The library filters' index (details thread), built from docs.json in the thread (its typed arrays are moved here, not copied). */
  detailsIndex(): Promise<DetailsIndex> {
    return this.ask({ op: 'details-index' });
  }

  /** One document's full summary (details thread). */
  summary(docId: string): Promise<StoredSummary | undefined> {
    return this.ask({ op: 'summary', docId });
  }

  async close(): Promise<void> {
    this.fail(new Error('The archive was closed.'));
    await this.worker.terminate();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function fromThread(e: ThreadError): Error {
  return e.kind === 'damaged' ? new DamagedArchive(e.file, e.problem, e.rebuild) : new Error(e.message);
}

/**
 * How to start the search thread here, or null to search in process: from the sources only when this module
 * is itself a source file (tsx, vitest), the bundled file only when it exists.
 */
export function searchWorkerFor(bundledFile: string | undefined): SearchWorkerOption | null {
  if (bundledFile) return existsSync(bundledFile) ? bundledFile : null;
  return fileURLToPath(import.meta.url).endsWith('.ts') ? true : null;
}
