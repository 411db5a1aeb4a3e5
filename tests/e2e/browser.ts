/**
 * Shared by the end-to-end tests: one headless Chromium per test file, a
 * fresh context (so fresh localStorage and IndexedDB) per test, the host's
 * URL, and screenshots saved under test-results/screenshots for review.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromiumLaunchOptions } from '../support/chromium';


/** The page-side globals tests call inside page.evaluate (this tsconfig has no DOM library). */
export interface PageWindow {
  getComputedStyle(el: unknown): { backgroundColor: string; fontSize: string; maxWidth: string };
}

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ headless: true, ...chromiumLaunchOptions() });
}

/** One Chromium for the calling test file: launched before its tests, closed after them (`.browser` inside a test). */
export function fileBrowser(): { readonly browser: Browser } {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launch();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    get browser() {
      if (!launched) throw new Error('fileBrowser(): the browser is there only inside tests');
      return launched;
    },
  };
}

/** The library's rows, the search page's results, and its search box, by their accessible names. */
export const libraryRows = (page: Page) => page.getByRole('list', { name: 'Library items' }).getByRole('listitem');
export const searchResults = (page: Page) => page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
export const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: tests assert there are none. */
  errors: string[];
}

/** A fresh context and page at `hash` (e.g. '#/search?q=x'), with settings preset if given. */
export async function openPage(
  browser: Browser,
  hash = '',
  opts: { theme?: 'light' | 'dark' | 'sepia'; width?: number; height?: number } = {},
): Promise<OpenPage> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 820 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  if (opts.theme) {
    await context.addInitScript((theme) => {
      const storage = (globalThis as unknown as { localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } })
        .localStorage;
      if (!storage.getItem('archive-reader:settings')) {
        storage.setItem('archive-reader:settings', JSON.stringify({ theme, fontSize: 19, lineWidth: 'medium' }));
      }
    }, opts.theme);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl() + hash);
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  // Let fonts finish loading so the picture shows the real typography.
  await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(() => undefined));
  await page.screenshot({ path });
  return path;
}

/** The text of the current search match painted by the CSS Custom Highlight API. */
export async function currentMatchText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const hs = (globalThis as unknown as { CSS: { highlights: Map<string, Set<{ toString(): string }>> } }).CSS.highlights;
    const h = hs.get('search-match-current');
    const first = h ? [...h][0] : undefined;
    return first ? first.toString() : null;
  });
}

/** How many matches (current included) are painted. */
export async function paintedMatchCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const hs = (globalThis as unknown as { CSS: { highlights: Map<string, Set<unknown>> } }).CSS.highlights;
    return (hs.get('search-match')?.size ?? 0) + (hs.get('search-match-current')?.size ?? 0);
  });
}
