/**
 * Issue 5 end to end, in Chromium against the real host with real IndexedDB:
 * highlight, export Markdown of a tagged selection from the Notebook and read
 * the downloaded file; back up, delete everything, restore, see the notes
 * again; follow a passage link from an exported file to its highlight;
 * import W3C annotation JSON (unknown articles listed, not added); PDF in a
 * browser opens the printable HTML in a new window.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Doc } from '../../src-main/shared/model';
import { hostApi, must } from './api';
import { baseUrl, launch, openPage } from './browser';
import { articleHash, articles, closeCard, highlight, paintedSlices, paintedText, passage, storedReadingPosition, waitForPainted } from './notes-support';
import { tempDirsForFile } from '../support/temp-dirs';

const tempDir = tempDirsForFile();

let browser: Browser;
let long: Doc;
beforeAll(async () => {
  browser = await launch();
  [long] = await articles();
});
afterAll(async () => {
  await browser?.close();
});

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export excerpts' });
/** Markdown escapes punctuation in quotes (\- \. …): compare without the escapes. */
const unescapeMd = (s: string) => s.replace(/\\(.)/g, '$1');

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; path: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

/** "Delete everything": every IndexedDB database of the app's origin, deleted from a page of that origin with no app running. */
async function deleteEverything(page: Page): Promise<void> {
  await page.goto(baseUrl() + 'no-app-here');
  await page.evaluate(async () => {
    const idb = (globalThis as unknown as {
      indexedDB: { databases(): Promise<{ name?: string }[]>; deleteDatabase(n: string): { onsuccess: unknown; onerror: unknown; onblocked: unknown } };
    }).indexedDB;
    for (const { name } of await idb.databases()) {
      if (!name) continue;
      await new Promise<void>((resolve, reject) => {
        const req = idb.deleteDatabase(name);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(new Error(`could not delete ${name}`));
        req.onblocked = () => reject(new Error(`${name} is still open`));
      });
    }
  });
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Backup and restore' }).waitFor();
}

describe('export', () => {
  test('Markdown of a tagged selection in the Notebook: the downloaded file holds those excerpts, cited and linked', async () => {
    const { page, context, errors } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const tagged = passage(long, 2);
    const untagged = passage(long, 6);
    const id = await highlight(page, tagged, { color: 'Key fact', note: 'Cite this in *the report*', tags: ['export-e2e'] });
    await closeCard(page);
    await highlight(page, untagged, { color: 'Question' });

    await page.getByRole('link', { name: 'Notebook' }).click();
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('export-e2e');
    await page.getByRole('checkbox', { name: 'Select all shown' }).check();
    await page.getByRole('button', { name: 'Export 1 selected…' }).click();
    const dialog = exportDialog(page);
    expect(await dialog.getByRole('radio', { name: 'Selected in the Notebook (1)' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'Markdown (Obsidian)' }).check();
    const file = await downloaded(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());

    expect(file.name).toMatch(/\.md$/);
    const md = unescapeMd(file.text);
    expect(file.text.startsWith('---\n')).toBe(true);
    expect(md).toContain('export-e2e');
    expect(md).toContain(`> ${tagged.phrase}`);
    expect(md).toContain('Cite this in *the report*');
    expect(md).toContain('Colour: Key fact');
    expect(md).toContain(`“${long.title}”, Collective Security Treaty Organization`);
    expect(file.text).toContain(`${baseUrl()}#article/${encodeURIComponent(long.id)}?annotation=${id}`);
    // Only the selection: the untagged highlight stays out.
    expect(md).not.toContain(untagged.phrase);
    await dialog.getByText(/^Exported 1 excerpt to .*\.md\. It is in your browser’s downloads/).waitFor();
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a passage link from an exported file opens the article scrolled to the highlight, which flashes', async () => {
    const { page, context } = await openPage(browser, articleHash(long.id), { height: 700 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Far down the article, so opening the link has to scroll.
    const far = passage(long, long.paragraphs.length - 3);
    const id = await highlight(page, far, { note: 'far down' });
    await page.getByRole('toolbar', { name: 'Reader' }).getByRole('button', { name: 'Export…' }).click();
    const dialog = exportDialog(page);
    expect(await dialog.getByRole('radio', { name: /^This article:/ }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'CSV (spreadsheet)' }).check();
    const csv = await downloaded(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    const link = /https?:\/\/[^\s",]+annotation=[^\s",]+/.exec(csv.text)?.[0];
    expect(link).toBe(`${baseUrl()}#article/${encodeURIComponent(long.id)}?annotation=${id}`);

    const next = await context.newPage();
    // The flash is brief: record every highlight that gets it, rather than sampling (a loaded machine samples past it).
    await next.addInitScript({
      content: `window.__flashed = [];
        new MutationObserver((changes) => {
          for (const c of changes) if (c.target.getAttribute?.('data-flash-highlight')) window.__flashed.push(c.target.getAttribute('data-flash-highlight'));
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-flash-highlight'] });`,
    });
    await next.goto(link!);
    await waitForPainted(next, id);
    await expect.poll(() => next.evaluate<string[]>('window.__flashed')).toContain(id);
    await expect
      .poll(async () => {
        const box = (await paintedSlices(next)).find((s) => s.id === id)?.box;
        return box !== undefined && box.y > 0 && box.y + box.height < 700;
      })
      .toBe(true);
    expect(await sidebar(next).locator(`[data-annotation-card="${id}"]`).getAttribute('aria-current')).toBe('true');
    // The link says where to look: no "resumed" position overrides it.
    expect(await next.getByText('Resumed where you left off.').count()).toBe(0);
    await context.close();
  });

  test('a passage link clicked inside an exported HTML file opened from disk opens the passage (not refused as cross-site)', async () => {
    const { page, context } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const p = passage(long, 2);
    const id = await highlight(page, p, { note: 'from the exported file' });
    await page.keyboard.press('Control+e');
    const dialog = exportDialog(page);
    await dialog.getByRole('radio', { name: /^HTML/ }).check();
    const html = await downloaded(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    const file = join(tempDir('exported-'), 'excerpts.html');
    writeFileSync(file, html.text);

    // The file is opened from disk, as a person double-clicking it would: a click on its link is a cross-site navigation.
    const reader = await context.newPage();
    await reader.goto(pathToFileURL(file).href);
    const link = reader.locator(`a[href*="annotation=${id}"]`).first();
    await link.waitFor();
    await link.click();
    await reader.waitForURL((u) => u.protocol === 'http:');
    await waitForPainted(reader, id);
    await context.close();
  });

  test('"Everything" carries article notes, not only highlights', async () => {
    const { page, context } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Article note', exact: true }).fill('The whole speech matters, not one passage.');
    await page.getByRole('region', { name: 'Article notes' }).getByText('Saved', { exact: true }).waitFor();
    await page.keyboard.press('Control+e');
    const dialog = exportDialog(page);
    await dialog.getByRole('radio', { name: 'Everything' }).check();
    await dialog.getByRole('radio', { name: 'Markdown (Obsidian)' }).check();
    const md = await downloaded(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(md.text).toContain('## Article notes');
    expect(md.text).toContain('The whole speech matters, not one passage.');
    await context.close();
  });

  test('an article dated only by its event is cited with that date, said as such, not "n.d."', async () => {
    const list = await must(hostApi().list({ kind: 'article' }));
    const eventOnly = list.items.find((d) => !d.published && d.eventDate);
    expect(eventOnly, 'the bundled corpus has articles dated only by their event (2013, 2017)').toBeDefined();
    const doc = await must(hostApi().getDoc({ id: eventOnly!.id }));
    const { page, context } = await openPage(browser, articleHash(doc.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await highlight(page, passage(doc, 1));
    await page.keyboard.press('Control+e');
    const dialog = exportDialog(page);
    await dialog.getByRole('radio', { name: 'Markdown (Obsidian)' }).check();
    const md = await downloaded(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    const [y, m, d] = eventOnly!.eventDate!.split('-').map(Number);
    const shown = `${d} ${new Date(Date.UTC(y!, m! - 1, d)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y} (event date)`;
    expect(md.text).toContain(shown);
    expect(md.text).not.toContain('n.d.');
    await context.close();
  });

  test('PDF in a browser opens the printable HTML in a new window and says to use Save as PDF', async () => {
    const { page, context } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const p = passage(long, 3);
    await highlight(page, p);
    await page.keyboard.press('Control+e');
    const dialog = exportDialog(page);
    await dialog.getByRole('radio', { name: 'PDF (printed from the HTML)' }).check();
    const [popup] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toMatch(/^blob:/);
    expect(await popup.locator('body').textContent()).toContain(p.phrase);
    // Nothing in the exported page runs.
    expect(await popup.locator('script').count()).toBe(0);
    await dialog.getByText('Save as PDF').waitFor();
    await context.close();
  });
});

describe('dossier', () => {
  test('excerpts added from the Notebook, a heading moved before them, exported as one Markdown file with footnotes', async () => {
    const { page, context, errors } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const first = passage(long, 2);
    const second = passage(long, 7);
    await highlight(page, first);
    await closeCard(page);
    await highlight(page, second);
    await page.getByRole('link', { name: 'Notebook' }).click();
    await page.getByRole('checkbox', { name: 'Select all shown' }).check();
    await page.getByRole('button', { name: 'Add 2 selected to the dossier' }).click();
    const items = page.getByRole('list', { name: 'Dossier items' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    await page.getByRole('textbox', { name: 'Dossier title' }).fill('Dossier e2e');
    await page.getByRole('textbox', { name: 'New heading' }).fill('Part one');
    await page.getByRole('button', { name: 'Add heading' }).click();
    await page.getByRole('button', { name: 'Move up: Heading: Part one' }).click();
    await page.getByRole('button', { name: 'Move up: Heading: Part one' }).click();
    expect(await items.first().textContent()).toContain('Part one');

    // Kept with the notes: a reload shows the same dossier.
    await page.reload();
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.first().textContent()).toContain('Part one');
    const file = await downloaded(page, () => page.getByRole('button', { name: 'Export dossier as Markdown' }).click());
    const md = unescapeMd(file.text);
    expect(md).toContain('# Dossier e2e');
    const at = (s: string) => md.indexOf(s);
    expect(at('## Part one')).toBeGreaterThan(0);
    expect(at('## Part one')).toBeLessThan(Math.min(at(first.phrase), at(second.phrase)));
    expect(md).toContain('[^1]');
    expect(md).toContain('[^2]:');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('backup and restore', () => {
  test('"Backup now" counts what a person wrote: one article note is "1 article note", whatever else was read; a download says where it went', async () => {
    const docs = await articles();
    const { page, context } = await openPage(browser, articleHash(docs[1]!.id), { height: 600 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Reading leaves a reading position behind: no note.
    await page.locator('[data-paragraph="4"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(() => storedReadingPosition(page, docs[1]!.id), { timeout: 10_000 }).not.toBeNull();
    await page.goto(baseUrl() + articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Article note', exact: true }).fill('Read again before the meeting.');
    await page.getByRole('region', { name: 'Article notes' }).getByText('Saved', { exact: true }).waitFor();

    await openSettings(page);
    await downloaded(page, () => page.getByRole('button', { name: 'Backup now' }).click());
    const message = await page.getByText(/^Backup saved as/).textContent();
    // In a browser the backup is a download: the message says where to find it.
    expect(message).toMatch(/: 1 article note\. It is in your browser’s downloads \(Ctrl\+J shows them\)\.$/);
    await context.close();
  });

  test('back up, delete everything, restore: the notes and highlights are back, after a safety backup', async () => {
    const { page, context, errors } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const p = passage(long, 1);
    const id = await highlight(page, p, { color: 'Context', note: 'Survives a new laptop', tags: ['backup-e2e'] });

    await openSettings(page);
    const backup = await downloaded(page, () => page.getByRole('button', { name: 'Backup now' }).click());
    expect(backup.name).toMatch(/^archive-reader-backup-.*\.json$/);
    expect(JSON.parse(backup.text)).toMatchObject({ formatName: 'archive-reader-backup', counts: { annotations: 1 } });
    await page.getByText(/^Backup saved as/).waitFor();

    await deleteEverything(page);
    await page.goto(baseUrl() + '#/notebook');
    await page.getByText('No highlights yet.').waitFor();

    await openSettings(page);
    await page.getByLabel('Restore from file').setInputFiles(backup.path);
    const preview = page.getByRole('region', { name: 'Restore preview' });
    expect(await preview.getByTestId('backup-count-annotations').textContent()).toBe('1');
    await preview.getByRole('button', { name: 'Merge into my notes' }).click();
    await page.getByText(/^Restored \(merge\): 1 highlights added/).waitFor();
    // The safety backup went to the host's backups folder and is listed.
    await page.getByRole('cell', { name: /before a restore/ }).first().waitFor();

    await page.getByRole('link', { name: 'Notebook' }).click();
    const card = page.getByRole('list', { name: 'Annotations' }).locator(`[data-annotation-card="${id}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('Survives a new laptop');
    await card.getByRole('button', { name: 'Open in article' }).click();
    await waitForPainted(page, id);
    expect(await paintedText(page, id)).toBe(p.phrase);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a file that is not a backup is refused with a message and changes nothing', async () => {
    const { page, context } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const id = await highlight(page, passage(long, 2));
    await openSettings(page);
    const bad = join(tempDir('not-a-backup-'), 'not-a-backup.json');
    writeFileSync(bad, '{"formatName": "something-else", "tables": ');
    await page.getByLabel('Restore from file').setInputFiles(bad);
    await page.getByRole('alert').filter({ hasText: 'not-a-backup' }).waitFor();
    expect(await page.getByRole('region', { name: 'Restore preview' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Notebook' }).click();
    await page.getByRole('list', { name: 'Annotations' }).locator(`[data-annotation-card="${id}"]`).waitFor();
    await context.close();
  });

  test('importing W3C annotation JSON adds the annotations whose articles exist and lists the rest', async () => {
    const { page, context } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const p = passage(long, 4);
    const id = await highlight(page, p, { note: 'from another app' });
    await page.keyboard.press('Control+e');
    const dialog = exportDialog(page);
    await dialog.getByRole('radio', { name: 'W3C Web Annotation (JSON-LD)' }).check();
    const json = await downloaded(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());

    // Another app's file: the same annotation, plus one on an article this archive does not have.
    const collection = JSON.parse(json.text) as { first: { items: Record<string, unknown>[] } };
    const foreign = JSON.parse(JSON.stringify(collection.first.items[0]).replaceAll(encodeURIComponent(long.id), 'no-such-article-e2e').replaceAll(long.id, 'no-such-article-e2e'));
    foreign.id = 'urn:archive-reader:annotation:foreign-e2e';
    collection.first.items.push(foreign);
    const file = join(tempDir('w3c-import-'), 'w3c-import.jsonld');
    writeFileSync(file, JSON.stringify(collection));

    await deleteEverything(page);
    await page.goto(baseUrl() + '#/settings');
    await page.getByRole('heading', { name: 'Backup and restore' }).waitFor();
    await page.getByLabel('Import annotations').setInputFiles(file);
    const preview = page.getByRole('region', { name: 'Import preview' });
    await preview.getByRole('list', { name: 'Annotations on unknown articles' }).waitFor();
    expect(await preview.getByRole('list', { name: 'Annotations on unknown articles' }).getByRole('listitem').count()).toBe(1);
    await preview.getByRole('button', { name: 'Add 1 annotation(s)' }).click();
    await page.getByText(/^Imported: 1 added/).waitFor();

    await page.goto(baseUrl() + articleHash(long.id));
    await waitForPainted(page, id);
    expect(await paintedText(page, id)).toBe(p.phrase);
    await context.close();
  });

  test('an automatic backup goes to the host at most once a day and is listed in Settings', async () => {
    // The host is shared by this file's tests, each a fresh browser profile: count only this profile's backups.
    const earlier = new Set((await must(hostApi().backupList())).map((e) => e.name));
    const { page, context } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await highlight(page, passage(long, 5), { note: 'kept automatically' });
    const automatic = async () => (await must(hostApi().backupList())).filter((e) => e.reason === 'auto' && !earlier.has(e.name));
    // The app checks shortly after it starts; with notes to keep and none taken since the first of them, it writes one.
    await expect.poll(async () => (await automatic()).length, { timeout: 20_000, interval: 500 }).toBe(1);
    expect((await automatic())[0]!.counts.annotations).toBeGreaterThanOrEqual(1);
    // Opened again the same day: still one.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(6_000);
    expect((await automatic()).length).toBe(1);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('cell', { name: /daily/ }).first().waitFor();
    await context.close();
  });
});
