/**
 * Opening an article with HIGHLIGHTS highlights in the browser bench: the
 * highlights written into the app's own database, then the article opened
 * from the library again and again (route change to every highlight painted,
 * with where the time went: the article's answer, the paragraphs, the first
 * mark), from a fresh page load at its address, and once under the profiler.
 */
import type { Page } from 'playwright-core';
import type { ApiClient } from '../../src-main/shared/contract';
import type { Doc } from '../../src-main/shared/model';
import { DB_NAME, DEV_DB_NAME } from '../../src-main/shared/origin';
import { profileDuring, type ProfileSummary } from './cdp-profile';
import { seedHighlights } from './highlight-seed';
import { call, read, serverMs, until, waitInPage, type ResourceTimes } from './browser-page';
import { round } from './stats';

/** Highlights on the article opened. */
export const HIGHLIGHTS = 500;

export async function longestArticle(api: ApiClient): Promise<Doc> {
  const list = await api.list({ kind: 'article', offset: 0, limit: 200 });
  if (!list.ok) throw new Error(`list: ${list.error.message}`);
  let best: Doc | null = null;
  let bestLen = -1;
  for (const s of list.value.items) {
    const d = await api.getDoc({ id: s.id });
    if (!d.ok) continue;
    const len = d.value.paragraphs.reduce((n, p) => n + p.text.length, 0);
    if (len > bestLen) [best, bestLen] = [d.value, len];
  }
  if (!best) throw new Error('the archive has no article to open');
  return best;
}

export interface OpenSample {
  /** [ms after the route change, distinct highlights in the DOM] at each change. */
  markLog: (number | null)[][];
  /** [start, duration] of each long task (> 50 ms) during the open. */
  longTasks: (number | null)[][];
  total: number;
  docFetched: number | null;
  /** getDoc asked for; its answer complete in the network stack (Resource Timing); the host's own time for it. */
  docAsked: number | null;
  docNetwork: number | null;
  docServer: number | null;
  paragraphs: number | null;
  firstMark: number | null;
}

export async function measureOpen(page: Page, base: string, doc: Doc, opens: number, profile: boolean, archiveId: string) {
  const hash = `#/article/${encodeURIComponent(doc.id)}`;
  // Let the app create its database (its schema, its version), then write the highlights into it.
  await page.goto(base + hash);
  await call(page, 'arm', 'paras');
  await until(page, `B.watches.paras.painted !== null`);
  let dbName: string | null = null;
  for (let i = 0; i < 100 && !dbName; i++) {
    const names = await call<{ name: string; version: number }[]>(page, 'dbNames');
    dbName = names.find((d) => d.name === DB_NAME || d.name === DEV_DB_NAME)?.name ?? null;
    if (!dbName) await page.waitForTimeout(100);
  }
  if (!dbName) throw new Error(`the app did not create its notes database (${DB_NAME})`);
  const rows = seedHighlights(doc, HIGHLIGHTS, archiveId);
  const stored = await call<number>(page, 'putRows', dbName, 'annotations', rows);
  if (stored < HIGHLIGHTS) throw new Error(`only ${stored} annotations in the database after seeding`);

  const toLibrary = async () => {
    await page.evaluate(`location.hash = '#/library'`);
    await call(page, 'arm', 'rows');
    await waitInPage(page, 'watches', ['rows']);
    await page.waitForTimeout(300);
  };
  const openFromLibrary = async (): Promise<OpenSample> => {
    for (const w of ['marks', 'paras', 'firstMark']) await call(page, 'arm', w);
    // Waited for in the page, asked before the open: nothing is sent into the page while it is timed.
    const painted = waitInPage(page, 'watches', ['marks']);
    const t0 = await page.evaluate(`(() => { const B = window.__bench; B.markLog = []; B.longTasks = []; const t = performance.now(); location.hash = ${JSON.stringify(hash)}; return t; })()`) as number;
    await painted;
    const w = await read<Record<string, { at: number | null; painted: number | null }>>(page, 'B.watches');
    const f = await read<{ url: string; start: number; end: number | null; socket?: boolean; socketServerMs?: number | null }[]>(page, 'B.fetches');
    const getDoc = f.find((x) => x.start >= t0 && x.url.endsWith('/api/getDoc'));
    const net = getDoc ? await call<ResourceTimes | null>(page, 'resourceFor', getDoc.url, getDoc.start) : null;
    const rel = (v: number) => round(v - t0, 1);
    const markLog = (await read<[number, number][]>(page, 'B.markLog')).map(([t, n]) => [rel(t), n]);
    const longTasks = (await read<[number, number][]>(page, 'B.longTasks')).filter(([t]) => t >= t0).map(([t, d]) => [rel(t), d]);
    return {
      markLog,
      longTasks,
      total: w.marks.painted! - t0,
      docFetched: getDoc?.end != null ? getDoc.end - t0 : null,
      docAsked: getDoc ? getDoc.start - t0 : null,
      docNetwork: net ? net.responseEnd - t0 : null,
      // Over the API socket there is no Resource Timing: the host's own time comes with the answer.
      docServer: getDoc?.socket ? (getDoc.socketServerMs ?? null) : serverMs(net),
      paragraphs: w.paras.at != null ? w.paras.at - t0 : null,
      firstMark: w.firstMark.at != null ? w.firstMark.at - t0 : null,
    };
  };

  // Fresh page at the library, so the first open is the first in this window.
  await page.goto('about:blank');
  await page.goto(`${base}#/library`);
  const samples: OpenSample[] = [];
  for (let i = 0; i < opens; i++) {
    await toLibrary();
    samples.push(await openFromLibrary());
  }
  const marks = await call<number>(page, 'distinctMarks');
  // How much the reader puts on the page with the article: every highlight's card in the sidebar is rendered.
  const dom = await read<{ elements: number; cards: number }>(page, `({ elements: document.getElementsByTagName('*').length, cards: document.querySelectorAll('[data-annotation-card]').length })`);

  // From a fresh page load at the article's address (app start included).
  const reloads: number[] = [];
  for (let i = 0; i < Math.min(3, opens); i++) {
    await page.goto('about:blank');
    await page.goto(base + hash);
    await waitInPage(page, 'watches', ['marks']);
    reloads.push(await read<number>(page, 'B.watches.marks.painted'));
  }

  let prof: ProfileSummary | null = null;
  if (profile) {
    await page.goto('about:blank');
    await page.goto(`${base}#/library`);
    await until(page, `B.watches.rows.painted !== null`);
    await toLibrary();
    prof = await profileDuring(page, async () => {
      await openFromLibrary();
    });
  }
  return { doc, samples, reloads, marks, dom, profile: prof };
}
