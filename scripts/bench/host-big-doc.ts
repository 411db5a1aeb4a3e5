/**
 * The host under one huge document (issue 15): builds an archive holding the
 * bundled corpus plus one generated document of --mb megabytes, serves it
 * with the real web host in its own process, and, while searches that hit the
 * huge document run back to back, sends small requests (appInfo, a page of
 * the library list) and reports their latency: p50, p99, max. Also reports
 * how long one search takes, and getDoc of the huge document: how many
 * answers (ranges of paragraphs) it takes, the largest answer, and the total.
 * Last, in this process, the longest event-loop stall while each query runs
 * (opened as the hosts open it, searches in a worker thread, and, to compare, in
 * this thread as the CLI does)
 * against the same archive, after one warm-up search (the issue's bound: 50 ms).
 *
 *   npm run --silent bench:host -- [--mb 200] [--requests 300] [--work DIR] [--json]
 *
 * The generated folder and archive are kept in --work (default
 * $TMPDIR/archive-reader-bench-host) and reused when the size matches.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { bundledCorpusDir, ingestFolder, openArchive } from '../../src-main/archive/index';
import { startHostProcess } from './web-host-process';
import { makeRng } from './rng';
import { openArchiveAt } from '../../src-main/web/open-archive';

const WORDS =
  'river port grain timber machinery shipment border security council minister treaty exercise summit region agency winter road railway customs delegation report meeting cooperation training forces peace mission capital week month'.split(
    ' ',
  );

function generateDocument(file: string, megabytes: number): void {
  const rng = makeRng(20261130);
  const target = megabytes * 1024 * 1024;
  const paragraphs: string[] = ['A very long generated report on river ports', ''];
  let size = 0;
  for (let p = 0; size < target; p++) {
    const words: string[] = [];
    for (let w = 0; w < 90; w++) words.push(WORDS[Math.floor(rng() * WORDS.length)]);
    const text = `Section ${p}: ${words.join(' ')}.`;
    paragraphs.push(text, '');
    size += text.length + 2;
  }
  writeFileSync(file, paragraphs.join('\n'));
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function call(url: string, method: string, arg?: unknown): Promise<{ ms: number; bytes: number; ok: boolean }> {
  const t0 = performance.now();
  const res = await fetch(`${url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: arg === undefined ? '' : JSON.stringify(arg) });
  const text = await res.text();
  const ms = performance.now() - t0;
  return { ms, bytes: text.length, ok: text.startsWith('{"ok":true') };
}

/**
 * The longest event-loop stall (ms) while each query runs 5 times against `dir`, opened in this process the way
 * the hosts open it (`openArchiveAt`: searches in a worker thread), or with `inProcess` as the CLI does.
 */
async function eventLoopStalls(dir: string, queries: string[], inProcess = false): Promise<Record<string, number>> {
  const a = inProcess ? await openArchive(dir) : await openArchiveAt(dir);
  await a.searchReady;
  await a.search({ query: 'warm up' }); // the first search loads the search modules: a one-off, not per request
  const out: Record<string, number> = {};
  try {
    for (const q of queries) {
      const h = monitorEventLoopDelay({ resolution: 5 });
      h.enable();
      for (let i = 0; i < 5; i++) await a.search({ query: q });
      h.disable();
      out[q] = h.max / 1e6;
    }
  } finally {
    await a.close();
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { mb: { type: 'string', default: '200' }, requests: { type: 'string', default: '300' }, work: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const mb = Number(values.mb);
  const requests = Number(values.requests);
  const work = values.work ?? join(tmpdir(), 'archive-reader-bench-host');
  const src = join(work, `src-${mb}mb`);
  const archive = join(work, `archive-${mb}mb`);
  const log = (m: string) => process.stderr.write(`[bench:host] ${m}\n`);
  mkdirSync(work, { recursive: true });
  let ingestMs: number | null = null;
  if (!existsSync(join(archive, 'manifest.json'))) {
    rmSync(src, { recursive: true, force: true });
    cpSync(bundledCorpusDir(), src, { recursive: true });
    log(`generating a ${mb} MB document ...`);
    generateDocument(join(src, 'zz-huge-report.txt'), mb);
    log('building the archive ...');
    const t0 = performance.now();
    // The folder reader's default size limit is below the document's size: this archive is made for it.
    await ingestFolder(src, archive, { maxFileBytes: (mb + 16) * 1024 * 1024, onProgress: (p) => log(p.message) });
    ingestMs = Math.round(performance.now() - t0);
  }
  const data = join(work, 'data');
  const host = await startHostProcess(archive, data);
  try {
    // Wait until the index is loaded.
    for (;;) {
      const info = await fetch(`${host.url}api/appInfo`, { method: 'POST' }).then((r) => r.json() as Promise<{ value: { archive: { searchStatus: string } } }>);
      if (info.value.archive.searchStatus !== 'loading') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const list = await fetch(`${host.url}api/list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"sort":"title"}' }).then((r) => r.json() as Promise<{ value: { items: { id: string; title: string }[] } }>);
    const huge = list.value.items.find((d) => d.title.startsWith('A very long generated report'));
    if (!huge) throw new Error('the huge document is not in the archive');

    // Searches hitting the huge document, back to back, while small requests are timed.
    let searching = true;
    const searchMs: number[] = [];
    const queries = ['grain timber', '"river port grain"', 'railway~1', 'summit +treaty'];
    const searches = (async () => {
      for (let i = 0; searching; i++) {
        const r = await call(host.url, 'search', { query: queries[i % queries.length] });
        if (!r.ok) throw new Error('a search failed');
        searchMs.push(r.ms);
      }
    })();
    const small: number[] = [];
    for (let i = 0; i < requests; i++) {
      const r = i % 2 === 0 ? await call(host.url, 'appInfo') : await call(host.url, 'list', { limit: 20 });
      small.push(r.ms);
      await new Promise((res) => setTimeout(res, 10));
    }
    searching = false;
    await searches;
    // The whole huge document, range by range, as the renderer's client asks for it (platform/doc-parts.ts).
    const doc = { ms: 0, answers: 0, maxMs: 0, maxBytes: 0, bytes: 0 };
    for (let from = 0, total = Infinity; from < total; ) {
      const t0 = performance.now();
      const res = await fetch(`${host.url}api/getDoc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: huge.id, from }) });
      const text = await res.text();
      const ms = performance.now() - t0;
      const v = (JSON.parse(text) as { value: { paragraphs: unknown[]; paragraphCount?: number } }).value;
      total = v.paragraphCount ?? v.paragraphs.length;
      from += v.paragraphs.length;
      Object.assign(doc, { ms: doc.ms + ms, answers: doc.answers + 1, maxMs: Math.max(doc.maxMs, ms), maxBytes: Math.max(doc.maxBytes, text.length), bytes: doc.bytes + text.length });
    }
    small.sort((a, b) => a - b);
    searchMs.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    const stalls = await eventLoopStalls(archive, queries);
    const stallsInProcess = await eventLoopStalls(archive, queries, true);
    const result = {
      documentMb: mb,
      ingestMs,
      smallRequests: { count: small.length, p50: round(percentile(small, 0.5)), p99: round(percentile(small, 0.99)), max: round(small.at(-1)!) },
      searches: { count: searchMs.length, p50: round(percentile(searchMs, 0.5)), max: round(searchMs.at(-1)!) },
      maxEventLoopStallMs: Object.fromEntries(Object.entries(stalls).map(([q, ms]) => [q, round(ms)])),
      maxEventLoopStallInProcessMs: Object.fromEntries(Object.entries(stallsInProcess).map(([q, ms]) => [q, round(ms)])),
      getDocHuge: { answers: doc.answers, totalMs: round(doc.ms), totalBytes: doc.bytes, largestAnswerMs: round(doc.maxMs), largestAnswerBytes: doc.maxBytes },
    };
    if (values.json) console.log(JSON.stringify(result));
    else {
      console.log(`document: ${mb} MB${ingestMs !== null ? ` (archive built in ${(ingestMs / 1000).toFixed(1)} s)` : ''}`);
      console.log(`small requests during searches: ${result.smallRequests.count}, p50 ${result.smallRequests.p50} ms, p99 ${result.smallRequests.p99} ms, max ${result.smallRequests.max} ms`);
      console.log(`searches: ${result.searches.count}, p50 ${result.searches.p50} ms, max ${result.searches.max} ms`);
      console.log(`longest event-loop stall in the host's thread during a search (5 runs each): ${Object.entries(result.maxEventLoopStallMs).map(([q, ms]) => `${q} ${ms} ms`).join(', ')}`);
      console.log(`the same with the search in that thread (as the CLI does): ${Object.entries(result.maxEventLoopStallInProcessMs).map(([q, ms]) => `${q} ${ms} ms`).join(', ')}`);
      const g = result.getDocHuge;
      console.log(`getDoc of the huge document: ${g.answers} answers, ${(g.totalBytes / 1024 / 1024).toFixed(1)} MB in ${(g.totalMs / 1000).toFixed(1)} s; largest answer ${(g.largestAnswerBytes / 1024 / 1024).toFixed(2)} MB in ${g.largestAnswerMs} ms`);
    }
  } finally {
    host.stop();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:host: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
