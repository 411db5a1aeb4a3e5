/**
 * The messages between an open archive and its search thread (search-thread.ts
 * starts it, search-worker.ts answers). One shape each way, so both sides
 * agree by construction. Errors travel as data: a DamagedArchive keeps its
 * file, problem and advice so the host names the damaged file as it would
 * have in-process.
 */
import type { FindInDocResponse, SearchRequest, SearchResponse } from '../../shared/contract';
import type { DetailsIndex } from '../details-index';
import type { StoredSummary } from '../store/layout';

export interface SearchWorkerData {
  /** The archive folder; the worker opens its list, bodies and index itself. */
  dir: string;
  rebuild: string;
  /**
   * One worker file, two threads per archive: 'search' holds the index and answers searches; 'details' reads
   * docs.json and answers the filters' index and one summary at a time. Apart, so that a search typed while
   * docs.json is parsed (1-3 s of one thread's time at 10,000-50,000 documents) is not queued behind it, and an
   * article's header is not queued behind a search.
   */
  role: 'search' | 'details';
}

export type SearchThreadRequest =
  /**
   * Load the index now. The thread waits for this, or for any other question, before its heavy reads: while
   * the window starts, the library's first page should not share the machine's cores with them.
   */
  | { id: number; op: 'start' }
  | { id: number; op: 'search'; req: SearchRequest }
  | { id: number; op: 'find'; docId: string; query: string }
  /** The host has its details: the search thread may now warm up (warm-up.ts), if nobody has searched yet. */
  | { id: number; op: 'warm-up' }
  /** docs.json, read and checked in the thread: the compact index of the library's filters (details-index.ts). */
  | { id: number; op: 'details-index' }
  /** One document's full summary from docs.json (getDoc's header: facets, briefs, links). */
  | { id: number; op: 'summary'; docId: string };

export type ThreadError =
  | { kind: 'damaged'; file: string; problem: string; rebuild: string }
  | { kind: 'error'; message: string };

export type SearchThreadMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: ThreadError }
  | { type: 'answer'; id: number; ok: true; value: SearchResponse | FindInDocResponse | DetailsIndex | StoredSummary | undefined }
  | { type: 'answer'; id: number; ok: false; error: ThreadError };

/** The thread itself failed (could not start, or died), as opposed to the archive it reads. */
export class ThreadStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThreadStopped';
  }
}
