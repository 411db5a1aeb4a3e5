/**
 * The search thread: loads the archive's Lunr index and answers searches and
 * find-in-document off the host's event loop. A query over a large archive,
 * or one hitting a 200 MB document, takes tens to hundreds of milliseconds of
 * CPU that no yielding inside Lunr can split; here it delays only other
 * searches, never the host's small requests (appInfo, list, backups, files).
 *
 * It is the same runSearch / runFindInDoc the in-process path uses, over its
 * own readers of the list and bodies (bodies are read by position, so two
 * readers of one file never disagree).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BodyReader, paths, readList, type ListEntry } from '../store/layout';
import { DamagedArchive } from '../store/archive-schemas';
import { loadEngine } from './engine';
import { runFindInDoc, runSearch } from './search-service';
import type { SearchThreadMessage, SearchThreadRequest, SearchWorkerData, ThreadError } from './search-thread-protocol';

const port = parentPort;
if (!port) throw new Error('search-worker.ts runs only as a worker thread');
const { dir, rebuild } = workerData as SearchWorkerData;
const send = (m: SearchThreadMessage) => port.postMessage(m);

function asThreadError(e: unknown): ThreadError {
  if (e instanceof DamagedArchive) return { kind: 'damaged', file: e.file, problem: e.problem, rebuild: e.rebuild };
  return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
}

async function open() {
  const list = await readList(dir, rebuild);
  const byId = new Map<string, ListEntry>(list.map((s) => [s.id, s]));
  const bodies = new BodyReader(paths(dir).bodies, rebuild);
  return { byId, bodies };
}

const opened = open();
// Kept apart from the list: a search over an index that cannot load answers as it does in process
// (runSearch says "Search failed: ..."), while a damaged list or bodies file fails the question.
const engine = opened.then(() => loadEngine(paths(dir).index));
engine.catch(() => undefined);
Promise.all([opened, engine]).then(
  () => send({ type: 'ready' }),
  (e) => send({ type: 'failed', error: asThreadError(e) }),
);

port.on('message', async (m: SearchThreadRequest) => {
  try {
    const { byId, bodies } = await opened;
    let value;
    if (m.op === 'search') {
      value = await runSearch(m.req, {
        engine: () => engine,
        summary: (id) => byId.get(id),
        parts: (id) => {
          const s = byId.get(id);
          return s ? bodies.parts(s) : undefined;
        },
      });
    } else {
      const s = byId.get(m.docId);
      value = s ? await runFindInDoc(() => bodies.parts(s), m.query) : undefined;
    }
    send({ type: 'answer', id: m.id, ok: true, value });
  } catch (e) {
    send({ type: 'answer', id: m.id, ok: false, error: asThreadError(e) });
  }
});
