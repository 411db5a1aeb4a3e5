/**
 * Messages between the ingester (read-pages.ts) and its worker threads
 * (ingest-worker.ts). One shape each way, so both sides agree.
 */
import type { EntryOutcome, PageEntry } from './walk-folder';
import type { PreparedPage } from './prepare-page';
import type { ReuseIndex, ReuseRead } from './reuse-cache';

export interface IngestWorkerData {
  /** The folder's real path: the worker reads nothing outside it (walk-folder.ts checks each file again). */
  root: string;
  maxBytes: number;
  /**
   * Re-use on (reuse-cache.ts): the previous build's cached pages by path and hash (such a file is marked, not
   * prepared); the worker then sends a ReuseRead for each file.
   */
  reuse?: ReuseIndex;
}

/** A batch of listed pages to read and prepare, in folder order. */
export interface IngestBatch {
  batch: number;
  entries: PageEntry[];
  /** With re-use on: how many of the entries, from the first, to pack for this build's cache (reuse-cache.ts). */
  pack?: number;
}

/** What a reader makes of one file: its prepared page, or with re-use on, a ReuseRead. */
export type IngestRead = PreparedPage | ReuseRead;

export type IngestWorkerMessage = { type: 'ready' } | { type: 'done'; batch: number; outcomes: EntryOutcome<IngestRead>[] };
