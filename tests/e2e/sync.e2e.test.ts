/**
 * Issue 16 end to end: two app profiles (two Chromium contexts, each with its
 * own IndexedDB) against a web host of their own, syncing through the host's
 * proxy with a real CouchDB-protocol server on 127.0.0.1 (express-pouchdb on
 * LevelDB in a temporary folder, tests/support/couch-server.ts).
 *
 *  1. three annotations made on A appear on B, and B's notes equal A's;
 *  9. a sync with no local changes writes no document to the server;
 *  6. with the server down, A keeps working and shows "N pending"; back up,
 *     pending drops to 0 on its own;
 *  2. one note edited on both: merged, or both texts kept under "Conflicting version";
 *  3. deleted on A, edited on B: B's text on both, A told it was restored;
 *  4. a tag renamed on A while B tags new highlights with it: the new name on every highlight, on both;
 * 10. an old backup restored on A reaches B as new revisions; B keeps what is newer;
 *  7. a wrong password says "authentication failed" and loses nothing.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Doc } from '../../src-main/shared/model';
import type { WebHost } from '../../src-main/web/server';
import { createHttpClient } from '../../src-main/shared/http-client';
import { createBackup, type Snapshot } from '../../src-main/shared/notes/backup/backup-format';
import type { CouchServer } from '../support/couch-server';
import { libraryRows } from './browser';
import { articleHash, closeCard, highlight, paintedIds, passage, waitForPainted } from './notes-support';
import { notesOf, openSettings, startSyncWorld, statusLine, type SyncWorld } from './sync-support';

let world: SyncWorld;
let couch: CouchServer;
let host: WebHost;
let doc: Doc;

beforeAll(async () => {
  world = await startSyncWorld('sync');
  ({ couch, host, doc } = world);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const profile = (hash = '') => world.profile(hash);

/** Each document on the server with its current revision. */
async function revisions(): Promise<Record<string, string>> {
  return Object.fromEntries((await couch.db.allDocs()).rows.map((r) => [r.id, r.value.rev]));
}

/**
 * Wait until `page` holds every annotation the server has and shows its marks, so a
 * highlight made next is the only new mark (earlier tests' notes arrive in a new profile).
 */
async function caughtUp(page: Page): Promise<void> {
  const onServer = async () => (await couch.db.allDocs()).rows.filter((r) => r.id.startsWith('annotations:')).length;
  await expect.poll(async () => ((await notesOf(page)).annotations ?? []).length === (await onServer()), { timeout: 30_000 }).toBe(true);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  const here = (((await notesOf(page)).annotations ?? []) as { docId: string }[]).filter((r) => r.docId === doc.id).length;
  const painted = async () => (await paintedIds(page)).length;
  await expect.poll(painted, { timeout: 20_000 }).toBe(here);
}

/** Sync on with the right password, as test 1 leaves it through the UI (so each later test also runs alone). */
async function syncOn(): Promise<void> {
  const api = createHttpClient(host.url.replace(/\/$/, ''), (url, init) => fetch(url, init));
  const r = await api.syncSettingsSet({ serverUrl: couch.dbUrl, user: couch.user, password: couch.password, enabled: true });
  if (!r.ok) throw new Error(r.error.message);
}

async function serverSeq(): Promise<string> {
  return String((await couch.db.info()).update_seq);
}

describe('sync between two profiles through a CouchDB-protocol server', () => {
  test('1, 9: three annotations made on A appear on B with the same content; a sync with nothing new writes nothing', async () => {
    const a = await profile('#/settings');
    await statusLine(a).waitFor();
    expect(await statusLine(a).textContent()).toBe('Sync is off.');
    // The two buttons side by side are one height.
    const heights = await Promise.all(['Save', 'Test connection'].map((name) => a.getByRole('button', { name, exact: true }).evaluate((el) => el.getBoundingClientRect().height)));
    expect(heights[0]).toBe(heights[1]);
    await a.getByLabel('Server database URL').fill(couch.dbUrl);
    await a.getByLabel('User').fill(couch.user);
    await a.getByLabel('Password').fill(couch.password);
    await a.getByRole('button', { name: 'Test connection' }).click();
    await a.getByText('Connected: the server has the database.').waitFor({ timeout: 60_000 });
    await a.getByLabel('Sync on').click();
    await expect.poll(() => a.getByLabel('Sync on').isChecked(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => statusLine(a).textContent(), { timeout: 20_000 }).toMatch(/^Synced\./);

    await a.goto(host.url + articleHash(doc.id));
    await a.getByRole('heading', { level: 1 }).waitFor();
    const ids: string[] = [];
    for (const [i, from] of [2, 5, 8].entries()) {
      ids.push(await highlight(a, passage(doc, from), i === 0 ? { note: 'First note, synced', tags: ['sync-e2e'] } : {}));
      await closeCard(a);
    }
    await openSettings(a);
    await expect.poll(() => statusLine(a).textContent(), { timeout: 20_000 }).toMatch(/^Synced\./);
    const onServer = await couch.db.allDocs();
    for (const id of ids) expect(onServer.rows.map((r) => r.id)).toContain(`annotations:${id}`);

    // B: a fresh profile; sync is on in the host, so it starts on its own.
    const b = await profile('#/settings');
    await expect.poll(async () => ((await notesOf(b)).annotations ?? []).length, { timeout: 20_000 }).toBe(3);
    await expect.poll(() => statusLine(b).textContent(), { timeout: 20_000 }).toMatch(/^Synced\./);
    const [na, nb] = [await notesOf(a), await notesOf(b)];
    const byKey = (rows: unknown[]) => [...rows].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    for (const table of ['annotations', 'articleState', 'tags', 'settings']) expect(byKey(nb[table]!)).toEqual(byKey(na[table]!));
    // 9: both profiles start again with nothing new: the server's sequence does not move.
    const before = await serverSeq();
    const revsBefore = await revisions();
    for (const page of [a, b]) {
      await page.goto(host.url + '#/settings');
      await page.reload();
      await expect.poll(() => statusLine(page).textContent(), { timeout: 20_000 }).toMatch(/^Synced\./);
    }
    expect(await revisions()).toEqual(revsBefore);
    expect(await serverSeq()).toBe(before);

    // B shows A's note in the reader.
    await b.goto(host.url + articleHash(doc.id, ids[0]));
    await waitForPainted(b, ids[0]);
  }, 120_000);

  test('6: with the server down the app keeps working and shows "N pending"; back up, pending drops to 0 on its own', async () => {
    await syncOn();
    const a = await profile(articleHash(doc.id));
    await a.getByRole('heading', { level: 1 }).waitFor();
    await caughtUp(a);
    const made: string[] = [];
    await couch.pause();
    try {
      made.push(await highlight(a, passage(doc, 11)));
      await closeCard(a);
      made.push(await highlight(a, passage(doc, 14)));
      await closeCard(a);
      await openSettings(a);
      // N counts every row waiting to go (the two highlights, and the article's reading state if it changed meanwhile).
      await expect.poll(async () => Number(/^(\d+) pending\. The server cannot be reached/.exec((await statusLine(a).textContent()) ?? '')?.[1] ?? 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
      // Still working offline: the highlights are there after a reload.
      await a.goto(host.url + articleHash(doc.id));
      await waitForPainted(a, made[1]);
    } finally {
      // Back up whatever happened above: the tests after this one need the server.
      await couch.resume();
    }
    await openSettings(a);
    await expect.poll(() => statusLine(a).textContent(), { timeout: 30_000 }).toMatch(/^Synced\./);
    const onServer = (await couch.db.allDocs()).rows.map((r) => r.id);
    for (const id of made) expect(onServer).toContain(`annotations:${id}`);
  }, 90_000);

  test('2: one note edited in different paragraphs on A and B is merged; the same sentence edited on both keeps both texts, marked', async () => {
    await syncOn();
    const a = await profile(articleHash(doc.id));
    const b = await profile(articleHash(doc.id));
    await a.getByRole('heading', { level: 1 }).waitFor();
    await caughtUp(a);
    const id = await highlight(a, passage(doc, 17), { note: 'Para one.\n\nPara two.' });
    const noteOn = async (page: Page) => ((await notesOf(page)).annotations as { id: string; note: string }[] | undefined)?.find((r) => r.id === id)?.note;
    await expect.poll(() => noteOn(b), { timeout: 20_000 }).toBe('Para one.\n\nPara two.');
    await b.reload();
    await b.getByRole('heading', { level: 1 }).waitFor();

    async function editNote(page: Page, text: string): Promise<void> {
      const card = page.getByRole('complementary', { name: 'Annotations' }).locator(`[data-annotation-card="${id}"]`);
      if ((await card.getByRole('textbox', { name: 'Note', exact: true }).count()) === 0) await card.getByRole('button', { name: 'Edit', exact: true }).click();
      await card.getByRole('textbox', { name: 'Note', exact: true }).fill(text);
      await expect.poll(() => noteOn(page)).toBe(text);
    }

    await couch.pause();
    await editNote(a, 'Para one, from A.\n\nPara two.');
    await editNote(b, 'Para one.\n\nPara two, from B.');
    await couch.resume();
    const merged = 'Para one, from A.\n\nPara two, from B.';
    await expect.poll(() => noteOn(a), { timeout: 30_000 }).toBe(merged);
    await expect.poll(() => noteOn(b), { timeout: 30_000 }).toBe(merged);

    await couch.pause();
    await editNote(a, 'Para one, rewritten on A.\n\nPara two, from B.');
    await editNote(b, 'Para one, rewritten on B.\n\nPara two, from B.');
    await couch.resume();
    await expect
      // A liveness bound, not a speed figure: on a loaded 2-core machine the resolution's round trip can pass 30 s.
      .poll(async () => [await noteOn(a), await noteOn(b)], { timeout: 75_000 })
      .toSatisfy(([x, y]: (string | undefined)[]) => x === y && !!x?.includes('Conflicting version ('));
    const both = (await noteOn(a))!;
    expect(both).toContain('Para one, rewritten on A.');
    expect(both).toContain('Para one, rewritten on B.');
    expect(both.match(/Conflicting version \(/g)).toHaveLength(1);
    // The Notebook lists it among the sync conflicts, and only it.
    await a.goto(host.url + '#/notebook');
    await a.getByLabel('Only sync conflicts').check();
    const list = a.getByRole('list', { name: 'Annotations' });
    await list.locator(`[data-annotation-card="${id}"]`).waitFor();
    expect(await list.locator('[data-annotation-card]').count()).toBe(1);
  }, 180_000);

  test('3: deleted on A, edited on B: the note survives on both with B\'s text, and A says it was restored', async () => {
    await syncOn();
    const a = await profile(articleHash(doc.id));
    const b = await profile(articleHash(doc.id));
    await a.getByRole('heading', { level: 1 }).waitFor();
    await caughtUp(a);
    const id = await highlight(a, passage(doc, 20), { note: 'Before the split.' });
    const rowOn = async (page: Page) => ((await notesOf(page)).annotations as { id: string; note: string }[] | undefined)?.find((r) => r.id === id);
    await expect.poll(async () => (await rowOn(b))?.note, { timeout: 20_000 }).toBe('Before the split.');
    await b.reload();
    await b.getByRole('heading', { level: 1 }).waitFor();

    await couch.pause();
    const cardA = a.getByRole('complementary', { name: 'Annotations' }).locator(`[data-annotation-card="${id}"]`);
    await cardA.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => rowOn(a)).toBeUndefined();
    const cardB = b.getByRole('complementary', { name: 'Annotations' }).locator(`[data-annotation-card="${id}"]`);
    await cardB.getByRole('button', { name: 'Edit', exact: true }).click();
    await cardB.getByRole('textbox', { name: 'Note', exact: true }).fill('Edited on B while A deleted it.');
    await expect.poll(async () => (await rowOn(b))?.note).toBe('Edited on B while A deleted it.');
    await couch.resume();

    await expect.poll(async () => (await rowOn(a))?.note, { timeout: 30_000 }).toBe('Edited on B while A deleted it.');
    await a.getByText('A note you deleted here was edited on another device, so it was restored.').waitFor();
    expect((await rowOn(b))?.note).toBe('Edited on B while A deleted it.');
  }, 90_000);

  test('4: a tag renamed on A while B tags new highlights with it: both end with the new name on every highlight', async () => {
    await syncOn();
    const a = await profile(articleHash(doc.id));
    const b = await profile(articleHash(doc.id));
    await a.getByRole('heading', { level: 1 }).waitFor();
    await caughtUp(a);
    const first = await highlight(a, passage(doc, 29), { tags: ['before-rename'] });
    await closeCard(a);
    const tagsOn = async (page: Page, id: string) => ((await notesOf(page)).annotations as { id: string; tags: string[] }[] | undefined)?.find((r) => r.id === id)?.tags;
    await expect.poll(() => tagsOn(b, first), { timeout: 20_000 }).toEqual(['before-rename']);
    await caughtUp(b);

    // Apart: A renames the tag in Settings; B, not told yet, tags two new highlights with the old name.
    await couch.pause();
    await openSettings(a);
    await a.getByRole('button', { name: 'Rename before-rename' }).click();
    await a.getByRole('textbox', { name: 'New name for before-rename' }).fill('after-rename');
    await a.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => tagsOn(a, first)).toEqual(['after-rename']);
    const later = [await highlight(b, passage(doc, 32), { tags: ['before-rename'] })];
    await closeCard(b);
    later.push(await highlight(b, passage(doc, 35), { tags: ['before-rename'] }));
    await couch.resume();

    for (const page of [a, b]) {
      for (const id of [first, ...later]) await expect.poll(() => tagsOn(page, id), { timeout: 30_000 }).toEqual(['after-rename']);
    }
    for (const page of [a, b]) {
      const rows = await notesOf(page);
      expect((rows.tags as { name: string }[]).map((t) => t.name)).not.toContain('before-rename');
      expect((rows.annotations as { tags: string[] }[]).filter((r) => r.tags.includes('before-rename'))).toEqual([]);
    }
    // The server ends the same: no live document keeps the old name, but the rename record that maps it.
    const holdingOldName = async () =>
      (await couch.db.allDocs({ include_docs: true })).rows.filter((r) => JSON.stringify(r.doc?.row ?? {}).includes('"before-rename"')).map((r) => r.id);
    await expect.poll(holdingOldName, { timeout: 30_000 }).toEqual(['tagRenames:before-rename']);
  }, 120_000);

  test('10: restoring an old backup on A reaches B as new revisions, and B keeps what is newer', async () => {
    await syncOn();
    const a = await profile(articleHash(doc.id));
    const b = await profile(articleHash(doc.id));
    await a.getByRole('heading', { level: 1 }).waitFor();
    await caughtUp(a);
    const gone = await highlight(a, passage(doc, 23), { note: 'Deleted after the backup.' });
    await closeCard(a);
    const edited = await highlight(a, passage(doc, 26), { note: 'Old text in the backup.' });
    const rowOn = async (page: Page, id: string) => ((await notesOf(page)).annotations as { id: string; note: string }[] | undefined)?.find((r) => r.id === id);
    await expect.poll(async () => (await rowOn(b, edited))?.note, { timeout: 20_000 }).toBe('Old text in the backup.');
    // The backup, as "Backup now" would write it from A's rows.
    const rows = await notesOf(a);
    const snapshot = { annotations: rows.annotations, docState: rows.articleState, tags: rows.tags, settings: rows.settings } as unknown as Snapshot;
    const file = join(world.tempFolder('archive-sync-backup-'), 'old-backup.json');
    writeFileSync(file, createBackup(snapshot, { appVersion: 'test' }));

    // After the backup: A deletes one note, B edits the other (newer).
    const cardA = a.getByRole('complementary', { name: 'Annotations' }).locator(`[data-annotation-card="${gone}"]`);
    await cardA.getByRole('button', { name: 'Delete', exact: true }).click();
    await b.reload();
    await b.getByRole('heading', { level: 1 }).waitFor();
    const cardB = b.getByRole('complementary', { name: 'Annotations' }).locator(`[data-annotation-card="${edited}"]`);
    await cardB.getByRole('button', { name: 'Edit', exact: true }).click();
    await cardB.getByRole('textbox', { name: 'Note', exact: true }).fill('Newer text from B.');
    await expect.poll(async () => (await rowOn(a, edited))?.note, { timeout: 20_000 }).toBe('Newer text from B.');
    await expect.poll(async () => await rowOn(b, gone), { timeout: 20_000 }).toBeUndefined();

    await openSettings(a);
    await a.getByLabel('Restore from file').setInputFiles(file);
    await a.getByRole('region', { name: 'Restore preview' }).getByRole('button', { name: 'Merge into my notes' }).click();
    await a.getByText(/^Restored \(merge\)/).waitFor();
    await expect.poll(async () => (await rowOn(b, gone))?.note, { timeout: 20_000 }).toBe('Deleted after the backup.');
    expect((await rowOn(b, edited))?.note).toBe('Newer text from B.');
    expect((await rowOn(a, edited))?.note).toBe('Newer text from B.');
  }, 90_000);

  test('a field typed while the saved settings are on their way is kept, not overwritten by their late answer', async () => {
    const page = await profile();
    await libraryRows(page).first().waitFor();
    // The host answers the saved settings late (a busy start).
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    await page.route('**/api/syncSettingsGet', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(host.url + '#/settings');
    const field = page.getByLabel('Server database URL');
    await field.waitFor();
    const typed = 'http://127.0.0.1:9/typed-while-loading';
    const filling = field.fill(typed);
    await page.waitForTimeout(300);
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/syncSettingsGet');
    release();
    await answered;
    await filling;
    // A frame for the answer to be applied.
    await page.evaluate(() => new Promise((r) => (globalThis as unknown as { requestAnimationFrame(f: (t: number) => void): void }).requestAnimationFrame(r)));
    expect(await field.inputValue()).toBe(typed);
    await page.context().close();
  });
  test('7: a wrong password says "authentication failed", keeps the notes and does not hammer the server', async () => {
    await syncOn();
    const a = await profile('#/settings');
    await expect.poll(() => statusLine(a).textContent(), { timeout: 20_000 }).toMatch(/^Synced\./);
    const notes = await notesOf(a);
    await a.getByLabel('Password').fill('wrong password');
    await a.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => statusLine(a).textContent(), { timeout: 20_000 }).toContain('authentication failed');
    const seen = couch.requests.length;
    await a.waitForTimeout(8_000);
    // The failed attempt's requests may still finish; no new round of retries within 30 s.
    expect(couch.requests.length - seen).toBeLessThanOrEqual(2);
    expect(await notesOf(a)).toEqual(notes);
    // The password stays in the host's file, readable by this user only.
    const file = join(world.hostDir, 'sync.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(await a.evaluate(() => JSON.stringify((globalThis as unknown as { localStorage: object }).localStorage)))).not.toContain('wrong password');
  }, 60_000);
});
