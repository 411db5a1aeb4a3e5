/**
 * Shared by the sync end-to-end tests (sync.e2e, sync-sealed.e2e): the
 * status line of Settings > Sync, and the rows of one profile's notes
 * database read straight from its IndexedDB (what the person has, not what a
 * store answers).
 */
import type { Page } from 'playwright-core';

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

