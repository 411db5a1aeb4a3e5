/**
 * The app driven from the keyboard alone: `/` to search, Esc to leave the
 * box, `j`/`k` through results and the library, Enter to open, `j`/`k`
 * between articles, Esc back to where the person came from.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostApi, must } from './api';
import { launch, libraryRows, openPage, searchBox, searchResults } from './browser';
import { articleHash, articles, clickHighlight, closeCard, paintedIds, paintedSlices, passage, selectPassage } from './notes-support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Accessible name-ish text of the focused element, and its role-relevant tag. */
function focused(page: Page): Promise<{ tag: string; text: string; label: string | null }> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string; getAttribute(n: string): string | null } } })
      .document.activeElement;
    return { tag: el.tagName, text: el.textContent, label: el.getAttribute('aria-label') };
  });
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** The page's heading, with its address and the focused element's text. */
async function whereAmI(page: Page): Promise<{ heading: string | null; address: string; focused: string }> {
  return { heading: await h1(page).textContent(), address: new URL(page.url()).hash, focused: (await focused(page)).text.slice(0, 80) };
}

describe('keyboard', () => {
  test('/ focuses search; Esc leaves the box; j/k move through results; Enter opens; Esc goes back', async () => {
    const expected = await must(hostApi().search({ query: 'CSTO' }));
    expect(expected.hits.length).toBeGreaterThan(2);
    const { page, context } = await openPage(browser);
    await libraryRows(page).first().waitFor();
    await page.keyboard.press('/');
    expect(await focused(page)).toMatchObject({ tag: 'INPUT', label: 'Search' });
    await page.keyboard.type('CSTO', { delay: 20 });
    await searchResults(page).nth(2).waitFor();
    await page.keyboard.press('Escape');
    expect((await focused(page)).tag).not.toBe('INPUT');
    // Esc left the query alone.
    expect(await searchBox(page).inputValue()).toBe('CSTO');

    await page.keyboard.press('j');
    expect((await focused(page)).text).toBe(expected.hits[0]!.title);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect((await focused(page)).text).toBe(expected.hits[2]!.title);
    await page.keyboard.press('k');
    expect((await focused(page)).text).toBe(expected.hits[1]!.title);
    await page.keyboard.press('Enter');
    await expect.poll(() => whereAmI(page)).toMatchObject({ heading: expected.hits[1]!.title });

    await page.keyboard.press('Escape');
    await page.getByRole('list', { name: 'Search results' }).waitFor();
    expect(page.url()).toContain('#/search?q=CSTO');
    await page.keyboard.press('Escape');
    await page.getByRole('list', { name: 'Library items' }).waitFor();
    await context.close();
  });

  test('j/k move through the library, Enter opens, j/k change article, Esc returns to the list', async () => {
    const order = await must(hostApi().list({ sort: 'date', order: 'desc' }));
    const { page, context } = await openPage(browser);
    const rows = libraryRows(page);
    await rows.first().waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(async () => (await focused(page)).text).toContain(order.items[2]!.title);
    await page.keyboard.press('k');
    await expect.poll(async () => (await focused(page)).text).toContain(order.items[1]!.title);
    await page.keyboard.press('Enter');
    // The address and the focused element come along, so a failure says whether Enter reached the row at all.
    await expect.poll(() => whereAmI(page)).toMatchObject({ heading: order.items[1]!.title });
    await page.keyboard.press('j');
    await expect.poll(() => h1(page).textContent()).toBe(order.items[2]!.title);
    await page.keyboard.press('k');
    await expect.poll(() => h1(page).textContent()).toBe(order.items[1]!.title);
    await page.keyboard.press('j');
    await expect.poll(() => h1(page).textContent()).toBe(order.items[2]!.title);
    // One Esc returns to the list (stepping through articles does not pile up history)...
    await page.keyboard.press('Escape');
    await rows.first().waitFor();
    // ...with the article last read selected and focused, so j continues from there.
    await expect.poll(() => page.locator('.list-row.active').textContent()).toContain(order.items[2]!.title);
    await expect.poll(async () => (await focused(page)).text).toContain(order.items[2]!.title);
    await page.keyboard.press('j');
    await expect.poll(async () => (await focused(page)).text).toContain(order.items[3]!.title);
    await context.close();
  });

  test('keys typed into the search box stay text', async () => {
    const { page, context } = await openPage(browser);
    await libraryRows(page).first().waitFor();
    const box = searchBox(page);
    await box.click();
    await page.keyboard.type('j/k', { delay: 20 });
    expect(await box.inputValue()).toBe('j/k');
    await context.close();
  });

  test('every button and link on the main views has an accessible name', async () => {
    const { page, context } = await openPage(browser);
    await libraryRows(page).first().waitFor();
    const unnamed = async () =>
      page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ outerHTML: string; getAttribute(n: string): string | null; textContent: string | null; labels?: ArrayLike<unknown> | null }> } }).document;
        return Array.from(doc.querySelectorAll('button, a[href], input, select'))
          .filter((el) => !(el.getAttribute('aria-label') || (el.textContent ?? '').trim() || (el.labels && el.labels.length > 0)))
          .map((el) => el.outerHTML.slice(0, 120));
      });
    expect(await unnamed()).toEqual([]);
    await page.getByRole('list', { name: 'Library items' }).getByRole('link').first().click();
    await h1(page).waitFor();
    expect(await unnamed()).toEqual([]);
    await context.close();
  });
});

describe('shortcuts a reader expects', () => {
  test('? lists every shortcut; h highlights the selection in the last colour, whose meaning shows on its button; Ctrl+Z undoes the delete', async () => {
    const doc = (await articles())[0]!;
    const { page, context } = await openPage(browser, articleHash(doc.id));
    await h1(page).waitFor();

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    for (const d of ['Find in this article (⌘F on macOS)', 'Undo the last delete (⌘Z on macOS)', 'Highlight the selected text in the last colour']) {
      expect(await dialog.getByText(d, { exact: true }).count(), d).toBe(1);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // The colour's meaning is written on its button, not only in a tooltip.
    await selectPassage(page, passage(doc, 1));
    const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
    await toolbar.waitFor();
    const evidence = toolbar.getByRole('radio', { name: 'Evidence', exact: true });
    expect(await evidence.innerText()).toBe('Evidence');
    await evidence.click();
    await page.keyboard.press('h');
    await expect.poll(async () => (await paintedSlices(page)).length).toBeGreaterThan(0);
    const [first] = await paintedSlices(page);
    expect(first.color).toBe('green');
    const id = first.id;

    // The next selection, `h` again: the same colour, no click on a colour.
    await closeCard(page);
    await selectPassage(page, passage(doc, 3));
    await toolbar.waitFor();
    await page.keyboard.press('h');
    await expect.poll(async () => new Set((await paintedSlices(page)).filter((s) => s.color === 'green').map((s) => s.id)).size).toBe(2);

    // Delete the first, then Ctrl+Z brings it back.
    await clickHighlight(page, id);
    const card = page.getByRole('complementary', { name: 'Annotations' }).locator(`[data-annotation-card="${id}"]`);
    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(async () => (await paintedIds(page)).includes(id)).toBe(false);
    await page.locator('.reader-scroll').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await paintedIds(page)).includes(id)).toBe(true);
    await context.close();
  });
});
