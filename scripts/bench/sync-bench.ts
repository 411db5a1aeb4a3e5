/**
 * Sync onto an empty second device (issue 16, done-when 8): a CouchDB-protocol
 * server on 127.0.0.1 (tests/support/couch-server.ts) holding --notes
 * annotations as another device left them, the real web host with sync on,
 * and a fresh Chromium profile opening Settings. Reports how long until every
 * note is in the profile's notes database and the status line says "Synced",
 * and how responsive the page stayed meanwhile: the longest gap between
 * ticks of a 50 ms timer in the page (the bar: 10,000 notes in at
 * most 60 s with the UI responsive). A figure, never a test assertion.
 *
 *   npm run --silent bench:sync -- [--notes 10000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createHttpClient } from '../../src-main/shared/http-client';
import { startWebHost } from '../../src-main/web/server';
import { startCouchServer } from '../../tests/support/couch-server';
import { chromiumLaunchOptions } from '../../tests/support/chromium';
import { repoRoot } from './paths';

const { values } = parseArgs({ options: { notes: { type: 'string', default: '10000' } } });
const notes = Number(values.notes);
if (!Number.isInteger(notes) || notes < 1) throw new Error('--notes takes a whole number of notes, e.g. --notes 10000');

const dirs = [mkdtempSync(join(tmpdir(), 'bench-sync-couch-')), mkdtempSync(join(tmpdir(), 'bench-sync-host-'))];
const couch = await startCouchServer(dirs[0]!);
const host = await startWebHost({ port: 0, rendererDir: join(repoRoot(), 'out', 'renderer'), dataDir: dirs[1], log: () => {} });
await host.ready;
try {
  const api = createHttpClient(host.url.replace(/\/$/, ''), (url, init) => fetch(url, init));
  const list = await api.list({ kind: 'article', limit: 1 });
  if (!list.ok) throw new Error(list.error.message);
  const docId = list.value.items[0]!.id;
  const now = new Date().toISOString();
  for (let from = 0; from < notes; from += 1000) {
    const batch = [];
    for (let i = from; i < Math.min(notes, from + 1000); i++) {
      const id = `bench-${String(i).padStart(6, '0')}`;
      batch.push({
        _id: `annotations:${id}`,
        table: 'annotations',
        row: {
          id, archiveId: 'bundled', docId, color: 'yellow', textHash: 'bench', note: `Note ${i}: ${'a sentence of a note. '.repeat(3)}`, tags: [], created: now, modified: now,
          quote: { type: 'TextQuoteSelector', exact: `passage ${i}`, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: i, end: i + 5 },
        },
      });
    }
    await couch.db.bulkDocs(batch);
  }
  const set = await api.syncSettingsSet({ serverUrl: couch.dbUrl, user: couch.user, password: couch.password, enabled: true });
  if (!set.ok) throw new Error(set.error.message);

  const browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __gap: number; setInterval: typeof setInterval };
    let last = performance.now();
    w.__gap = 0;
    w.setInterval(() => {
      const t = performance.now();
      w.__gap = Math.max(w.__gap, t - last - 50);
      last = t;
    }, 50);
  });
  const started = Date.now();
  await page.goto(host.url + '#/settings');
  const status = page.getByTestId('sync-status');
  await status.waitFor();
  let text = '';
  for (;;) {
    text = (await status.textContent()) ?? '';
    if (/^Synced\./.test(text)) break;
    if (Date.now() - started > 600_000) throw new Error(`not synced after 10 minutes: ${text}`);
    await page.waitForTimeout(100);
  }
  const seconds = (Date.now() - started) / 1000;
  const gap = await page.evaluate(() => (globalThis as unknown as { __gap: number }).__gap);
  console.log(`sync onto an empty device: ${notes.toLocaleString('en')} notes in ${seconds.toFixed(1)} s (${Math.round(notes / seconds)} notes/s); longest page stall beyond a 50 ms timer: ${Math.round(gap)} ms`);
  await browser.close();
} finally {
  await host.close();
  await couch.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
