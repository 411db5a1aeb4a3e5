/**
 * The library's first frames, in a real Chromium against the real host: nothing above the rows arrives after
 * them (the rows would move under the pointer), on a first visit, after a restart and coming back from an
 * article, and a click on a row is never lost to a scroll. Each test records every frame from the page's start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWebHost } from '../../src-main/web/server';
import { ingestFolder } from '../../src-main/archive/index';
import { storyFiles, writeFolder } from '../../src-main/archives/test-folder';
import { tempDirsForFile } from '../support/temp-dirs';
import { launch, libraryRows, openPage } from './browser';
import { articleHash, articles, closeCard, escapeRegExp, highlight, passage, storedReadingPosition } from './notes-support';

const tempDir = tempDirsForFile();
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the library does not move under the pointer', () => {
  test('on a first visit nothing moves once the rows are shown: the timeline and the header are drawn in the same frame as the first rows', async () => {
    // A host of its own, just started: the counts of the filters (facets) come from the full summaries, read
    // seconds after the list on a large archive, a few hundred milliseconds after it here.
    const dataDir = mkdtempSync(join(tmpdir(), 'archive-e2e-first-visit-'));
    const host = await startWebHost({ port: 0, dataDir, log: () => undefined });
    const context = await browser.newContext({ viewport: { width: 1280, height: 700 }, reducedMotion: 'reduce' });
    try {
      await recordListTop(context);
      const page = await context.newPage();
      await page.goto(host.url);
      await libraryRows(page).first().waitFor();
      // The filtered counts have arrived (a bar's name carries its count), and a little after.
      await page.getByRole('group', { name: 'Filter by year' }).getByRole('button', { name: /, \d+ items?$/ }).first().waitFor();
      await page.waitForTimeout(500);
      const changes = await listTopChanges(page);
      expect(changes, `the list's top, from frame to frame: ${changes.join(' → ')}`).toHaveLength(1);
      expect(changes[0]).toMatch(/with the timeline/);
    } finally {
      await context.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
  test('a start at the library draws its rows in the first frame the app draws: no "Opening the archive…", no library without rows before them', async () => {
    const { page, context } = await openPage(browser, '', { height: 700 });
    await libraryRows(page).first().waitFor();
    // Every frame of a new start, from the page's first: what the app had drawn by then.
    await context.addInitScript(() => {
      const w = globalThis as unknown as { __drawn: string[]; requestAnimationFrame(f: () => void): void; document: { querySelector(s: string): unknown } };
      w.__drawn = [];
      const frame = () => {
        const d = w.document;
        const drawn = [d.querySelector('.state-loading') && 'a loading state', d.querySelector('.app-header') && 'the header', d.querySelector('.list-inner .row-link') && 'rows'].filter(Boolean).join(' + ');
        if (drawn && drawn !== w.__drawn.at(-1)) w.__drawn.push(drawn);
        if (!drawn.includes('rows')) w.requestAnimationFrame(frame);
      };
      w.requestAnimationFrame(frame);
    });
    // The answers the first frame needs arrive after the app's code is ready, as on a slow laptop with a large
    // archive (its main thread busy compiling when they arrive; reading them then waits for it).
    await context.route(/\/api\/(appInfo|list)$/, async (route) => {
      await new Promise((r) => setTimeout(r, 150));
      await route.continue();
    });
    await page.reload();
    await libraryRows(page).first().waitFor();
    const drawn = await page.evaluate(() => (globalThis as unknown as { __drawn: string[] }).__drawn);
    expect(drawn, `what each frame showed: ${drawn.join(' → ')}`).toEqual(['the header + rows']);
    await context.close();
  });
  test('an archive from several folders: the section filter is there from the first frame, so the row of filters keeps its height', async () => {
    const src = writeFolder(tempDir('first-frames-folders-'), storyFiles(6, 'Folder'));
    const archiveDir = join(tempDir('first-frames-archive-'), 'archive');
    await ingestFolder(src, archiveDir);
    const host = await startWebHost({ port: 0, archiveDir, dataDir: tempDir('first-frames-data-'), log: () => undefined });
    const context = await browser.newContext({ viewport: { width: 1280, height: 700 }, reducedMotion: 'reduce' });
    try {
      await recordListTop(context);
      const page = await context.newPage();
      await page.goto(host.url);
      // The folders' names and counts have arrived with facets, and a little after.
      await page.getByLabel('Section').locator('option', { hasText: 'sport (3)' }).waitFor({ state: 'attached' });
      await page.waitForTimeout(500);
      const changes = await listTopChanges(page);
      expect(changes, `the list's top, from frame to frame: ${changes.join(' → ')}`).toHaveLength(1);
    } finally {
      await context.close();
      await host.close();
    }
  });
  test('after a restart, Continue reading and the tag filter are there in the same frame as the first rows, so the rows do not move under the pointer', async () => {
    const doc = (await articles()).reduce((a, b) => (b.paragraphs.length > a.paragraphs.length ? b : a));
    const { page, context } = await openPage(browser, articleHash(doc.id), { height: 700 });
    await page.locator('[data-paragraph]').first().waitFor();
    // A tag in use: the library's tag filter lists it (the notes are read after the rows).
    await highlight(page, passage(doc, 1), { tags: ['first-frame'] });
    await closeCard(page);
    await page.locator('.reader-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 3;
    });
    await expect.poll(() => storedReadingPosition(page, doc.id), { timeout: 10_000 }).toBeGreaterThan(0.1);
    await page.getByRole('link', { name: 'Library', exact: true }).click();
    const continuing = page.getByRole('region', { name: 'Continue reading' });
    await continuing.getByRole('link', { name: new RegExp(escapeRegExp(doc.title.slice(0, 40))) }).waitFor();
    // A new start of the app: the notes are read again, after the rows are ready.
    await recordListTop(context);
    await page.reload();
    await continuing.getByRole('link', { name: new RegExp(escapeRegExp(doc.title.slice(0, 40))) }).waitFor();
    await page.waitForTimeout(500);
    const changes = await listTopChanges(page);
    expect(changes, `the list's top, from frame to frame: ${changes.join(' → ')}`).toHaveLength(1);
    expect(changes[0]).toMatch(/with Continue reading/);
    expect(await page.getByLabel('Tag').locator('option').allTextContents()).toContain('first-frame');
    await context.close();
  });
  test('coming back from an article, the rows do not move once shown: Continue reading and the timeline are there from the first frame', async () => {
    const doc = (await articles()).reduce((a, b) => (b.paragraphs.length > a.paragraphs.length ? b : a));
    const { page, context } = await openPage(browser, '', { height: 700 });
    const openDoc = async () => {
      await page.getByRole('list', { name: 'Library items' }).getByRole('link', { name: doc.title }).click();
      await page.getByRole('heading', { level: 1, name: doc.title }).waitFor();
      await page.locator('[data-paragraph]').first().waitFor();
    };
    await openDoc();
    await page.locator('.reader-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 3;
    });
    await expect.poll(() => storedReadingPosition(page, doc.id), { timeout: 10_000 }).toBeGreaterThan(0.1);
    // The first time back is the one that moved most: the article had just joined Continue reading.
    for (let round = 0; round < 2; round++) {
      // Every frame for 1.5 s after the click: where the list's box starts, once it is there.
      await page.evaluate(() => {
        const w = globalThis as unknown as { __tops: number[]; requestAnimationFrame(f: () => void): void; performance: { now(): number }; document: { querySelector(s: string): { getBoundingClientRect(): { top: number } } | null } };
        w.__tops = [];
        const until = w.performance.now() + 1500;
        const frame = () => {
          const box = w.document.querySelector('.library-body .list-scroll');
          if (box) w.__tops.push(Math.round(box.getBoundingClientRect().top));
          if (w.performance.now() < until) w.requestAnimationFrame(frame);
        };
        w.requestAnimationFrame(frame);
      });
      await page.getByRole('link', { name: 'Library', exact: true }).click();
      await page.getByRole('region', { name: 'Continue reading' }).getByRole('link', { name: new RegExp(escapeRegExp(doc.title.slice(0, 40))) }).waitFor();
      await page.waitForTimeout(1600);
      const tops = await page.evaluate(() => (globalThis as unknown as { __tops: number[] }).__tops);
      expect(tops.length).toBeGreaterThan(0);
      expect(new Set(tops), `the list's top, frame by frame: ${tops.join(' ')}`).toEqual(new Set([tops[0]]));
      await openDoc();
    }
    await context.close();
  });
  test('a click on a row is never lost to a scroll: pressed as a scroll arrives, or right after one, it opens the row under the pointer', async () => {
    const { page, context } = await openPage(browser, '', { height: 700 });
    const list = page.getByRole('list', { name: 'Library items' });
    await list.getByRole('listitem').nth(3).waitFor();
    const box = (await list.getByRole('listitem').nth(1).boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    /** The title of the row under the point (its rows ignore the pointer while the list scrolls: look anyway). */
    const titleAt = () =>
      page.evaluate(
        ([px, py]) => {
          const d = (globalThis as unknown as { document: { querySelector(s: string): { style: { pointerEvents: string } }; elementFromPoint(x: number, y: number): { closest(s: string): { textContent: string } | null } | null } }).document;
          const inner = d.querySelector('.list-inner');
          inner.style.pointerEvents = 'auto';
          const title = d.elementFromPoint(px!, py!)?.closest('.list-row')?.textContent ?? null;
          inner.style.pointerEvents = '';
          return title;
        },
        [x, y],
      );
    /** The list moves a pixel; its scroll event reaches the page a frame later and the rows stop taking the pointer. */
    const nudge = async () => {
      await page.locator('.list-scroll').evaluate((el) => (el.scrollTop += 1));
      await page.locator('.list-inner[data-scrolling]').waitFor({ state: 'attached' });
    };
    const opened = async (row: string | null) => {
      expect(row).toBeTruthy();
      await page.locator('[data-paragraph]').first().waitFor({ timeout: 5_000 });
      const title = (await page.getByRole('heading', { level: 1 }).textContent())!;
      expect(row).toContain(title);
      await page.goBack();
      await list.getByRole('listitem').nth(3).waitFor();
    };
    // Pressed on a row, a scroll arrives, released: the case that opened nothing.
    await page.mouse.move(x, y);
    await page.mouse.down();
    await nudge();
    const first = await titleAt();
    await page.mouse.up();
    await opened(first);
    // Pressed and released while the list still counts as scrolling.
    await page.mouse.move(x, y);
    await nudge();
    const second = await titleAt();
    await page.mouse.click(x, y);
    await opened(second);
    await context.close();
  });
});

/**
 * From the page's next start, every frame: where the library list's box starts, whether the timeline and
 * Continue reading (the sections above it) are there, where the header's navigation starts and where the search
 * box spans (the archive's loading status comes and goes inside it).
 */
async function recordListTop(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = globalThis as unknown as {
      __frames: string[];
      requestAnimationFrame(f: () => void): void;
      document: { querySelector(s: string): { getBoundingClientRect(): { top: number; left: number; right: number } } | null };
    };
    w.__frames = [];
    const frame = () => {
      const d = w.document;
      const box = d.querySelector('.library-body .list-scroll');
      const nav = d.querySelector('.app-nav');
      const search = d.querySelector('.search-form');
      const across = search ? search.getBoundingClientRect() : null;
      if (box) w.__frames.push(`${Math.round(box.getBoundingClientRect().top)}${d.querySelector('.timeline') ? ' with the timeline' : ''}${d.querySelector('.continue-reading') ? ' with Continue reading' : ''}, the navigation at x ${nav ? Math.round(nav.getBoundingClientRect().left) : '-'}, the search box at x ${across ? `${Math.round(across.left)}-${Math.round(across.right)}` : '-'}`);
      w.requestAnimationFrame(frame);
    };
    w.requestAnimationFrame(frame);
  });
}

/** The frames recordListTop saw, each change once. */
async function listTopChanges(page: Page): Promise<string[]> {
  const frames = await page.evaluate(() => (globalThis as unknown as { __frames: string[] }).__frames);
  expect(frames.length).toBeGreaterThan(0);
  return frames.filter((f, i) => f !== frames[i - 1]);
}
