/**
 * Issue 16, done-when 5: the app killed (SIGKILL, whole process group) in the
 * middle of pushing 10,000 notes, then started again on the same profile: the
 * server ends with exactly those 10,000 documents (one per note, none twice)
 * and nothing pending. The notes arrive the way a person brings many notes to
 * a new laptop: "Restore from file" with a 10,000-note backup, while sync is
 * on. Real Chromium with a persistent profile (chromium-process.ts), the real
 * web host and its proxy, and a real CouchDB-protocol server
 * (tests/support/couch-server.ts). Needs the built renderer (`npm run build`).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src-main/shared/notes/annotation-model';
import { createBackup, emptySnapshot } from '../../src-main/shared/notes/backup/backup-format';
import { createHttpClient } from '../../src-main/shared/http-client';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { startChromium, stopAllChromium } from './chromium-process';

const NOTES = 10_000;
const rendererDir = resolve(import.meta.dirname, '..', '..', 'out', 'renderer');
const folders: string[] = [];
let couch: CouchServer;
let host: WebHost;

function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

beforeAll(async () => {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`sync-crash: no built renderer at ${rendererDir}; run "npm run build" first.`);
  couch = await startCouchServer(tempFolder('sync-crash-couch-'));
  host = await startWebHost({ port: 0, rendererDir, dataDir: tempFolder('sync-crash-host-'), log: () => {} });
  await host.ready;
}, 60_000);

afterAll(async () => {
  await stopAllChromium();
  await host?.close();
  await couch?.close();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** A backup of NOTES annotations on a real article of the bundled archive. */
async function bigBackup(): Promise<{ path: string; ids: string[] }> {
  const api = createHttpClient(host.url.replace(/\/$/, ''), (url, init) => fetch(url, init));
  const list = await api.list({ kind: 'article', limit: 1 });
  if (!list.ok) throw new Error(list.error.message);
  const docId = list.value.items[0]!.id;
  const snapshot = emptySnapshot();
  const now = new Date().toISOString();
  for (let i = 0; i < NOTES; i++) {
    const row: Annotation = {
      id: `crash-${String(i).padStart(5, '0')}`,
      archiveId: 'bundled',
      docId,
      color: 'yellow',
      quote: { type: 'TextQuoteSelector', exact: `passage ${i}`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: i, end: i + 5 },
      textHash: 'test',
      note: `Note number ${i}`,
      tags: [],
      created: now,
      modified: now,
    };
    snapshot.annotations.push(row);
  }
  const path = join(tempFolder('sync-crash-backup-'), 'big-backup.json');
  writeFileSync(path, createBackup(snapshot, { appVersion: 'test' }));
  return { path, ids: snapshot.annotations.map((a) => `annotations:${a.id}`) };
}

describe('sync survives a crash mid-push', () => {
  it(`SIGKILL during a ${NOTES.toLocaleString('en')}-note push, then a restart: every note on the server once, nothing pending`, async () => {
    const api = createHttpClient(host.url.replace(/\/$/, ''), (url, init) => fetch(url, init));
    const set = await api.syncSettingsSet({ serverUrl: couch.dbUrl, user: couch.user, password: couch.password, enabled: true });
    expect(set.ok).toBe(true);
    const backup = await bigBackup();
    const profile = tempFolder('sync-crash-profile-');

    const first = await startChromium(profile);
    const page = first.context.pages()[0] ?? (await first.context.newPage());
    await page.goto(host.url + '#/settings');
    await page.getByTestId('sync-status').waitFor();
    await page.getByLabel('Restore from file').setInputFiles(backup.path);
    await page.getByRole('region', { name: 'Restore preview' }).getByRole('button', { name: 'Merge into my notes' }).click();
    // Kill as soon as the push has begun and before it has ended.
    let onServer = 0;
    for (let tries = 0; tries < 1200; tries++) {
      onServer = (await couch.db.info()).doc_count;
      if (onServer > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await first.kill();
    const atKill = (await couch.db.info()).doc_count;
    expect(onServer, 'the push had started when the app was killed').toBeGreaterThan(0);
    expect(atKill, 'the push had not finished when the app was killed').toBeLessThan(NOTES);

    const second = await startChromium(profile);
    const again = second.context.pages()[0] ?? (await second.context.newPage());
    await again.goto(host.url + '#/settings');
    const status = again.getByTestId('sync-status');
    for (let tries = 0; tries < 600; tries++) {
      if (/^Synced\./.test((await status.textContent()) ?? '')) break;
      await again.waitForTimeout(200);
    }
    expect(await status.textContent()).toMatch(/^Synced\./);
    const ids = (await couch.db.allDocs()).rows.map((r) => r.id).filter((id) => id.startsWith('annotations:'));
    expect(ids.length).toBe(NOTES);
    expect(new Set(ids).size).toBe(NOTES);
    expect([...ids].sort()).toEqual([...backup.ids].sort());
    await second.close();
  }, 300_000);
});
