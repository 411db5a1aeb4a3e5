/**
 * Screenshots of the main views in light and dark (and the reader in sepia)
 * for people to review: test-results/screenshots/<view>-<theme>.png. Each
 * also checks the theme really applied (different background colours) so a
 * broken theme cannot slip through as "a screenshot was taken".
 */
import { statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostApi, must } from './api';
import { launch, openPage, type PageWindow, screenshot } from './browser';

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
    await page.getByRole('list', { name: 'Library items' }).getByRole('listitem').first().waitFor();
    await page.getByRole('group', { name: 'Filter by year' }).waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
    backgrounds.set(theme, await bodyBackground(page));
    const path = await screenshot(page, `library-${theme}`);
    expect(statSync(path).size).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('search', async () => {
    const { page, context } = await openPage(browser, '#/search?q=border', { theme });
    await page.getByRole('list', { name: 'Search results' }).locator('mark').first().waitFor();
    const path = await screenshot(page, `search-${theme}`);
    expect(statSync(path).size).toBeGreaterThan(20_000);
    await context.close();
  });

  test('reader, opened at a search match', async () => {
    const { page, context } = await openPage(browser, `#/article/${encodeURIComponent(articleId)}?q=border`, { theme });
    await page.locator('[data-search-current]').waitFor();
    const path = await screenshot(page, `reader-${theme}`);
    expect(statSync(path).size).toBeGreaterThan(20_000);
    await context.close();
  });

  test('reader, from the top', async () => {
    const { page, context } = await openPage(browser, `#/article/${encodeURIComponent(articleId)}`, { theme });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, `reader-top-${theme}`);
    await context.close();
  });
});

test('sepia reader and the themes differ', async () => {
  const { page, context } = await openPage(browser, `#/article/${encodeURIComponent(articleId)}`, { theme: 'sepia' });
  await page.getByRole('heading', { level: 1 }).waitFor();
  await screenshot(page, 'reader-top-sepia');
  backgrounds.set('sepia', await bodyBackground(page));
  await context.close();
  expect(new Set(backgrounds.values()).size).toBe(3);
});
