/**
 * An ingest worker thread: reads the pages it is sent (walk-folder.ts's
 * checks, decoding) and prepares each (prepare-page.ts preparePacked: format
 * reader, segmentation of one-article pages, duplicate key, facet mentions,
 * index terms, the body encoded), the per-file work that is most of an ingest.
 * With re-use on (reuse-cache.ts), a file the previous build cached is only
 * marked, and a page this build caches is packed here too. Bundled as
 * out/main/ingest-worker.js; from the sources it starts through
 * search/worker-boot.mjs (tsx).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { preparePacked } from './prepare-page';
import { readForReuse } from './reuse-cache';
import { readOne } from './walk-folder';
import type { IngestBatch, IngestRead, IngestWorkerData, IngestWorkerMessage } from './ingest-thread-protocol';

const port = parentPort;
if (!port) throw new Error('ingest-worker.ts runs only as a worker thread');
const { root, maxBytes, reuse } = workerData as IngestWorkerData;
const readers = reuse ? [readForReuse(reuse, false), readForReuse(reuse, true)] : null;
const send = (m: IngestWorkerMessage) => port.postMessage(m);

port.on('message', async ({ batch, entries, pack = 0 }: IngestBatch) => {
  // A few reads in flight hide the disk's latency; the CPU work is one page at a time.
  const outcomes = await Promise.all(entries.map((e, k) => readOne<IngestRead>(root, e, maxBytes, readers ? readers[k < pack ? 1 : 0] : preparePacked)));
  send({ type: 'done', batch, outcomes });
});
send({ type: 'ready' });
