/**
 * The archive's worker threads, one file for both (SearchWorkerData.role):
 *
 * - the search thread loads the Lunr index and answers searches and
 *   find-in-document off the host's event loop. A query over a large archive,
 *   or one hitting a 200 MB document, takes tens to hundreds of milliseconds of
 *   CPU that no yielding inside Lunr can split; here it delays only other
 *   searches, never the host's small requests (appInfo, list, backups, files).
 *   It is the same runSearch / runFindInDoc the in-process path uses, over its
 *   own readers of the list and bodies (bodies are read by position, so two
 *   readers of one file never disagree).
 * - the details thread reads docs.json and answers the host's questions about
 *   it (details-index.ts says why). Its parse is one synchronous step of one to
 *   three seconds at 10,000-50,000 documents; in the search thread, a search
 *   typed meanwhile waited for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BodyReader, paths, readList, readSummaries, type ListEntry, type StoredSummary } from '../store/layout';
import { buildDetailsIndex, transferablesOf, type DetailsIndex } from '../details-index';
import { DamagedArchive } from '../store/archive-schemas';
import { loadEngine } from './engine';
import { runFindInDoc, runSearch, type SearchDeps } from './search-service';
import { warmUp, warmUpQueries } from './warm-up';
import type { SearchThreadMessage, SearchThreadRequest, SearchWorkerData, ThreadError } from './search-thread-protocol';

const port = parentPort;
if (!port) throw new Error('search-worker.ts runs only as a worker thread');
const { dir, rebuild, role } = workerData as SearchWorkerData;
const send = (m: SearchThreadMessage) => port.postMessage(m);

function asThreadError(e: unknown): ThreadError {
  if (e instanceof DamagedArchive) return { kind: 'damaged', file: e.file, problem: e.problem, rebuild: e.rebuild };
  return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Answers each request with `answer`'s value, or its error as data (a damaged file stays named). The filters'
 * index is moved, not copied: its typed arrays are handed over (transferablesOf).
 */
function serve(answer: (m: SearchThreadRequest) => Promise<unknown>): void {
  port!.on('message', async (m: SearchThreadRequest) => {
    try {
      const value = (await answer(m)) as Extract<SearchThreadMessage, { ok: true }>['value'];
      const moved = m.op === 'details-index' && value ? transferablesOf(value as DetailsIndex) : [];
      port!.postMessage({ type: 'answer', id: m.id, ok: true, value } satisfies SearchThreadMessage, moved);
    } catch (e) {
      send({ type: 'answer', id: m.id, ok: false, error: asThreadError(e) });
    }
  });
}

if (role === 'details') serveDetails();
else serveSearch();

function serveDetails(): void {
  // docs.json is read on the first question (the host asks once its search index has loaded).
  let all: Promise<StoredSummary[]> | null = null;
  let byId: Map<string, StoredSummary> | null = null;
  const summaries = () => (all ??= readSummaries(dir, rebuild));
  send({ type: 'ready' });
  serve(async (m) => {
    // Built at the host's request (once).
    if (m.op === 'details-index') return buildDetailsIndex(await summaries());
    if (m.op === 'summary') return (byId ??= new Map((await summaries()).map((s) => [s.id, s]))).get(m.docId);
    throw new Error(`The details thread does not answer '${m.op}'.`);
  });
}

function serveSearch(): void {
  // The list and the index are read once the host says so or asks anything (the 'start' request in
  // search-thread-protocol.ts says why): the list alone is a 22 MB parse at 50,000 documents.
  let go: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (go = resolve));
  const opened = started.then(async () => {
    const list = await readList(dir, rebuild);
    return { list: new Map<string, ListEntry>(list.map((s) => [s.id, s])), bodies: new BodyReader(paths(dir).bodies, rebuild) };
  });
  // Kept apart from the list: a search over an index that cannot load answers as it does in process
  // (runSearch says "Search failed: ..."), while a damaged list or bodies file fails the question.
  const engine = opened.then(() => loadEngine(paths(dir).index));
  engine.catch(() => undefined);
  Promise.all([opened, engine]).then(
    () => send({ type: 'ready' }),
    (e) => send({ type: 'failed', error: asThreadError(e) }),
  );
  const deps = ({ list, bodies }: Awaited<typeof opened>): SearchDeps => ({
    engine: () => engine,
    summary: (id) => list.get(id),
    parts: (id) => {
      const s = list.get(id);
      return s ? bodies.parts(s) : undefined;
    },
  });
  // Once the host has its details and nobody has searched yet, the thread searches a few times on its own
  // (warm-up.ts says why); the first real search stops it.
  let searched = false;
  const warm = async () => {
    const [o, e] = await Promise.all([opened, engine]);
    await warmUp(warmUpQueries(e.commonTerms(8)), (query) => runSearch({ query, limit: 10 }, deps(o)), () => searched);
  };
  serve(async (m) => {
    go();
    if (m.op === 'search' && typeof m.req?.query === 'string' && m.req.query.trim() !== '') searched = true;
    const o = await opened;
    if (m.op === 'start') return undefined;
    if (m.op === 'warm-up') return void warm().catch(() => undefined);
    if (m.op === 'search') return runSearch(m.req, deps(o));
    if (m.op === 'find') {
      const s = o.list.get(m.docId);
      return s ? runFindInDoc(() => o.bodies.parts(s), m.query) : undefined;
    }
    throw new Error(`The search thread does not answer '${m.op}'.`);
  });
}
