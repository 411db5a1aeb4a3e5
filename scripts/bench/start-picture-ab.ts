/**
 * A/B of a later start's first rows with and without the picture of the last
 * library screen (src-renderer/src/platform/start-snapshot.ts), in one
 * Chromium against the web host: loads alternate, the picture forgotten as
 * the page goes before each "none" load. Prints both figures per load and
 * their medians (docs/benchmarks.md). After `npm run build`:
 *
 *   npx tsx scripts/bench/start-picture-ab.ts /tmp/bench-quiet/engine-10000
 */
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostProcess } from './web-host-process';
import { probeScript } from './browser-probe';
import { until, read } from './browser-page';
import { chromiumLaunchOptions } from '../../tests/support/chromium';

const archive = process.argv[2];
if (!archive) throw new Error('usage: npx tsx scripts/bench/start-picture-ab.ts <archive folder built by the bench or cli ingest>');
const dataDir = mkdtempSync(join(tmpdir(), 'picture-ab-data-'));
const host = await startHostProcess(archive, dataDir, join(process.cwd(), 'out/renderer'));
await new Promise((r) => setTimeout(r, 5000));
const browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
await context.addInitScript({ content: probeScript({ markTarget: 500 }) });
const page = await context.newPage();
await page.goto(host.url + '#/library');
await until(page, 'B.watches.appRows.painted !== null');
await page.waitForTimeout(2000);
const res: Record<string, [number, number][]> = { none: [], picture: [] };
for (let i = 0; i < 16; i++) {
  const mode = i % 2 === 0 ? 'none' : 'picture';
  await page.waitForTimeout(1700); // the picture is kept 1.5 s after the screen settles
  if (mode === 'none') await page.evaluate(`window.addEventListener('pagehide', () => localStorage.removeItem('archive-reader:start-snapshot'))`);
  await page.goto('about:blank');
  await page.goto(host.url + '#/library');
  await until(page, `B.watches.rows.painted !== null && B.watches.appRows.painted !== null`);
  res[mode].push([Math.round(await read<number>(page, 'B.watches.rows.painted')), Math.round(await read<number>(page, 'B.watches.appRows.painted'))]);
}
const med = (a: number[]) => a.slice().sort((x, y) => x - y)[a.length >> 1];
for (const [k, v] of Object.entries(res)) console.log(k, JSON.stringify(v), 'median rows', med(v.map((x) => x[0])), 'app', med(v.map((x) => x[1])));
await browser.close();
host.stop();
rmSync(dataDir, { recursive: true, force: true });
