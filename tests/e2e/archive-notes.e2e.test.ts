/**
 * Notes never mix between archives, in Chromium against real web hosts, one
 * per archive (the in-app archive switcher is built separately): two archives
 * built with ingestFolder in this test share a document id, each gets its own
 * highlight, and a backup of one restored into the other keeps both sets of
 * notes while each archive shows only its own. And importing an archive again
 * (same folder, same host address): an edited passage keeps its highlight,
 * re-anchored; a passage that is gone says it could not be placed; notes on a
 * removed file are listed as orphans in the Notebook.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestFolder } from '../../src-main/archive/index';
import { archiveIdForDir } from '../../src-main/archive/store/archive-id';
import type { ApiClient } from '../../src-main/shared/contract';
import { createHttpClient } from '../../src-main/shared/http-client';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { launch } from './browser';
import { must } from './api';
import { articleHash, closeCard, highlight, paintedIds, paintedText, waitForPainted, type Passage } from './notes-support';

const rendererDir = resolve(import.meta.dirname, '..', '..', 'out', 'renderer');
const TITLE = 'Council of Ministers meets on border security';
let work: string;
let browser: Browser;
const hosts: WebHost[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'archive-notes-e2e-'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  for (const h of hosts.splice(0)) await h.close();
  rmSync(work, { recursive: true, force: true });
});

/** A headline-first Markdown article at `<folder>/news/<name>.md`. */
function writeArticle(folder: string, name: string, title: string, paragraphs: string[]): void {
  mkdirSync(join(folder, 'news'), { recursive: true });
  writeFileSync(join(folder, 'news', `${name}.md`), `---\ntitle: ${title}\ndate: 2021-05-04\n---\n\n${paragraphs.join('\n\n')}\n`);
}

async function serve(archiveDir: string, port = 0): Promise<{ host: WebHost; api: ApiClient }> {
  const host = await startWebHost({ port, rendererDir, archiveDir, dataDir: join(work, `data-${archiveIdForDir(archiveDir)}`), log: () => undefined });
  hosts.push(host);
  const state = await host.ready;
  if (state.status !== 'ready') throw new Error(`host for ${archiveDir}: ${state.message}`);
  return { host, api: createHttpClient(host.url.replace(/\/$/, ''), (url, init) => fetch(url, init)) };
}

/** Where `phrase` is in the document (paragraph index), as the host serves it. */
async function find(api: ApiClient, docId: string, phrase: string): Promise<Passage> {
  const doc = await must(api.getDoc({ id: docId }));
  const paragraph = doc.paragraphs.findIndex((p) => p.text.includes(phrase));
  if (paragraph < 0) throw new Error(`"${phrase}" is not in ${docId}`);
  return { paragraph, phrase };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ text: string; path: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const path = await download.path();
  return { text: readFileSync(path, 'utf8'), path };
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Backup and restore' }).waitFor();
}

/** Every annotation row in the page's notes database, whatever archive it belongs to. */
async function storedAnnotations(page: Page): Promise<{ archiveId: string; note: string }[]> {
  return page.evaluate(async () => {
    const idb = (globalThis as unknown as { indexedDB: { databases(): Promise<{ name?: string }[]>; open(n: string): { onsuccess: (() => void) | null; result: any } } }).indexedDB; // eslint-disable-line @typescript-eslint/no-explicit-any
    const name = (await idb.databases()).map((d) => d.name).find((n) => n?.startsWith('archive-reader-notes'));
    if (!name) return [];
    const req = idb.open(name);
    const db = await new Promise<any>((done) => (req.onsuccess = () => done(req.result))); // eslint-disable-line @typescript-eslint/no-explicit-any
    const all = db.transaction('annotations').objectStore('annotations').getAll();
    const rows = await new Promise<{ archiveId: string; note: string }[]>((done) => (all.onsuccess = () => done(all.result)));
    db.close();
    return rows.map((r) => ({ archiveId: r.archiveId, note: r.note }));
  });
}

const notebookQuotes = (page: Page) => page.getByRole('list', { name: 'Annotations' }).locator('[data-annotation-card]');

describe('two archives sharing a document id', () => {
  test('keep separate notes across a backup and restore; a passage link of the other archive says so', async () => {
    const srcA = join(work, 'folder-a');
    const srcB = join(work, 'folder-b');
    writeArticle(srcA, 'summit', TITLE, ['In archive A the ministers agreed on a joint border patrol across the mountain passes.', 'They met again in June.']);
    writeArticle(srcB, 'summit', TITLE, ['In archive B the delegates discussed the cyber security exercise scheduled for autumn.', 'No date was set.']);
    const outA = join(work, 'archive-a');
    const outB = join(work, 'archive-b');
    await ingestFolder(srcA, outA);
    await ingestFolder(srcB, outB);
    const a = await serve(outA);
    const b = await serve(outB);
    const [docA] = (await must(a.api.list({}))).items;
    const [docB] = (await must(b.api.list({}))).items;
    // The premise: the same path and title give the same document id in both archives.
    expect(docA!.id).toBe(docB!.id);
    const id = docA!.id;
    const archiveA = archiveIdForDir(outA);
    const archiveB = archiveIdForDir(outB);
    expect((await must(a.api.appInfo())).archiveId).toBe(archiveA);
    expect((await must(b.api.appInfo())).archiveId).toBe(archiveB);

    // Archive A: one highlight, backed up to a file.
    const ctxA = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    const pageA = await ctxA.newPage();
    const errors: string[] = [];
    pageA.on('pageerror', (e) => errors.push(e.message));
    await pageA.goto(a.host.url + articleHash(id));
    await pageA.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const noteA = await highlight(pageA, await find(a.api, id, 'joint border patrol across the mountain'), { note: 'Note made in archive A' });
    await closeCard(pageA);
    await openSettings(pageA);
    const backupA = await downloaded(pageA, () => pageA.getByRole('button', { name: 'Backup now' }).click());
    expect(JSON.parse(backupA.text)).toMatchObject({ formatVersion: 2, tables: { annotations: [{ id: noteA, archiveId: archiveA, docId: id }] } });

    // Archive B: its own highlight on the article with the same id; then A's backup restored into it.
    const ctxB = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    const pageB = await ctxB.newPage();
    pageB.on('pageerror', (e) => errors.push(e.message));
    await pageB.goto(b.host.url + articleHash(id));
    await pageB.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const noteB = await highlight(pageB, await find(b.api, id, 'cyber security exercise scheduled for'), { note: 'Note made in archive B' });
    await closeCard(pageB);
    await openSettings(pageB);
    await pageB.getByLabel('Restore from file').setInputFiles(backupA.path);
    const preview = pageB.getByRole('region', { name: 'Restore preview' });
    const listed = preview.getByTestId('backup-archives').locator(`[data-archive-id="${archiveA}"]`);
    expect(await listed.textContent()).toMatch(new RegExp(`${archiveA}: 1 highlight.*Not the open archive.*import it`));
    await preview.getByRole('button', { name: 'Merge into my notes' }).click();
    await pageB.getByText(/^Restored \(merge\): 1 highlights added/).waitFor();
    // Both are kept in B's database, each with its archive; B shows only its own.
    expect((await storedAnnotations(pageB)).sort((x, y) => x.note.localeCompare(y.note))).toEqual([
      { archiveId: archiveA, note: 'Note made in archive A' },
      { archiveId: archiveB, note: 'Note made in archive B' },
    ]);
    await pageB.getByRole('link', { name: 'Notebook' }).click();
    await pageB.getByText('1 of 1 highlights').waitFor();
    expect(await notebookQuotes(pageB).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-annotation-card')))).toEqual([noteB]);
    await pageB.goto(b.host.url + articleHash(id));
    await waitForPainted(pageB, noteB);
    expect(await paintedIds(pageB)).toEqual([noteB]);
    expect(await pageB.getByRole('complementary', { name: 'Annotations' }).textContent()).not.toContain('Note made in archive A');

    // B's backup now holds both archives' notes; restored into A, A still shows only its own.
    await openSettings(pageB);
    const backupB = await downloaded(pageB, () => pageB.getByRole('button', { name: 'Backup now' }).click());
    expect(JSON.parse(backupB.text).tables.annotations.map((r: { archiveId: string }) => r.archiveId).sort()).toEqual([archiveA, archiveB].sort());
    await pageA.getByLabel('Restore from file').setInputFiles(backupB.path);
    await pageA.getByRole('region', { name: 'Restore preview' }).getByRole('button', { name: 'Merge into my notes' }).click();
    await pageA.getByText(/^Restored \(merge\)/).waitFor();
    await pageA.getByRole('link', { name: 'Notebook' }).click();
    await pageA.getByText('1 of 1 highlights').waitFor();
    expect(await notebookQuotes(pageA).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-annotation-card')))).toEqual([noteA]);
    expect(await storedAnnotations(pageA)).toHaveLength(2);

    // B's passage link opened in A's window: never A's article with the same id, but which archive it belongs to.
    await pageA.goto(`${a.host.url}#/article/${encodeURIComponent(id)}?annotation=${noteB}&archive=${archiveB}`);
    await pageA.getByText('This passage is in another archive').waitFor();
    expect(await pageA.getByRole('alert').first().textContent()).toContain(`"${archiveB}"`);
    expect(errors).toEqual([]);
    await ctxA.close();
    await ctxB.close();
  });
});

describe('importing an archive again', () => {
  test('an edited passage keeps its highlight, a vanished one could not be placed, notes on a removed file are orphans', async () => {
    const src = join(work, 'folder-r');
    const out = join(work, 'archive-r');
    const first = 'The treaty members agreed to strengthen the collective rapid reaction forces this year.';
    writeArticle(src, 'summit', TITLE, [first, 'A second paragraph that will be rewritten completely before the next import.']);
    writeArticle(src, 'other', 'Exercises in the mountains', ['Troops from five countries trained together near the border.']);
    await ingestFolder(src, out);
    let r = await serve(out);
    const items = (await must(r.api.list({}))).items;
    const summit = items.find((d) => d.title === TITLE)!.id;
    const other = items.find((d) => d.title !== TITLE)!.id;

    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(r.host.url + articleHash(summit));
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const kept = await highlight(page, await find(r.api, summit, 'strengthen the collective rapid reaction'), { note: 'kept across a re-import' });
    await closeCard(page);
    const gone = await highlight(page, await find(r.api, summit, 'rewritten completely before the next'), { note: 'its text is gone' });
    await closeCard(page);
    await page.goto(r.host.url + articleHash(other));
    await page.getByRole('heading', { level: 1, name: 'Exercises in the mountains' }).waitFor();
    const orphan = await highlight(page, await find(r.api, other, 'five countries trained together'), { note: 'on a file that will be removed' });
    await closeCard(page);

    // The person edits the folder and imports it again; the host comes back at the same address (same notes).
    const port = r.host.port;
    await r.host.close();
    hosts.splice(hosts.indexOf(r.host), 1);
    writeArticle(src, 'summit', TITLE, [first.replace('rapid reaction', 'rapid-reaction'), 'Nothing of the old second paragraph is left here at all.']);
    rmSync(join(src, 'news', 'other.md'));
    await ingestFolder(src, out);
    r = await serve(out, port);
    expect((await must(r.api.list({}))).items.map((d) => d.id)).toEqual([summit]);

    await page.goto(r.host.url + articleHash(summit));
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const sidebar = page.getByRole('complementary', { name: 'Annotations' });
    await waitForPainted(page, kept);
    expect(await paintedText(page, kept)).toContain('rapid-reaction');
    expect(await sidebar.locator(`[data-annotation-card="${kept}"]`).textContent()).toContain('The text changed; this is the closest match.');
    await sidebar.getByText('Could not be placed (1)').waitFor();
    expect(await sidebar.locator(`[data-annotation-card="${gone}"]`).textContent()).toContain('its text is gone');

    await page.getByRole('link', { name: 'Notebook' }).click();
    await page.getByTestId('notebook-orphans').waitFor();
    expect(await page.getByTestId('notebook-orphans').textContent()).toMatch(/^1 highlight is on documents no longer in this archive/);
    const card = page.locator(`[data-annotation-card="${orphan}"]`);
    expect(await card.getAttribute('data-orphan')).toBe('true');
    expect(await card.textContent()).toContain('on a file that will be removed');
    expect(await notebookQuotes(page).count()).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });
});
