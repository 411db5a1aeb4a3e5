/**
 * The main views in light and dark (and the reader in sepia), checked for what
 * a person sees: the view's content is on screen, its text is readable against
 * the theme's background (WCAG contrast of at least 4.5, 3 for search marks),
 * and the three themes really differ. Screenshots are also saved for people to
 * review (test-results/screenshots/<view>-<theme>.png), but nothing is
 * asserted about the pictures themselves.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostApi, must } from './api';
import { launch, libraryRows, openPage, type PageWindow, screenshot } from './browser';
import { seen } from './visible';

let browser: Browser;
let articleId: string;
beforeAll(async () => {
  browser = await launch();
  const hits = await must(hostApi().search({ query: 'border', kind: 'article' }));
  articleId = hits.hits[0]!.id;
});
afterAll(async () => {
  await browser?.close();
});

const backgrounds = new Map<string, string>();

async function bodyBackground(page: Page): Promise<string> {
  return page.locator('body').evaluate((el) => (globalThis as unknown as PageWindow).getComputedStyle(el).backgroundColor);
}

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  test('library', async () => {
    const { page, context, errors } = await openPage(browser, '', { theme });
    await libraryRows(page).first().waitFor();
    await page.getByRole('group', { name: 'Filter by year' }).waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
    backgrounds.set(theme, await bodyBackground(page));
    const first = await seen(libraryRows(page).first().getByRole('link').first());
    expect(first.inViewport).toBe(true);
    expect(first.contrast).toBeGreaterThanOrEqual(4.5);
    await screenshot(page, `library-${theme}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('search', async () => {
    const { page, context } = await openPage(browser, '#/search?q=border', { theme });
    const mark = page.getByRole('list', { name: 'Search results' }).locator('mark').first();
    await mark.waitFor();
    const m = await seen(mark);
    expect(m.inViewport).toBe(true);
    expect(m.contrast).toBeGreaterThanOrEqual(3);
    // The match is marked: its background is not the page's.
    expect(m.background).not.toBe((await seen(page.getByRole('list', { name: 'Search results' }))).background);
    await screenshot(page, `search-${theme}`);
    await context.close();
  });

  test('reader, opened at a search match', async () => {
    const { page, context } = await openPage(browser, `#/article/${encodeURIComponent(articleId)}?q=border`, { theme });
    await page.locator('[data-search-current]').waitFor();
    // The reader scrolled to the match: it is on screen, not below the fold.
    await expect.poll(async () => (await seen(page.locator('[data-search-current]').first())).inViewport).toBe(true);
    await screenshot(page, `reader-${theme}`);
    await context.close();
  });

  test('reader, from the top', async () => {
    const { page, context } = await openPage(browser, `#/article/${encodeURIComponent(articleId)}`, { theme });
    await page.getByRole('heading', { level: 1 }).waitFor();
    const title = await seen(page.getByRole('heading', { level: 1 }));
    const text = await seen(page.locator('[data-paragraph="0"]'));
    expect(title.inViewport && text.inViewport).toBe(true);
    expect(title.contrast).toBeGreaterThanOrEqual(4.5);
    expect(text.contrast).toBeGreaterThanOrEqual(4.5);
    await screenshot(page, `reader-top-${theme}`);
    await context.close();
  });
});

test('sepia reader and the themes differ', async () => {
  const { page, context } = await openPage(browser, `#/article/${encodeURIComponent(articleId)}`, { theme: 'sepia' });
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect((await seen(page.locator('[data-paragraph="0"]'))).contrast).toBeGreaterThanOrEqual(4.5);
  await screenshot(page, 'reader-top-sepia');
  backgrounds.set('sepia', await bodyBackground(page));
  await context.close();
  expect(new Set(backgrounds.values()).size).toBe(3);
});
