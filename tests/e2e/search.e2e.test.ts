/**
 * Search as a person uses it: typing in the box labelled "Search", results
 * with highlighted snippets, Russian, broken syntax read literally, typos
 * read fuzzily, filters, and opening a result at its first match.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { hostApi, must } from './api';
import { currentMatchText, fileBrowser, openPage, paintedMatchCount, searchBox, searchResults as results } from './browser';

/** The first 10 results come with each key; the page fills to 30 once typing pauses (use-search.ts): wait for it. */
const FILLED = { timeout: 10_000 };

const chromium = fileBrowser();

async function typeQuery(page: Page, query: string): Promise<void> {
  const box = searchBox(page);
  await box.click();
  await box.pressSequentially(query, { delay: 15 });
}

describe('search', () => {
  test('searches as you type and highlights the matches in snippets', async () => {
    const expected = await must(hostApi().search({ query: 'border', limit: 200 }));
    expect(expected.total).toBeGreaterThan(0);
    const { page, context, errors } = await openPage(chromium.browser);
    await typeQuery(page, 'border');
    // No Enter pressed: results come from typing alone.
    await expect.poll(() => results(page).count(), FILLED).toBe(Math.min(expected.total, 30));
    // The address follows once the typing pauses (router.ts ADDRESS_PAUSE_MS).
    await expect.poll(() => page.url()).toContain('#/search?q=border');
    const marks = await page.getByRole('list', { name: 'Search results' }).locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase()).toMatch(/^border/);
    expect(await results(page).first().getByRole('link').textContent()).toBe(expected.hits[0]!.title);
    expect(await page.getByText(`${expected.total} result`, { exact: false }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a word not finished yet shows the words it begins, not "Nothing found"', async () => {
    const { page, context, errors } = await openPage(chromium.browser);
    // Typed as a person types, paused before the name is finished.
    await typeQuery(page, 'Tasmag');
    await expect.poll(() => results(page).count(), FILLED).toBe((await must(hostApi().search({ query: 'tasmag*', limit: 30 }))).hits.length);
    const marks = await page.getByRole('list', { name: 'Search results' }).locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toMatch(/^Tasmagambetov$/i);
    expect(await page.getByText(/Nothing found|No results for/).count()).toBe(0);
    expect(await page.getByRole('note', { name: 'Close matches' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a Russian query finds inflected forms (граница -> границы)', async () => {
    const { page, context } = await openPage(chromium.browser);
    await typeQuery(page, 'граница');
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    const marks = await page.getByRole('list', { name: 'Search results' }).locator('mark').allTextContents();
    expect(marks.some((m) => /^границ/i.test(m))).toBe(true);
    // The snippet is marked as Russian for hyphenation and screen readers.
    expect(await page.locator('.snippet[lang="ru"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  test('broken syntax is read literally and the notice says so', async () => {
    const { page, context, errors } = await openPage(chromium.browser);
    await typeQuery(page, 'title:');
    const notice = page.getByRole('note', { name: 'Read literally' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/literally/i);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a typo is retried fuzzily and the notice says what was searched instead', async () => {
    const { page, context } = await openPage(chromium.browser);
    await typeQuery(page, 'Bordyusha');
    const notice = page.getByRole('note', { name: 'Close matches' });
    // While typing, the notice may still answer an earlier prefix ("Bordy"); what counts is the answer to the whole word.
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain('Bordyuzha');
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    await context.close();
  });

  test('filters by kind and by years', async () => {
    const all = await must(hostApi().search({ query: 'CSTO', limit: 200 }));
    const briefs = await must(hostApi().search({ query: 'CSTO', kind: 'brief', limit: 200 }));
    const year = all.hits.find((h) => h.published)?.published?.slice(0, 4);
    expect(briefs.total).toBeLessThan(all.total);
    const { page, context } = await openPage(chromium.browser, '#/search?q=CSTO');
    await expect.poll(() => results(page).count(), FILLED).toBe(Math.min(all.total, 30));
    await page.getByRole('radiogroup', { name: 'Kind' }).getByRole('radio', { name: 'Briefs' }).check();
    await expect.poll(() => results(page).count(), FILLED).toBe(Math.min(briefs.total, 30));
    for (const t of await results(page).allTextContents()) expect(t).toMatch(/Brief/);

    await page.getByRole('radiogroup', { name: 'Kind' }).getByRole('radio', { name: 'All' }).check();
    const inYear = await must(hostApi().search({ query: 'CSTO', from: Number(year), to: Number(year), limit: 200 }));
    await page.getByRole('combobox', { name: 'From' }).selectOption(year!);
    await page.getByRole('combobox', { name: 'To' }).selectOption(year!);
    await expect.poll(() => results(page).count(), FILLED).toBe(Math.min(inYear.total, 30));
    await expect.poll(() => page.url()).toContain(`from=${year}`);
    await context.close();
  });

  test('a result is dated as the library dates it: an article with only an event date shows that date', async () => {
    // The 2013 page has no publication date, only the date of the meeting it reports (as the library row and the reader show).
    const title = 'Informal meeting of the heads of the CSTO member states of the Central Asian region in Bishkek on May 28, 2013';
    const { page, context } = await openPage(chromium.browser, '#/library?year=2013');
    const row = page.locator('.list-inner .row-link', { hasText: title });
    await row.waitFor();
    const inLibrary = await row.locator('time').textContent();
    expect(inLibrary).toBe('28 May 2013');
    await typeQuery(page, 'informal Bishkek');
    const hit = results(page).filter({ hasText: title });
    await hit.waitFor();
    expect(await hit.locator('.row-meta time').textContent()).toBe(inLibrary);
    expect(await hit.locator('.row-meta time').getAttribute('datetime')).toBe('2013-05-28');
    await context.close();
  });

  test('a query with no results says so', async () => {
    const { page, context } = await openPage(chromium.browser);
    await typeQuery(page, 'zzqxjv');
    await page.getByText('Nothing found for “zzqxjv”').waitFor();
    await context.close();
  });

  test('a search of only common words says why it finds nothing', async () => {
    const { page, context } = await openPage(chromium.browser);
    await typeQuery(page, 'the');
    await page.getByText(/“the” is a word too common to search for/).waitFor();
    await context.close();
  });

  test('the retry after no results keeps +required and -prohibited words: +border -drug lists nothing without "border"', async () => {
    const { page, context } = await openPage(chromium.browser);
    await typeQuery(page, '+border -drug');
    await page.getByText('Nothing found for “+border -drug”').waitFor();
    expect(await results(page).count()).toBe(0);
    expect(await page.getByText(/showing results for/).count()).toBe(0);
    await context.close();
  });

  test('Enter opens the first result at its first match, highlighted', async () => {
    const expected = await must(hostApi().search({ query: 'border' }));
    const top = expected.hits[0]!;
    const found = await must(hostApi().findInDoc({ id: top.id, query: 'border' }));
    const { page, context } = await openPage(chromium.browser);
    await typeQuery(page, 'border');
    // Enter in the box opens the first result (↓ moves into the list instead).
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: top.title }).waitFor();
    const status = page.getByRole('search', { name: 'Matches in this article' }).getByRole('status');
    await expect.poll(() => status.textContent()).toBe(`Match 1 of ${found.matches.length} for “border”`);
    await expect.poll(() => currentMatchText(page)).toMatch(/^border/i);
    expect(await paintedMatchCount(page)).toBe(found.matches.length);
    // The paragraph holding the match is on screen.
    const marked = page.locator('[data-paragraph][data-search-current]');
    expect(await marked.count()).toBe(1);
    const box = await marked.boundingBox();
    expect(box && box.y < 820 && box.y + box.height > 0).toBe(true);

    if (found.matches.length > 1) {
      await page.getByRole('button', { name: 'Next match' }).click();
      await expect.poll(() => status.textContent()).toBe(`Match 2 of ${found.matches.length} for “border”`);
      await page.getByRole('button', { name: 'Previous match' }).click();
      await expect.poll(() => status.textContent()).toBe(`Match 1 of ${found.matches.length} for “border”`);
    }
    await context.close();
  });

  test('Enter after the results are shown still opens the first result', async () => {
    const expected = await must(hostApi().search({ query: 'border' }));
    const top = expected.hits[0]!;
    const { page, context } = await openPage(chromium.browser);
    await typeQuery(page, 'border');
    // Wait until the results of the whole query are on screen, then press Enter.
    await page.locator('.result-link').first().filter({ hasText: top.title }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: top.title }).waitFor();
    await context.close();
  });

  test('clicking a Russian result opens it at the Russian paragraph', async () => {
    const { page, context } = await openPage(chromium.browser);
    await typeQuery(page, 'граница');
    await results(page).first().getByRole('link').click();
    await expect.poll(() => currentMatchText(page)).toMatch(/^границ/i);
    expect(await page.locator('[data-paragraph][data-search-current]').getAttribute('lang')).toBe('ru');
    await context.close();
  });
});
