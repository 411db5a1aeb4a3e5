/**
 * Shared by the sync end-to-end tests (sync.e2e, sync-sealed.e2e): their
 * world (a CouchDB-protocol server and a web host, each in a temporary
 * folder, one Chromium, profiles with their own storage), the status line of
 * Settings > Sync, and the rows of one profile's notes database read straight
 * from its IndexedDB (what the person has, not what a store answers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Doc } from '../../src-main/shared/model';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { launch } from './browser';
import { articles } from './notes-support';

export interface SyncWorld {
  browser: Browser;
  couch: CouchServer;
  /** The server's data folder (what it keeps on disk). */
  couchDir: string;
  host: WebHost;
  /** The host's data folder (sync.json). */
  hostDir: string;
  /** The bundled archive's longest article. */
  doc: Doc;
  /** A temporary folder removed by close(). */
  tempFolder(prefix: string): string;
  /** A second laptop: a context with its own storage, opened at `hash`. */
  profile(hash?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startSyncWorld(name: string): Promise<SyncWorld> {
  const folders: string[] = [];
  const contexts: BrowserContext[] = [];
  const tempFolder = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    folders.push(dir);
    return dir;
  };
  const couchDir = tempFolder(`archive-${name}-couch-`);
  const hostDir = tempFolder(`archive-${name}-host-`);
  const couch = await startCouchServer(couchDir);
  const host = await startWebHost({ port: 0, rendererDir: resolve(import.meta.dirname, '..', '..', 'out', 'renderer'), dataDir: hostDir, log: () => {} });
  await host.ready;
  const browser = await launch();
  const [doc] = await articles();
  return {
    browser,
    couch,
    couchDir,
    host,
    hostDir,
    doc: doc!,
    tempFolder,
    async profile(hash = '') {
      const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, reducedMotion: 'reduce' });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(host.url + hash);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await host.close();
      await couch.close();
      for (const f of folders) rmSync(f, { recursive: true, force: true });
    },
  };
}

export const statusLine = (page: Page) => page.getByTestId('sync-status');

export async function openSettings(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = '#/settings';
  });
  await statusLine(page).waitFor();
}

/** Every row of the synced tables in this profile's notes database, sorted. */
export async function notesOf(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const idb = (globalThis as unknown as { indexedDB: IDBFactoryLike }).indexedDB;
    interface Req<T> { onsuccess: (() => void) | null; onerror: (() => void) | null; result: T }
    interface IDBFactoryLike { databases(): Promise<{ name?: string }[]>; open(n: string): Req<DbLike> }
    interface DbLike { transaction(s: string): { objectStore(s: string): { getAll(): Req<unknown[]> } }; close(): void }
    const name = (await idb.databases()).map((d) => d.name).find((n) => n?.startsWith('archive-reader-notes') && !n.endsWith('mirror'));
    if (!name) return {};
    const db = await new Promise<DbLike>((res, rej) => {
      const r = idb.open(name);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(new Error('open failed'));
    });
    const out: Record<string, unknown[]> = {};
    for (const table of ['annotations', 'articleState', 'tags', 'settings', 'tagRenames']) {
      out[table] = await new Promise<unknown[]>((res) => {
        const r = db.transaction(table).objectStore(table).getAll();
        r.onsuccess = () => res(r.result);
      });
    }
    db.close();
    return out;
  });
}

