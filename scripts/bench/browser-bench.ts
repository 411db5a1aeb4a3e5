/**
 * The benchmark's browser figures: the built renderer in headless Chromium
 * (playwright-core, the system's Chromium) against the real HTTP host serving
 * the archive the run just built, measured in the page by browser-probe.ts.
 *
 *  1. Keystroke to results painted: characters typed one at a time into the
 *     search box (waiting for each answer), from the keydown to the end of the
 *     frame that shows the answer. Reported with the search box's debounce
 *     (the headline: what a person waits for after a key) and without it (from
 *     the moment the debounce hands the query to the route), with the split
 *     between debounce, route to request, the host's answer, and rendering.
 *  2. Opening an article with 500 highlights (highlight-seed.ts writes them
 *     into the app's IndexedDB): from the route change in the running app
 *     (library -> article) until all 500 highlights are painted; also from a
 *     fresh page load.
 *  3. The library: time from a fresh page load until its first rows are
 *     painted, then wheel-scrolling from top to bottom, frame by frame.
 * Plus a CPU profile of one keystroke series and one article open (where the
 * time goes). Run in a fresh child process (child.ts task "browser").
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ArchiveService } from '../../src-main/archive/types';
import type { SearchRequest } from '../../src-main/shared/contract';
import { openArchive } from '../../src-main/archive/index';
import { archiveIdForDir } from '../../src-main/archive/store/archive-id';
import { createHttpClient } from '../../src-main/shared/http-client';
import { chromiumLaunchOptions, chromiumPath } from '../../tests/support/chromium';
import { profileDuring, type ProfileSummary } from './cdp-profile';
import { startHostProcess } from './web-host-process';
import { HIGHLIGHTS, longestArticle, measureOpen, type OpenSample } from './browser-open';
import { probeScript } from './browser-probe';
import { measureLibrary } from './browser-library';
import { call, r1, read, serverMs, stat, until, waitInPage, type ResourceTimes } from './browser-page';
import { browserFigures, type BrowserFigures } from './pending';
import { repoRoot } from './paths';
import { median, percentile, round } from './stats';

/** Typed one character at a time: 38 keystrokes of queries a reader of this archive would type. */
export const TYPED = ['collective security', 'peacekeeping forces'];

export interface BrowserSpec {
  archiveDir: string;
  /** Fewer article opens (the CI variant); every figure is still taken. */
  quick: boolean;
}

function log(msg: string) {
  process.stderr.write(`[bench] browser: ${msg}\n`);
}

/** The search box's debounce, read from the renderer's source (the figure depends on it). */
export function searchDebounceMs(): number | null {
  const file = join(repoRoot(), 'src-renderer', 'src', 'features', 'search', 'SearchBox.tsx');
  const m = existsSync(file) ? readFileSync(file, 'utf8').match(/SEARCH_DEBOUNCE_MS\s*=\s*(\d+)/) : null;
  return m ? Number(m[1]) : null;
}

interface KeySample {
  total: number;
  noDebounce: number | null;
  debounce: number | null;
  routeToRequest: number | null;
  host: number;
  /** From the request to the answer's last byte in the browser's network stack (Resource Timing). */
  hostNetwork: number | null;
  /** The host's own time (its Server-Timing: reading the request, the handler, JSON; over the API socket, the answer's "ms"). */
  hostServer: number | null;
  /** The search went over the web host's API socket rather than a request. */
  socket: boolean;
  /** From the answer's last byte to the app having read it: the page's main thread was busy meanwhile. */
  pageWait: number | null;
  render: number;
  /** The search request the page sent (replayed in-process to split the host's answer). */
  body: string | null;
}

/**
 * The same search requests answered by the archive service in this process,
 * without HTTP or the page: how much of "the host's answer" is the engine.
 * Twice: `first`, each query new to a service just opened in this thread
 * (no search thread, so none of its warm-up: V8 compiles the search path on
 * these, and the bodies snippets are cut from are read for the first time),
 * and `again`, all of that done. The host's own time for a key lies between.
 */
async function replaySearches(archiveDir: string, bodies: string[]): Promise<{ first: number[]; again: number[] }> {
  const service: ArchiveService = await openArchive(archiveDir);
  await service.searchReady;
  // As in the host when the keys were typed: the library's facets (docs.json) were read long before.
  await service.facets();
  const reqs = bodies.map((b) => JSON.parse(b) as SearchRequest);
  const first: number[] = [];
  const again: number[] = [];
  try {
    for (const pass of [first, again]) {
      for (const r of reqs) {
        const t = performance.now();
        await service.search(r);
        pass.push(performance.now() - t);
      }
    }
  } finally {
    await service.close();
  }
  return { first, again };
}

/** The query a search request's body asked for. */
function queryOf(body: string | null): string | null {
  try {
    return body ? ((JSON.parse(body) as SearchRequest).query ?? null) : null;
  } catch {
    return null;
  }
}

async function settleSearch(page: Page) {
  await until(page, `(() => { const b = document.querySelector('.search-body'); return b && !b.querySelector('[aria-busy="true"], .state-loading') && b.querySelector('ol.results, .state-empty, .state-error'); })()`, 300_000);
}

async function measureKeystrokes(page: Page, base: string, profile: boolean): Promise<{ samples: KeySample[]; skipped: number; unchanged: number; profile: ProfileSummary | null }> {
  // Warm up: the search index is loaded and a first search answered before any keystroke is timed.
  await page.goto(`${base}#/search?q=${encodeURIComponent('security')}`);
  await settleSearch(page);
  const samples: KeySample[] = [];
  let skipped = 0;
  let unchanged = 0;
  const box = page.getByRole('searchbox', { name: 'Search' });
  const typeAll = async (texts: string[]) => {
    for (const text of texts) {
      await page.goto(`${base}#/search`);
      await until(page, `document.querySelector('input[type=search]') && document.querySelector('input[type=search]').value === ''`);
      await box.click();
      for (const ch of text) {
        await call(page, 'armKey');
        // Waited for in the page, asked before the key: nothing is sent into the page while the key is timed.
        // A key that leaves the route as it was (no new search) is skipped after 3 s.
        const shown = waitInPage(page, 'key', [], 300_000);
        await page.keyboard.type(ch);
        await shown;
        const k = await read<{ keydown: number; nav: number | null; fetch: { url: string; start: number; end: number; body: string | null; socket?: boolean; socketServerMs?: number | null } | null; dom: number; painted: number | null; unchanged: boolean }>(page, 'B.key');
        if (!k.fetch || k.painted === null) {
          skipped++;
          continue;
        }
        if (k.unchanged) {
          unchanged++;
          continue;
        }
        // Over the API socket there is no Resource Timing: the host's own time comes with the answer.
        const net = k.fetch.socket ? null : await call<ResourceTimes | null>(page, 'resourceFor', k.fetch.url, k.fetch.start);
        // The router writes a typed query's address once the typing pauses (router.ts ADDRESS_PAUSE_MS), long
        // after the request has gone, so it is mostly not seen here: the route changed no later than the request.
        const nav = k.nav !== null ? Math.min(k.nav, k.fetch.start) : k.fetch.start;
        samples.push({
          total: k.painted - k.keydown,
          noDebounce: nav !== null ? k.painted - nav : null,
          debounce: nav !== null ? nav - k.keydown : null,
          routeToRequest: nav !== null ? k.fetch.start - nav : null,
          host: k.fetch.end - k.fetch.start,
          hostNetwork: net ? net.responseEnd - k.fetch.start : null,
          hostServer: k.fetch.socket ? (k.fetch.socketServerMs ?? null) : serverMs(net),
          socket: k.fetch.socket === true,
          pageWait: net ? k.fetch.end - net.responseEnd : null,
          render: k.painted - k.fetch.end,
          body: k.fetch.body,
        });
        await page.waitForTimeout(30);
      }
    }
  };
  await typeAll(TYPED);
  let prof: ProfileSummary | null = null;
  if (profile) {
    // Profiled separately: the profiler's own overhead stays out of the figures above.
    const before = samples.length;
    prof = await profileDuring(page, () => typeAll(['treaty']));
    samples.splice(before);
  }
  return { samples, skipped, unchanged, profile: prof };
}

export async function runBrowserBench(spec: BrowserSpec): Promise<BrowserFigures> {
  const rendererDir = join(repoRoot(), 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) return browserFigures(null, `no built renderer in ${rendererDir}: run "npm run build" first`);
  if (!chromiumPath()) return browserFigures(null, 'no Chromium found (set CHROMIUM_PATH or install /usr/bin/chromium)');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-web-data-'));
  // The machine may be shared: the load average goes with the figures.
  const loadAtStart = loadavg().map((v) => round(v, 2));
  // The host in a process of its own, as a person runs it (`npm run web`, or Electron's main process beside the
  // window's): in this process it would share an event loop with playwright's traffic to the browser.
  const host = await startHostProcess(spec.archiveDir, dataDir, rendererDir);
  let browser: Browser | null = null;
  try {
    const base = host.url;
    const api = createHttpClient(base.replace(/\/$/, ''), (url, init) => fetch(url, init));
    const info = await api.appInfo();
    if (!info.ok) return browserFigures(null, `the web host did not answer appInfo: ${info.error.message}`);
    if (info.value.archive.status === 'error') return browserFigures(null, `the web host could not open the archive: ${info.value.archive.message ?? 'error'}`);
    browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1 });
    await context.addInitScript({ content: probeScript({ markTarget: HIGHLIGHTS }) });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    log('library: first rows, then wheel-scrolling to the end ...');
    const lib = await measureLibrary(page, base);
    log(`library: rows in ${Math.round(lib.firstRows)} ms (later loads ${lib.firstRowsAgain.map((v) => Math.round(v)).join(', ')} ms; the app's own ${lib.appRowsAgain.map((v) => Math.round(v)).join(', ')} ms), ${lib.full.fps} fps, ${lib.full.longFramesOver50Ms} long frames`);
    log('keystroke to results painted ...');
    const keys = await measureKeystrokes(page, base, true);
    log(`keystrokes: ${keys.samples.length} timed`);
    const engineMs = await replaySearches(spec.archiveDir, keys.samples.flatMap((k) => (k.body ? [k.body] : [])));
    const doc = await longestArticle(api);
    log(`opening "${doc.title.slice(0, 40)}" with ${HIGHLIGHTS} highlights ...`);
    const open = await measureOpen(page, base, doc, spec.quick ? 3 : 7, true, archiveIdForDir(spec.archiveDir));

    const total = keys.samples.map((s) => s.total);
    const noDeb = keys.samples.flatMap((s) => (s.noDebounce === null ? [] : [s.noDebounce]));
    const part = (f: (s: KeySample) => number | null) => stat(keys.samples.flatMap((s) => (f(s) === null ? [] : [f(s)!])));
    const opens = open.samples.map((s) => s.total);
    const openPart = (f: (s: OpenSample) => number | null) => r1(median(open.samples.flatMap((s) => (f(s) === null ? [] : [f(s)!]))));
    return {
      ...browserFigures(null, null),
      keystrokeToPaintP50Ms: r1(median(total)),
      keystrokeToPaintP95Ms: r1(percentile(total, 95)),
      keystrokeToPaintNoDebounceP50Ms: r1(median(noDeb)),
      keystrokeToPaintNoDebounceP95Ms: r1(percentile(noDeb, 95)),
      openArticle500HighlightsMs: r1(median(opens)),
      libraryFirstRowsMs: r1(lib.firstRows),
      libraryFirstRowsAgainMs: r1(median(lib.firstRowsAgain)),
      libraryAppRowsAgainMs: r1(median(lib.appRowsAgain)),
      scrollLibraryMs: r1(lib.full.ms),
      scrollFps: lib.full.fps,
      scrollLongFrames: lib.full.longFramesOver50Ms,
      detail: {
        headline: 'keystrokeToPaint* include the search box debounce (keydown to painted results); *NoDebounce* start when the debounce hands the query to the route',
        libraryItems: info.ok ? info.value.archive.articles + info.value.archive.briefs : null,
        searchDebounceMs: searchDebounceMs(),
        keystrokes: {
          timed: keys.samples.length,
          skipped: keys.skipped,
          unchangedScreen: keys.unchanged,
          overApiSocket: keys.samples.filter((x) => x.socket).length,
          typed: TYPED,
          withDebounce: stat(total),
          withoutDebounce: stat(noDeb),
          debounce: part((s) => s.debounce),
          routeToRequest: part((s) => s.routeToRequest),
          hostAnswer: part((s) => s.host),
          hostAnswerNetwork: part((s) => s.hostNetwork),
          hostAnswerServer: part((s) => s.hostServer),
          answerWaitsForPage: part((s) => s.pageWait),
          engineInProcess: stat(engineMs.again),
          engineInProcessFirstTime: stat(engineMs.first),
          answerToPaint: part((s) => s.render),
          // The tail, by name: which queries make the p95 (the host's share and the page's, each).
          slowest: [...keys.samples]
            .sort((a, b) => b.total - a.total)
            .slice(0, 5)
            .map((s) => ({ query: queryOf(s.body), totalMs: r1(s.total), hostMs: r1(s.host), serverMs: s.hostServer === null ? null : r1(s.hostServer), pageWaitMs: s.pageWait === null ? null : r1(s.pageWait), renderMs: r1(s.render) })),
        },
        openArticle: {
          docId: open.doc.id,
          paragraphs: open.doc.paragraphs.length,
          chars: open.doc.paragraphs.reduce((n, p) => n + p.text.length, 0),
          highlights: HIGHLIGHTS,
          marksPainted: open.marks,
          sidebarCards: open.dom.cards,
          domElements: open.dom.elements,
          inAppMs: open.samples.map((s) => r1(s.total)),
          inApp: stat(opens),
          // The timeline of the median open: when highlights appeared, and the long tasks that held the page.
          medianOpenTimeline: (() => {
            const m = [...open.samples].sort((a, b) => a.total - b.total)[Math.floor((open.samples.length - 1) / 2)];
            return m ? { totalMs: r1(m.total), marks: m.markLog.slice(0, 40), longTasks: m.longTasks.slice(0, 40) } : null;
          })(),
          medianSplitMs: {
            docAnswered: openPart((s) => s.docFetched),
            docAsked: openPart((s) => s.docAsked),
            docAnswerInNetworkStack: openPart((s) => s.docNetwork),
            docAnswerServer: openPart((s) => s.docServer),
            paragraphsInDom: openPart((s) => s.paragraphs),
            firstMarkInDom: openPart((s) => s.firstMark),
            allMarksPainted: r1(median(opens)),
          },
          freshPageLoadMs: open.reloads.map((v) => r1(v)),
          freshPageLoadP50Ms: r1(median(open.reloads)),
        },
        library: {
          firstRowsMs: r1(lib.firstRows),
          firstRowsAgainMs: lib.firstRowsAgain.map((v) => r1(v)),
          appRowsAgainMs: lib.appRowsAgain.map((v) => r1(v)),
          apiCallsBeforeFirstRows: lib.calls,
          distancePx: lib.distancePx,
          reachedEnd: lib.reachedEnd,
          topToBottom: { ...lib.full, ms: r1(lib.full.ms) },
          steady300px: { ...lib.steady, ms: r1(lib.steady.ms) },
        },
        profiles: { keystrokes: keys.profile, openArticle: open.profile, scroll: lib.profile },
        pageErrors: errors.slice(0, 5),
        loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((v) => round(v, 2)) },
      },
    };
  } finally {
    await browser?.close().catch(() => undefined);
    host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
