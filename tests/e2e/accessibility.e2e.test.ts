/**
 * Every page, in the light and the dark theme, has no serious or critical
 * axe-core violation (WCAG 2.2 A and AA rules, colour contrast included):
 * library (with the Mentions popup open too), reader with highlights and a note, search results, notebook with
 * a note, settings.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Doc } from '../../src-main/shared/model';
import { describeViolations, seriousViolations } from './axe';
import { launch, openPage } from './browser';
import { articleHash, articles, closeCard, highlight, passage } from './notes-support';

let browser: Browser;
let doc: Doc;

beforeAll(async () => {
  browser = await launch();
  doc = (await articles())[0]!;
});
afterAll(async () => {
  await browser?.close();
});

async function expectAccessible(page: Page, what: string): Promise<void> {
  const vs = await seriousViolations(page);
  expect(vs, `${what}:\n${describeViolations(vs)}`).toEqual([]);
}

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  test('library, reader with highlights, search, notebook and settings', async () => {
    const { page, context } = await openPage(browser, '#/library', { theme });
    await page.getByRole('list', { name: 'Library items' }).getByRole('link').first().waitFor();
    await expectAccessible(page, 'library');

    // The Mentions combobox, open over the list, typed into and with an active option.
    const mentions = page.getByRole('combobox', { name: 'Mentions' });
    await mentions.click();
    await page.getByRole('listbox', { name: 'Mentions' }).getByRole('group').first().waitFor();
    await expectAccessible(page, 'library with the Mentions popup open');
    await mentions.press('ArrowDown');
    await mentions.pressSequentially('s');
    await page.getByRole('listbox', { name: 'Mentions' }).getByRole('option').first().waitFor();
    await expectAccessible(page, 'library with the Mentions popup narrowed');
    await mentions.press('Escape');

    await page.goto(page.url().replace(/#.*$/, '') + articleHash(doc.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await highlight(page, passage(doc, 1), { color: 'Evidence', note: 'A **note** with [a link](https://example.org)' });
    await closeCard(page);
    await highlight(page, passage(doc, 3));
    await closeCard(page);
    await expectAccessible(page, 'reader with highlights');

    await page.goto(page.url().replace(/#.*$/, '') + '#/search?q=security');
    await page.getByRole('list', { name: /results/i }).first().waitFor();
    await expectAccessible(page, 'search results');

    await page.goto(page.url().replace(/#.*$/, '') + '#/notebook');
    await page.getByText('A note with', { exact: false }).first().waitFor();
    await expectAccessible(page, 'notebook');

    await page.goto(page.url().replace(/#.*$/, '') + '#/settings');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'settings');
    await context.close();
  });
});
