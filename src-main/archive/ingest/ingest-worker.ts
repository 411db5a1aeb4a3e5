/**
 * An ingest worker thread: reads the pages it is sent (walk-folder.ts's
 * checks, decoding) and prepares each (prepare-page.ts: format reader,
 * segmentation of one-article pages, duplicate key, facet mentions), the
 * per-file work that is most of an ingest. Bundled as out/main/ingest-worker.js;
 * from the sources it starts through search/worker-boot.mjs (tsx).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareOrReuse } from './reuse-cache';
import { readOne } from './walk-folder';
import type { IngestBatch, IngestWorkerData, IngestWorkerMessage } from './ingest-thread-protocol';

const port = parentPort;
if (!port) throw new Error('ingest-worker.ts runs only as a worker thread');
const { root, maxBytes, reuse } = workerData as IngestWorkerData;
const prepare = prepareOrReuse(reuse);
const send = (m: IngestWorkerMessage) => port.postMessage(m);

port.on('message', async ({ batch, entries }: IngestBatch) => {
  // A few reads in flight hide the disk's latency; the CPU work is one page at a time.
  const outcomes = await Promise.all(entries.map((e) => readOne(root, e, maxBytes, prepare)));
  send({ type: 'done', batch, outcomes });
});
send({ type: 'ready' });
