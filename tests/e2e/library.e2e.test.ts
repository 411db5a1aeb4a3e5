/**
 * The library in a real Chromium against the real host and bundled archive:
 * browse, counts, the timeline filter, kind, sort, empty and error states.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWebHost } from '../../src-main/web/server';
import { hostApi, must } from './api';
import { launch, openPage } from './browser';
import { articleHash, articles, closeCard, highlight, passage, storedDocState, storedReadingPosition } from './notes-support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('library', () => {
  test('lists every article and brief with title, date and kind, and says how many', async () => {
    const all = await must(hostApi().list({}));
    const articles = all.items.filter((d) => d.kind === 'article').length;
    const { page, context, errors } = await openPage(browser);
    const list = page.getByRole('list', { name: 'Library items' });
    await list.getByRole('listitem').first().waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Library' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('status').filter({ hasText: new RegExp(`^${all.total} items`) }).count()).toBe(1);
    // Every row is a link named by its title, with its kind and date.
    const rows = list.getByRole('listitem');
    expect(await rows.count()).toBe(all.total);
    const newest = all.items[0]!;
    const first = rows.first();
    expect(await first.getByRole('link').textContent()).toContain(newest.title);
    expect(await first.textContent()).toMatch(newest.kind === 'article' ? /Article/ : /Brief/);
    expect(await page.getByRole('radio', { name: new RegExp(`^Articles\\s*${articles}$`) }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('clicking a year in the timeline filters to that year; clicking it again clears the filter', async () => {
    const facets = await must(hostApi().facets({}));
    const busiest = [...facets.years].sort((a, b) => b.count - a.count)[0]!;
    const all = await must(hostApi().list({}));
    const { page, context } = await openPage(browser);
    const timeline = page.getByRole('group', { name: 'Filter by year' });
    const bar = timeline.getByRole('button', { name: new RegExp(`^${busiest.year},`) });
    await bar.click();
    await expect.poll(() => bar.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByRole('list', { name: 'Library items' }).getByRole('listitem').count()).toBe(busiest.count);
    expect(await page.getByText(`${busiest.count} item${busiest.count === 1 ? '' : 's'} of ${all.total}`).count()).toBe(1);
    for (const text of await page.getByRole('list', { name: 'Library items' }).getByRole('listitem').allTextContents()) {
      expect(text).toContain(String(busiest.year));
    }
    expect(page.url()).toContain(`year=${busiest.year}`);

    // The filter survives a reload (it lives in the URL).
    await page.reload();
    await expect.poll(() => page.getByRole('list', { name: 'Library items' }).getByRole('listitem').count()).toBe(busiest.count);

    await timeline.getByRole('button', { name: new RegExp(`^${busiest.year},`) }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Library items' }).getByRole('listitem').count()).toBe(all.total);
    await context.close();
  });

  test('years with nothing in them cannot be picked', async () => {
    const facets = await must(hostApi().facets({}));
    const years = new Set(facets.years.map((y) => y.year));
    const min = Math.min(...years);
    const max = Math.max(...years);
    const gap = Array.from({ length: max - min + 1 }, (_, i) => min + i).find((y) => !years.has(y));
    const { page, context } = await openPage(browser);
    await page.getByRole('group', { name: 'Filter by year' }).waitFor();
    if (gap !== undefined) {
      expect(await page.getByRole('button', { name: `${gap}, 0 items` }).isDisabled()).toBe(true);
    }
    await context.close();
  });

  test('filters by kind and sorts by title', async () => {
    const briefs = await must(hostApi().list({ kind: 'brief', sort: 'title', order: 'asc' }));
    const { page, context } = await openPage(browser);
    await page.getByRole('radiogroup', { name: 'Kind' }).getByRole('radio', { name: /^Briefs/ }).check();
    await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Title A–Z' });
    const rows = page.getByRole('list', { name: 'Library items' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(briefs.total);
    await expect.poll(async () => (await rows.first().getByRole('link').textContent()) ?? '').toContain(briefs.items[0]!.title);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/Brief/);
    await context.close();
  });

  test('filters by a person, place or organization mentioned, found by typing; Back undoes it', async () => {
    const facets = await must(hostApi().facets({}));
    const type = (['places', 'people', 'organizations'] as const).find((t) => facets[t].length > 0);
    expect(type, 'the archive offers facets to browse by').toBeDefined();
    const facet = facets[type!][0]!;
    const expected = await must(hostApi().list({ facet: { type: type!, value: facet.value } }));
    const all = await must(hostApi().list({}));
    const { page, context, errors } = await openPage(browser);
    const rows = page.getByRole('list', { name: 'Library items' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(all.total);
    const box = page.getByRole('combobox', { name: 'Mentions' });
    await box.click();
    // Typed in lower case and without its accents, the value is still found.
    await box.pressSequentially(facet.value.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase().slice(0, 4));
    await page.getByRole('listbox', { name: 'Mentions' }).getByRole('option', { name: `${facet.value} ${facet.count.toLocaleString('en-GB')}`, exact: true }).click();
    await expect.poll(() => rows.count()).toBe(expected.total);
    expect(await page.getByRole('button', { name: `Remove filter: ${facet.value}` }).count()).toBe(1);
    expect(await box.inputValue()).toBe(facet.value);
    expect(await box.getAttribute('aria-expanded')).toBe('false');

    await page.goBack();
    await expect.poll(() => rows.count()).toBe(all.total);
    expect(await page.getByRole('button', { name: `Remove filter: ${facet.value}` }).count()).toBe(0);
    expect(await box.inputValue()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('filters that match nothing show an empty state with a way out', async () => {
    const facets = await must(hostApi().facets({}));
    const all = await must(hostApi().list({}));
    // A year whose items are all of one kind, filtered to the other kind.
    let hash = '';
    for (const { year } of facets.years) {
      for (const kind of ['article', 'brief'] as const) {
        const r = await must(hostApi().list({ from: year, to: year, kind }));
        if (r.total === 0 && !hash) hash = `#/library?kind=${kind}&year=${year}`;
      }
    }
    expect(hash, 'some year lacks one kind').not.toBe('');
    const { page, context } = await openPage(browser, hash);
    await page.getByText('Nothing matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => page.getByRole('list', { name: 'Library items' }).getByRole('listitem').count()).toBe(all.total);
    await context.close();
  });
});

describe('while the archive is still opening', () => {
  test('the library and search show a loading state, then the content, without a reload', async () => {
    const { openArchiveAt } = await import('../../src-main/web/open-archive');
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    const host = await startWebHost({ port: 0, archive: gate.then(() => openArchiveAt()), log: () => undefined });
    try {
      const page = await browser.newPage();
      await page.goto(host.url);
      await page.getByRole('status').getByText('Opening the archive…').waitFor();
      const search = await browser.newPage();
      await search.goto(host.url + '#/search?q=border');
      await search.getByText('Loading the search index…').waitFor();
      release();
      await page.getByRole('list', { name: 'Library items' }).getByRole('listitem').first().waitFor();
      await search.getByRole('list', { name: 'Search results' }).getByRole('listitem').first().waitFor();
      await page.close();
      await search.close();
    } finally {
      release();
      await host.close();
    }
  });
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
      await page.getByRole('list', { name: 'Library items' }).getByRole('listitem').first().waitFor();
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
});

describe('when the archive cannot be opened', () => {
  test('the library says so in words instead of showing an empty list', async () => {
    const host = await startWebHost({ port: 0, archiveDir: '/nonexistent/archive-reader-e2e', log: () => undefined });
    try {
      await host.ready;
      const page = await browser.newPage();
      await page.goto(host.url);
      await page.getByRole('alert').getByText('The archive could not be opened', { exact: true }).waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('No archive in /nonexistent/archive-reader-e2e');
      expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
      expect(await page.getByRole('list', { name: 'Library items' }).count()).toBe(0);
      await page.close();
    } finally {
      await host.close();
    }
  });
});

describe('timeline follows the filters', () => {
  test('choosing Briefs shows the briefs per year on the timeline', async () => {
    const briefs = await must(hostApi().facets({ kind: 'brief' }));
    const all = await must(hostApi().facets({}));
    const year = briefs.years.find((y) => y.count !== all.years.find((a) => a.year === y.year)?.count) ?? briefs.years[0]!;
    const { page, context } = await openPage(browser);
    const timeline = page.getByRole('group', { name: 'Filter by year' });
    await timeline.waitFor();
    await page.getByRole('radio', { name: /^Briefs/ }).click();
    const items = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;
    await timeline.getByRole('button', { name: `${year.year}, ${items(year.count)}` }).waitFor();
    await context.close();
  });
});

describe('reading progress', () => {
  test('the library shows how far each article is read, lists the ones begun under Continue reading, and marks one read at its end', async () => {
    const docs = await articles();
    const doc = docs[0]!;
    const { page, context } = await openPage(browser, articleHash(doc.id), { height: 600 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    const middle = Math.floor(doc.paragraphs.length / 2);
    await page.locator(`[data-paragraph="${middle}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(() => storedReadingPosition(page, doc.id), { timeout: 10_000 }).toBeGreaterThan(0.2);

    await page.getByRole('link', { name: 'Library', exact: true }).click();
    const continuing = page.getByRole('region', { name: 'Continue reading' });
    await continuing.getByRole('link', { name: new RegExp(escapeRegExp(doc.title.slice(0, 40))) }).waitFor();
    const row = page.locator('.row-link').filter({ has: page.locator('.row-title').getByText(doc.title, { exact: true }) });
    await expect.poll(() => row.innerText()).toMatch(/\d+% read/);

    // Back in, to the end: read.
    await continuing.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.doc-text-end').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await expect.poll(async () => (await storedDocState(page, doc.id))?.readAt, { timeout: 10_000 }).toBeTruthy();
    await page.getByRole('link', { name: 'Library', exact: true }).click();
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/\bRead\b/);
    expect(await page.getByRole('region', { name: 'Continue reading' }).count()).toBe(0);
    await context.close();
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
  test('an article a person points at is asked for once: the reader opens with the answer already on its way', async () => {
    const { page, context } = await openPage(browser);
    const rows = page.getByRole('list', { name: 'Library items' }).getByRole('link');
    await rows.first().waitFor();
    const row = rows.nth(1);
    const id = decodeURIComponent((await row.getAttribute('href'))!.replace(/^#\/article\//, ''));
    // Requests for this article's text (the reader's neighbours and related briefs ask for others).
    const asked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname !== '/api/getDoc') return;
      const arg = JSON.parse(r.postData() ?? '{}') as { id?: string };
      if (arg.id === id) asked.push(r.postData()!);
    });
    await row.hover();
    // Resting on the row asks ahead, before any click.
    await expect.poll(() => asked.length).toBe(1);
    await row.click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('[data-paragraph]').first().waitFor();
    // The reader took that answer rather than asking again.
    expect(asked).toHaveLength(1);
    await context.close();
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * From the page's next start, every frame: where the library list's box starts, whether the timeline and
 * Continue reading (the sections above it) are there, and where the header's navigation starts.
 */
async function recordListTop(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = globalThis as unknown as {
      __frames: string[];
      requestAnimationFrame(f: () => void): void;
      document: { querySelector(s: string): { getBoundingClientRect(): { top: number; left: number } } | null };
    };
    w.__frames = [];
    const frame = () => {
      const d = w.document;
      const box = d.querySelector('.library-body .list-scroll');
      const nav = d.querySelector('.app-nav');
      if (box) w.__frames.push(`${Math.round(box.getBoundingClientRect().top)}${d.querySelector('.timeline') ? ' with the timeline' : ''}${d.querySelector('.continue-reading') ? ' with Continue reading' : ''}, the navigation at x ${nav ? Math.round(nav.getBoundingClientRect().left) : '-'}`);
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
