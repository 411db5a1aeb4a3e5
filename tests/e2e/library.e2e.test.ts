/**
 * The library in a real Chromium against the real host and bundled archive:
 * browse, counts, the timeline filter, kind, sort, empty and error states.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWebHost } from '../../src-main/web/server';
import { hostApi, must } from './api';
import { launch, libraryRows, openPage } from './browser';
import { articleHash, articles, escapeRegExp, storedDocState, storedReadingPosition } from './notes-support';

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
    await expect.poll(() => libraryRows(page).count()).toBe(busiest.count);
    expect(await page.getByText(`${busiest.count} item${busiest.count === 1 ? '' : 's'} of ${all.total}`).count()).toBe(1);
    for (const text of await libraryRows(page).allTextContents()) {
      expect(text).toContain(String(busiest.year));
    }
    expect(page.url()).toContain(`year=${busiest.year}`);

    // The filter survives a reload (it lives in the URL).
    await page.reload();
    await expect.poll(() => libraryRows(page).count()).toBe(busiest.count);

    await timeline.getByRole('button', { name: new RegExp(`^${busiest.year},`) }).click();
    await expect.poll(() => libraryRows(page).count()).toBe(all.total);
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
    const rows = libraryRows(page);
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
    const rows = libraryRows(page);
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
    await expect.poll(() => libraryRows(page).count()).toBe(all.total);
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
      await libraryRows(page).first().waitFor();
      await search.getByRole('list', { name: 'Search results' }).getByRole('listitem').first().waitFor();
      await page.close();
      await search.close();
    } finally {
      release();
      await host.close();
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
