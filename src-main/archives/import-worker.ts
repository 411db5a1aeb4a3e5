/**
 * The import worker thread: builds one archive (build-archive.ts) and posts
 * its progress, so the host keeps answering the window meanwhile. A 'cancel'
 * message aborts the build; ingestFolder then removes its temporary folder
 * before this thread says it stopped.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { IngestCancelled } from '../archive/index';
import { buildArchive } from './build-archive';
import type { FromWorker, ImportWorkerData, ToWorker } from './import-protocol';

const port = parentPort!;
const controller = new AbortController();
const post = (m: FromWorker) => port.postMessage(m);
let lastProgress = 0;

port.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') controller.abort();
});

buildArchive(
  workerData as ImportWorkerData,
  (progress) => {
    // At most ~20 messages a second while reading: the bar cannot show more, and a folder of 100,000 files must not flood the host.
    const now = performance.now();
    if (progress.phase === 'read' && progress.done !== progress.total && now - lastProgress < 50) return;
    lastProgress = now;
    post({ type: 'progress', progress });
  },
  controller.signal,
).then(
  (result) => post({ type: 'done', result }),
  (e: unknown) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e), cancelled: e instanceof IngestCancelled }),
);
