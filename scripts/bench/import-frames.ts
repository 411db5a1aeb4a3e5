/**
 * `npx tsx scripts/bench/import-frames.ts [--files N]` (default 2,000; the
 * issue's figure is 10,000): how the window fares while it imports a folder.
 * A real web host (its own temporary data folder) and Chromium; a generated
 * folder of N headline-first stories is imported through the dialog (folder
 * upload, then the build in the host's worker thread, polled by the page).
 * Prints the time to the report and the frames: the longest gap between
 * animation frames and the long tasks (> 50 ms) of the page's main thread,
 * while sending and while building. Figures, not assertions (docs/benchmarks.md).
 * `--profile` adds a CPU profile of the page's thread while sending and while building.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startWebHost } from '../../src-main/web/server';
import { storyFiles, writeFolder } from '../../src-main/archives/test-folder';
import { chromiumLaunchOptions } from '../../tests/support/chromium';
import { profileDuring, type ProfileSummary } from './cdp-profile';

const { values } = parseArgs({ options: { files: { type: 'string', default: '2000' }, profile: { type: 'boolean', default: false } } });
const files = Number(values.files);
if (!Number.isInteger(files) || files < 1) throw new Error('--files must be a whole number');

// Runs in the page before the app: rAF gaps and long tasks, split by what the dialog shows.
const PROBE = `(() => {
  const B = (window.__frames = { gaps: [], long: [], last: 0 });
  const tick = (t) => { if (B.last) B.gaps.push([t, t - B.last]); B.last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) B.long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
})();`;

/** What the harness reads of the page (this script is typed for Node, without the DOM's types). */
interface PageElement {
  textContent: string | null;
  firstChild: PageElement | null;
  click(): void;
}
interface PageDocument {
  querySelector(s: string): PageElement | null;
  querySelectorAll(s: string): Iterable<PageElement>;
}

const root = resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'import-frames-'));
const folder = writeFolder(join(work, 'folder'), storyFiles(files, 'Frames'));
const host = await startWebHost({ port: 0, rendererDir: join(root, 'out', 'renderer'), dataDir: join(work, 'data'), log: () => undefined });
await host.ready;
const browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  await page.addInitScript(PROBE);
  await page.goto(`${host.url}#/library`);
  await page.locator('.status-pill').waitFor({ state: 'detached', timeout: 60_000 });
  await page.getByRole('button', { name: /^Archive/ }).click();
  await page.getByRole('region', { name: 'Archives' }).getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an archive' });
  await dialog.locator('[data-testid="import-folder"]').setInputFiles(folder);
  // The harness stays off the page's thread while it measures: a plain DOM click, then one tiny read every 250 ms
  // (Playwright's own waits poll the page every frame with role and text queries, which showed up as the page's work).
  const clickImport = () =>
    page.evaluate(() => {
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      const button = [...doc.querySelectorAll('.import-dialog button')].find((b) => b.textContent === 'Import');
      if (!button) throw new Error('no Import button');
      button.click();
      return performance.now();
    });
  /** Polls until `until` holds for the dialog's phase line; the page's clock at that poll. */
  const waitPhase = async (until: (phase: string) => boolean): Promise<number> => {
    for (let tries = 0; tries < 4 * 1200; tries++) {
      const [phase, t] = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: PageDocument }).document;
        return [doc.querySelector('.import-report') ? 'report' : (doc.querySelector('.import-phase')?.firstChild?.textContent ?? ''), performance.now()] as [string, number];
      });
      if (until(phase)) return t;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the import did not finish in 20 minutes');
  };
  const notSending = (phase: string) => phase !== '' && phase !== 'Sending the files';
  let t0 = 0;
  let tBuild = 0;
  const sendAll = async () => {
    t0 = await clickImport();
    tBuild = await waitPhase(notSending);
  };
  // --profile: where the page's thread spends each phase (a CPU profile; it slows the page a little).
  let profile: ProfileSummary | null = null;
  if (values.profile) profile = await profileDuring(page, sendAll);
  else await sendAll();
  let tDone = 0;
  const build = async () => {
    tDone = await waitPhase((phase) => phase === 'report');
  };
  let buildProfile: ProfileSummary | null = null;
  if (values.profile) buildProfile = await profileDuring(page, build);
  else await build();
  const { gaps, long } = await page.evaluate(() => (globalThis as unknown as { __frames: { gaps: [number, number][]; long: [number, number][] } }).__frames);
  const during = (from: number, to: number) => {
    const g = gaps.filter(([t]) => t > from && t <= to).map(([, d]) => d);
    const l = long.filter(([t]) => t >= from && t <= to).map(([, d]) => d);
    // Each long task as [ms after the click, duration]: where in the import it fell.
    const at = long.filter(([t]) => t >= from && t <= to).map(([t, d]) => [Math.round(t - t0), Math.round(d)]);
    return { frames: g.length, maxGapMs: Math.round(Math.max(0, ...g)), over50: g.filter((d) => d > 50).length, longTasks: l.length, longestTaskMs: Math.round(Math.max(0, ...l)), longTasksAt: at };
  };
  console.log(JSON.stringify({ files, sendMs: Math.round(tBuild - t0), buildMs: Math.round(tDone - tBuild), sending: during(t0, tBuild), building: during(tBuild, tDone), ...(profile ? { sendingProfile: { ...profile, inclusive: profile.inclusive.slice(0, 12) } } : {}), ...(buildProfile ? { buildingProfile: { ...buildProfile, inclusive: buildProfile.inclusive.slice(0, 12) } } : {}) }, null, 2));
} finally {
  await browser.close();
  await host.close();
  rmSync(work, { recursive: true, force: true });
}
