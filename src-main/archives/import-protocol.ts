/** Messages between the host and the import worker (import-thread.ts <-> import-worker.ts). */
import type { IngestProgress } from '../archive/index';
import type { BuildRequest, BuildResult } from './build-archive';

export type ToWorker = { type: 'cancel' };
export type FromWorker =
  | { type: 'progress'; progress: IngestProgress }
  | { type: 'done'; result: BuildResult }
  | { type: 'failed'; message: string; cancelled: boolean };
export type ImportWorkerData = BuildRequest;
