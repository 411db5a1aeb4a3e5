/**
 * `npx tsx scripts/bench/import-frames.ts [--files N]` (default 2,000; the
 * issue's figure is 10,000): how the window fares while it imports a folder.
 * A real web host (its own temporary data folder) and Chromium; a generated
 * folder of N headline-first stories is imported through the dialog (folder
 * upload, then the build in the host's worker thread, polled by the page).
 * Prints the time to the report and the frames: the longest gap between
 * animation frames and the long tasks (> 50 ms) of the page's main thread,
 * while sending and while building. Figures, not assertions (docs/benchmarks.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startWebHost } from '../../src-main/web/server';
import { storyFiles, writeFolder } from '../../src-main/archives/test-folder';
import { chromiumLaunchOptions } from '../../tests/support/chromium';

const { values } = parseArgs({ options: { files: { type: 'string', default: '2000' } } });
const files = Number(values.files);
if (!Number.isInteger(files) || files < 1) throw new Error('--files must be a whole number');

// Runs in the page before the app: rAF gaps and long tasks, split by what the dialog shows.
const PROBE = `(() => {
  const B = (window.__frames = { gaps: [], long: [], last: 0 });
  const tick = (t) => { if (B.last) B.gaps.push([t, t - B.last]); B.last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) B.long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
})();`;

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
  const now = () => page.evaluate(() => performance.now());
  const t0 = await now();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText('Reading the files').or(dialog.getByText('Finding articles')).or(dialog.getByRole('region', { name: 'Import report' })).first().waitFor({ timeout: 600_000 });
  const tBuild = await now();
  await dialog.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 600_000 });
  const tDone = await now();
  const { gaps, long } = await page.evaluate(() => (globalThis as unknown as { __frames: { gaps: [number, number][]; long: [number, number][] } }).__frames);
  const during = (from: number, to: number) => {
    const g = gaps.filter(([t]) => t > from && t <= to).map(([, d]) => d);
    const l = long.filter(([t]) => t >= from && t <= to).map(([, d]) => d);
    return { frames: g.length, maxGapMs: Math.round(Math.max(0, ...g)), over50: g.filter((d) => d > 50).length, longTasks: l.length, longestTaskMs: Math.round(Math.max(0, ...l)) };
  };
  console.log(JSON.stringify({ files, sendMs: Math.round(tBuild - t0), buildMs: Math.round(tDone - tBuild), sending: during(t0, tBuild), building: during(tBuild, tDone) }, null, 2));
} finally {
  await browser.close();
  await host.close();
  rmSync(work, { recursive: true, force: true });
}
