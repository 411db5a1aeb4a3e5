/**
 * The library in the browser bench: the time from a fresh page load until its
 * first rows are painted (with the API calls the page made on the way), then
 * wheel-scrolling it, frame by frame: at a steady 300 px per event, and top to
 * bottom; plus a CPU profile of fast scrolling.
 */
import type { Page } from 'playwright-core';
import { profileDuring } from './cdp-profile';
import { call, r1, read, until, waitInPage } from './browser-page';
import { median, percentile } from './stats';

/** Frame figures of one recorded stretch: rate, long frames, frames that showed unloaded rows. */
function frameFigures(frames: [number, number][]) {
  const intervals: number[] = [];
  for (let i = 1; i < frames.length; i++) intervals.push(frames[i][0] - frames[i - 1][0]);
  const spanMs = frames.length > 1 ? frames.at(-1)![0] - frames[0][0] : 0;
  return {
    frames: frames.length,
    fps: r1(spanMs > 0 ? (frames.length - 1) / (spanMs / 1000) : null),
    frameP50Ms: r1(median(intervals)),
    frameP95Ms: r1(percentile(intervals, 95)),
    frameMaxMs: r1(intervals.length ? Math.max(...intervals) : null),
    longFramesOver50Ms: intervals.filter((v) => v > 50).length,
    framesWithPlaceholders: frames.filter((f) => f[1] > 0).length,
  };
}

type ScrollState = { top: number; height: number; client: number };
const atEnd = (s: ScrollState) => s.top + s.client >= s.height - 2;

/**
 * Wheel `events` times by `dy`, recording frames; stops early at the end of
 * the list. With `waitEnd`, the stretch lasts until the end is reached and its
 * last rows are shown (top to bottom); without, it ends 200 ms after the last event.
 */
async function wheelStretch(page: Page, dy: number, events: number, waitEnd: boolean) {
  await call(page, 'startFrames');
  const t0 = (await page.evaluate('performance.now()')) as number;
  let sent = 0;
  while (sent < events) {
    await page.mouse.wheel(0, dy);
    sent++;
    if (sent % 10 === 0 && atEnd(await call<ScrollState>(page, 'scrollState'))) break;
  }
  // Let a smooth scroll finish and the last rows arrive.
  if (waitEnd) {
    await until(page, `(() => { const s = B.scrollState(); return s.top + s.client >= s.height - 2 && !document.querySelector('.list-inner .row-placeholder'); })()`, 30_000).catch(() => undefined);
  } else await page.waitForTimeout(200);
  const t1 = (await page.evaluate('performance.now()')) as number;
  const frames = await call<[number, number][]>(page, 'stopFrames');
  return { ms: t1 - t0, wheelEvents: sent, wheelDeltaPx: dy, ...frameFigures(frames) };
}

async function scrollToTop(page: Page) {
  await page.evaluate(`document.querySelector('.list-scroll').scrollTop = 0`);
  await until(page, `B.scrollState().top === 0 && !document.querySelector('.list-inner .row-placeholder')`, 30_000).catch(() => undefined);
  await page.waitForTimeout(300);
}

/**
 * A page load of the library until its first rows are painted (ms from the navigation's start): `rows`, any
 * rows on screen (on a later start, first the picture of the last screen: start-snapshot.ts), `appRows`, the
 * app's own (the ones that answer a click).
 */
async function loadFirstRows(page: Page, base: string): Promise<{ rows: number; appRows: number }> {
  await page.goto('about:blank');
  await page.goto(`${base}#/library`);
  await waitInPage(page, 'watches', ['rows', 'appRows']);
  return { rows: await read<number>(page, 'B.watches.rows.painted'), appRows: await read<number>(page, 'B.watches.appRows.painted') };
}

export async function measureLibrary(page: Page, base: string) {
  // The browser's first visit: nothing cached.
  const firstRows = (await loadFirstRows(page, base)).rows;
  // What the first rows waited for: the API calls the page made on its way there.
  const calls = (await read<{ url: string; start: number; end: number | null }[]>(page, 'B.fetches'))
    .filter((f) => f.start <= firstRows)
    .map((f) => ({ api: f.url.replace(/^.*\/api\//, ''), startMs: r1(f.start), endMs: r1(f.end) }));
  // Nothing watched while scrolling: only the frame recorder runs.
  await call(page, 'disarm', 'rows');
  await call(page, 'disarm', 'appRows');
  await call(page, 'disarm', 'marks');
  await page.waitForTimeout(500);
  const box = await page.locator('.list-scroll').boundingBox();
  if (!box) throw new Error('the library has no scrolling list (.list-scroll)');
  const start = await call<ScrollState>(page, 'scrollState');
  const distance = start.height - start.client;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // The same speed at every size: 300 px (four rows) per wheel event, 300 events (or to the end).
  const steady = await wheelStretch(page, 300, 300, false);
  await scrollToTop(page);
  // Top to bottom in about 600 wheel events, at least 300 px each (faster at larger sizes).
  const dy = Math.max(300, Math.ceil(distance / 600));
  const full = await wheelStretch(page, dy, Math.ceil(distance / dy) * 3 + 50, true);
  const state = await call<ScrollState>(page, 'scrollState');
  await scrollToTop(page);
  const profile = await profileDuring(page, async () => {
    await wheelStretch(page, dy, 100, false);
  });
  // A later start, as a person's every start after the first: the build's files come from the browser's
  // cache (Chromium keeps them across loads), the archive's answers from the host as always.
  const again: number[] = [];
  const appAgain: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { rows, appRows } = await loadFirstRows(page, base);
    again.push(rows);
    appAgain.push(appRows);
  }
  return { firstRows, firstRowsAgain: again, appRowsAgain: appAgain, calls, distancePx: distance, reachedEnd: atEnd(state), steady, full, profile };
}

