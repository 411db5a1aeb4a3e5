/**
 * Messages between the ingester (read-pages.ts) and its worker threads
 * (ingest-worker.ts). One shape each way, so both sides agree.
 */
import type { EntryOutcome, PageEntry } from './walk-folder';
import type { PreparedPage } from './prepare-page';
import type { ReusedMarker, ReuseIndex } from './reuse-cache';

export interface IngestWorkerData {
  /** The folder's real path: the worker reads nothing outside it (walk-folder.ts checks each file again). */
  root: string;
  maxBytes: number;
  /** The previous build's pages by path and hash (reuse-cache.ts): such a file is marked, not prepared. */
  reuse?: ReuseIndex;
}

/** A batch of listed pages to read and prepare, in folder order. */
export interface IngestBatch {
  batch: number;
  entries: PageEntry[];
}

export type IngestWorkerMessage = { type: 'ready' } | { type: 'done'; batch: number; outcomes: EntryOutcome<PreparedPage | ReusedMarker>[] };
