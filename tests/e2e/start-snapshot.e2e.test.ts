/**
 * A later start at the library, in a real Chromium against the real host: the
 * library screen as it was last drawn is on screen before the app has its
 * answers (platform/start-snapshot.ts), a click on that picture is not taken
 * for a click on a row, and the app's own rows replace it. Each test records
 * every frame from the page's start.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, libraryRows, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The answers a first render needs arrive late, as from a busy host with a large archive. */
async function slowAnswers(context: BrowserContext, ms: number): Promise<void> {
  await context.route(/\/api\/(appInfo|list)$/, async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
}

/** From the page's next start, each frame that differs from the one before: the picture's rows, the app's rows. */
async function recordFrames(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    type Found = { textContent: string | null };
    const w = globalThis as unknown as {
      __frames: string[];
      requestAnimationFrame(f: () => void): void;
      document: { querySelector(s: string): unknown; querySelectorAll(s: string): Iterable<Found> };
    };
    w.__frames = [];
    const frame = () => {
      const d = w.document;
      const picture = [...d.querySelectorAll('[data-start-snapshot] .row-link')].slice(0, 3).map((a) => a.textContent);
      const app = d.querySelector('[data-start-snapshot]') ? [] : [...d.querySelectorAll('.list-inner .row-link')].slice(0, 3).map((a) => a.textContent);
      const drawn = picture.length > 0 ? `picture: ${picture.join(' | ')}` : app.length > 0 ? `app: ${app.join(' | ')}` : 'no rows';
      if (drawn !== w.__frames.at(-1)) w.__frames.push(drawn);
      w.requestAnimationFrame(frame);
    };
    w.requestAnimationFrame(frame);
  });
}

/** The frames recorded, from the first with rows (the page is blank until its first script has run). */
const frames = async (page: Page) => {
  const all = await page.evaluate(() => (globalThis as unknown as { __frames: string[] }).__frames);
  return all.slice(Math.max(0, all.findIndex((f) => f !== 'no rows')));
};
/** Waits for the app's own rows (the picture gone). */
const appRows = (page: Page) =>
  page.waitForFunction(
    () => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): unknown; querySelectorAll(s: string): { length: number } } }).document;
      return !d.querySelector('[data-start-snapshot]') && d.querySelectorAll('.list-inner .row-link').length >= 3;
    },
    null,
    { timeout: 15_000 },
  );
const firstTitles = (page: Page) => page.locator('.list-inner .row-link').evaluateAll((as) => as.slice(0, 3).map((a) => a.textContent));
/** Waits until the library screen now shown has been kept for the next start. */
const kept = (page: Page) => expect.poll(() => page.evaluate(`localStorage.getItem('archive-reader:start-snapshot') !== null`), { timeout: 10_000 }).toBe(true);

describe('a later start at the library', () => {
  test('shows the library as it was last drawn before the answers arrive, then the app draws the same rows over it', async () => {
    const { page, context } = await openPage(browser, '', { height: 700 });
    const list = page.getByRole('list', { name: 'Library items' });
    await list.getByRole('listitem').nth(2).waitFor();
    const titles = await firstTitles(page);
    await kept(page);
    await recordFrames(context);
    await slowAnswers(context, 1200);
    await page.reload();
    await page.locator('[data-start-snapshot] .row-link').first().waitFor();
    // The picture is there while the app still waits for the host.
    expect(await page.evaluate(`document.querySelector('[data-start-snapshot]').inert`)).toBe(true);
    await appRows(page);
    await page.waitForTimeout(300);
    const seen = await frames(page);
    expect(seen, `frame by frame: ${seen.join(' → ')}`).toEqual([`picture: ${titles.join(' | ')}`, `app: ${titles.join(' | ')}`]);
    await context.close();
  });

  test('a click on the picture opens nothing: the library is still there for the click that follows', async () => {
    const { page, context } = await openPage(browser, '', { height: 700 });
    const list = page.getByRole('list', { name: 'Library items' });
    await list.getByRole('listitem').nth(2).waitFor();
    await kept(page);
    await slowAnswers(context, 1500);
    await page.reload();
    const row = page.locator('[data-start-snapshot] .row-link').nth(1);
    await row.waitFor();
    const box = (await row.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await appRows(page);
    expect(new URL(page.url()).hash).toMatch(/^(#\/library)?$/);
    // The app's row at the same place opens its article.
    const title = (await list.getByRole('link').nth(1).textContent())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('[data-paragraph]').first().waitFor();
    expect(title).toContain((await page.getByRole('heading', { level: 1 }).textContent())!);
    await context.close();
  });

  test('is not shown at an address other than the one it was taken at', async () => {
    const { page, context } = await openPage(browser, '', { height: 700 });
    await libraryRows(page).nth(2).waitFor();
    await kept(page);
    await recordFrames(context);
    await slowAnswers(context, 800);
    // Another window of the same browser, started at the library in another order.
    const other = await context.newPage();
    await other.goto(`${new URL(page.url()).origin}/#/library?sort=title`);
    await appRows(other);
    const seen = await frames(other);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((f) => f.startsWith('picture')), `frame by frame: ${seen.join(' → ')}`).toBe(false);
    await context.close();
  });
});
