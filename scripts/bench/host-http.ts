/**
 * The host's side of a keystroke and of an article's open, without the
 * browser (issue 13): the same search and getDoc requests the renderer sends,
 * timed at each layer the answer passes through, so a change in the host shows
 * here in seconds rather than in a three-minute browser run.
 *
 *   engine        runSearch in this thread (the engine, phrase checks, snippets)
 *   thread        the archive as the hosts open it (searches in a worker thread): + the thread's round trip
 *   dispatch      the contract's one check of the argument, the handler, and JSON.stringify of the answer
 *   http          POST /api/<method> to the real web host in its own process (keep-alive, as a browser)
 *   http, new connection   the same with a new TCP connection per request (what keep-alive saves)
 * and, for a host that has just started, how long the library's first page and
 * the first `facets` answer take (docs.json loads behind them).
 *
 *   npm run --silent bench:http -- --archive DIR [--rounds 5] [--json]
 *
 * DIR is an archive the bench built (e.g. /tmp/b-perfhost/engine-10000 after
 * `npm run bench -- --browser-only --sizes 10000 --work /tmp/b-perfhost`).
 * Figures are p50 / p95 / max in ms over every request of every round.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive } from '../../src-main/archive/index';
import type { ArchiveService } from '../../src-main/archive/types';
import { openArchiveAt } from '../../src-main/web/open-archive';
import { ArchiveSlot } from '../../src-main/ipc/archive-slot';
import { createHandlers, dispatch } from '../../src-main/ipc/handlers';
import { TYPED } from './browser-bench';
import { startHostProcess } from './web-host-process';
import { stat } from './browser-page';

/** What the renderer sends per key: each prefix of the typed queries, first page of 10 (use-search.ts FIRST_PAGE). */
const KEY_REQUESTS = TYPED.flatMap((text) => [...text].map((_, i) => text.slice(0, i + 1)).filter((q) => q.trim() !== '')).map((query) => ({ query, limit: 10, offset: 0 }));

/** One POST over node:http with the given agent (keep-alive or not); the answer's text. */
function post(url: URL, method: string, arg: unknown, agent: Agent): Promise<string> {
  const body = arg === undefined ? '' : JSON.stringify(arg);
  return new Promise((ok, fail) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: `/api/${method}`, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

async function timed<T>(times: number[], f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const v = await f();
  times.push(performance.now() - t);
  return v;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { archive: { type: 'string' }, rounds: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } } });
  if (!values.archive) throw new Error('usage: npm run --silent bench:http -- --archive DIR [--rounds 5] [--json]');
  const dir = resolve(values.archive);
  const rounds = Number(values.rounds);
  const log = (m: string) => process.stderr.write(`[bench:http] ${m}\n`);
  const load = { atStart: loadavg().map((v) => Math.round(v * 100) / 100), atEnd: [] as number[] };
  const data = mkdtempSync(join(tmpdir(), 'bench-http-data-'));

  // 1. A host that has just started: the library's first page and the first facets answer.
  log('starting the web host ...');
  const host = await startHostProcess(dir, data);
  const hostUrl = new URL(host.url);
  const keep = new Agent({ keepAlive: true, maxSockets: 4 });
  const fresh = new Agent({ keepAlive: false });
  try {
    const sinceStart = () => Math.round(performance.now() - host.started);
    const firstPage = post(hostUrl, 'list', { sort: 'date', order: 'desc', offset: 0, limit: 60 }, keep).then(() => sinceStart());
    const firstFacets = post(hostUrl, 'facets', {}, keep).then(() => sinceStart());
    const appInfo = post(hostUrl, 'appInfo', undefined, keep).then(() => sinceStart());
    const start = { appInfoMs: await appInfo, firstListPageMs: await firstPage, firstFacetsMs: await firstFacets };
    log(`fresh host: appInfo at ${start.appInfoMs} ms, first list page at ${start.firstListPageMs} ms, first facets at ${start.firstFacetsMs} ms (from spawn)`);
    for (;;) {
      const info = JSON.parse(await post(hostUrl, 'appInfo', undefined, keep)) as { value: { archive: { searchStatus: string } } };
      if (info.value.archive.searchStatus !== 'loading') break;
      await new Promise((r) => setTimeout(r, 100));
    }

    // 2. In this process: the engine alone, then through the search thread, then the contract's dispatch.
    const inThread = await openArchive(dir);
    const viaThread = await openArchiveAt(dir);
    await Promise.all([inThread.searchReady, viaThread.searchReady]);
    const handlers = createHandlers({ archive: ArchiveSlot.of(viaThread), host: 'web', appName: 'bench', version: '0', linkBase: '', archiveId: 'bench' });
    const longest = await longestArticle(inThread);
    log(`keystroke requests: ${KEY_REQUESTS.length} per round; getDoc of "${longest.title.slice(0, 40)}" (${longest.chars} characters)`);

    const t = { engine: [] as number[], thread: [] as number[], dispatch: [] as number[], stringify: [] as number[], http: [] as number[], httpNewConnection: [] as number[] };
    const d = { read: [] as number[], dispatch: [] as number[], http: [] as number[], httpNewConnection: [] as number[] };
    let bytes = 0;
    for (let round = 0; round <= rounds; round++) {
      // Round 0 warms every path up (modules, caches of the OS), and is not counted.
      const keepT = round === 0 ? null : t;
      for (const req of KEY_REQUESTS) {
        await timed(keepT?.engine ?? [], () => inThread.search(req));
        await timed(keepT?.thread ?? [], () => viaThread.search(req));
        const answer = await timed(keepT?.dispatch ?? [], async () => {
          const r = await dispatch(handlers, 'search', JSON.parse(JSON.stringify(req)));
          const s = performance.now();
          const text = JSON.stringify(r);
          keepT?.stringify.push(performance.now() - s);
          return text;
        });
        bytes = Math.max(bytes, answer.length);
        await timed(keepT?.http ?? [], () => post(hostUrl, 'search', req, keep));
        await timed(keepT?.httpNewConnection ?? [], () => post(hostUrl, 'search', req, fresh));
      }
      const keepD = round === 0 ? null : d;
      for (let i = 0; i < 5; i++) {
        await timed(keepD?.read ?? [], () => viaThread.getPart(longest.id));
        await timed(keepD?.dispatch ?? [], async () => JSON.stringify(await dispatch(handlers, 'getDoc', { id: longest.id })));
        await timed(keepD?.http ?? [], () => post(hostUrl, 'getDoc', { id: longest.id }, keep));
        await timed(keepD?.httpNewConnection ?? [], () => post(hostUrl, 'getDoc', { id: longest.id }, fresh));
      }
    }
    await inThread.close();
    await viaThread.close();
    load.atEnd = loadavg().map((v) => Math.round(v * 100) / 100);
    const stats = (o: Record<string, number[]>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, stat(v)]));
    const result = { archive: dir, loadAverage: load, freshHost: start, search: { requests: t.engine.length, largestAnswerBytes: bytes, ...stats(t) }, getDoc: { id: longest.id, chars: longest.chars, ...stats(d) } };
    if (values.json) console.log(JSON.stringify(result));
    else {
      const line = (name: string, s: { p50: number | null; p95: number | null; max: number | null }) => console.log(`  ${name.padEnd(22)} p50 ${s.p50}  p95 ${s.p95}  max ${s.max}`);
      console.log(`load average ${load.atStart.join(' ')} -> ${load.atEnd.join(' ')}`);
      console.log(`fresh host (ms from spawn): appInfo ${start.appInfoMs}, first list page ${start.firstListPageMs}, first facets ${start.firstFacetsMs}`);
      console.log(`search, ${t.engine.length} keystroke requests (largest answer ${bytes} bytes), ms:`);
      for (const [k, s] of Object.entries(result.search)) if (typeof s === 'object') line(k, s);
      console.log(`getDoc of the longest of the first 200 articles (${longest.chars} characters), ms:`);
      for (const [k, s] of Object.entries(result.getDoc)) if (typeof s === 'object') line(k, s);
    }
  } finally {
    host.stop();
    keep.destroy();
    fresh.destroy();
    rmSync(data, { recursive: true, force: true });
  }
}

/** The article the browser bench opens: the longest of the library's first 200 articles. */
async function longestArticle(a: ArchiveService): Promise<{ id: string; title: string; chars: number }> {
  let best = { id: '', title: '', chars: -1 };
  for (const s of (await a.list({ kind: 'article', offset: 0, limit: 200 })).items) {
    const doc = await a.get(s.id);
    const chars = doc ? doc.paragraphs.reduce((n, p) => n + p.text.length, 0) : 0;
    if (chars > best.chars) best = { id: s.id, title: s.title, chars };
  }
  if (best.chars < 0) throw new Error('the archive has no article');
  return best;
}

main().catch((e: unknown) => {
  console.error(`bench:http: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
