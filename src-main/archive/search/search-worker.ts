/**
 * The search thread: loads the archive's Lunr index and answers searches and
 * find-in-document off the host's event loop; then reads docs.json and answers
 * the host's questions about it (details-index.ts says why). A query over a large archive,
 * or one hitting a 200 MB document, takes tens to hundreds of milliseconds of
 * CPU that no yielding inside Lunr can split; here it delays only other
 * searches, never the host's small requests (appInfo, list, backups, files).
 *
 * It is the same runSearch / runFindInDoc the in-process path uses, over its
 * own readers of the list and bodies (bodies are read by position, so two
 * readers of one file never disagree).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BodyReader, paths, readList, readSummaries, type ListEntry, type StoredSummary } from '../store/layout';
import { buildDetailsIndex, transferablesOf } from '../details-index';
import { DamagedArchive } from '../store/archive-schemas';
import { loadEngine } from './engine';
import { runFindInDoc, runSearch, type SearchDeps } from './search-service';
import { warmUp, warmUpQueries } from './warm-up';
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

// The list, the index and docs.json are read once the host says so or asks anything (the 'start'
// request in search-thread-protocol.ts says why): the list alone is a 22 MB parse at 50,000 documents.
let go: () => void = () => undefined;
const started = new Promise<void>((resolve) => (go = resolve));
const opened = started.then(open);
// Kept apart from the list: a search over an index that cannot load answers as it does in process
// (runSearch says "Search failed: ..."), while a damaged list or bodies file fails the question.
const engine = opened.then(() => loadEngine(paths(dir).index));
engine.catch(() => undefined);
Promise.all([opened, engine]).then(
  () => send({ type: 'ready' }),
  (e) => send({ type: 'failed', error: asThreadError(e) }),
);
// docs.json after the index (search should not wait for it), whether or not the index loaded.
let details: Promise<StoredSummary[]> | null = null;
const summaries = () =>
  (details ??= engine.then(
    () => readSummaries(dir, rebuild),
    () => readSummaries(dir, rebuild),
  ));
const byId = () => summaries().then((all) => (summaryById ??= new Map(all.map((s) => [s.id, s]))));
let summaryById: Map<string, StoredSummary> | null = null;
void summaries().catch(() => undefined); // start reading now; a failure is answered to whoever asks

function searchDeps(list: Map<string, ListEntry>, bodies: BodyReader): SearchDeps {
  return {
    engine: () => engine,
    summary: (id) => list.get(id),
    parts: (id) => {
      const s = list.get(id);
      return s ? bodies.parts(s) : undefined;
    },
  };
}

// Once everything is loaded and nobody has searched yet, the thread searches a few times on its own
// (warm-up.ts says why); the first real search stops it.
let searched = false;
void Promise.all([opened, engine, summaries()])
  .then(async ([{ byId: list, bodies }, e]) => {
    const deps = searchDeps(list, bodies);
    await warmUp(warmUpQueries(e.commonTerms(8)), (query) => runSearch({ query, limit: 10 }, deps), () => searched);
  })
  .catch(() => undefined);

port.on('message', async (m: SearchThreadRequest) => {
  go();
  if (m.op === 'search' && typeof m.req?.query === 'string' && m.req.query.trim() !== '') searched = true;
  try {
    const { byId: list, bodies } = await opened;
    let value;
    if (m.op === 'start') {
      value = undefined;
    } else if (m.op === 'details-index') {
      // Built at the host's request (once), its typed arrays moved rather than copied.
      const index = buildDetailsIndex(await summaries());
      port.postMessage({ type: 'answer', id: m.id, ok: true, value: index } satisfies SearchThreadMessage, transferablesOf(index));
      return;
    } else if (m.op === 'summary') {
      value = (await byId()).get(m.docId);
    } else if (m.op === 'search') {
      value = await runSearch(m.req, searchDeps(list, bodies));
    } else {
      const s = list.get(m.docId);
      value = s ? await runFindInDoc(() => bodies.parts(s), m.query) : undefined;
    }
    send({ type: 'answer', id: m.id, ok: true, value });
  } catch (e) {
    send({ type: 'answer', id: m.id, ok: false, error: asThreadError(e) });
  }
});
