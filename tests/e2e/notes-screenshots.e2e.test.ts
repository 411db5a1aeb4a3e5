/**
 * Screenshots of the notes features in light and dark for people to review
 * (test-results/screenshots/notes-<view>-<theme>.png): the reader with
 * highlights in several colours and the sidebar, the Notebook, the export
 * dialog, and the notes part of Settings. Each also checks what it shows
 * (marks painted, cards listed, the theme applied) so a blank picture
 * cannot pass.
 */
import { statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Doc } from '../../src-main/shared/model';
import { launch, openPage, screenshot } from './browser';
import { articleHash, articles, closeCard, highlight, passage, selectPassage } from './notes-support';

let browser: Browser;
let long: Doc;
beforeAll(async () => {
  browser = await launch();
  [long] = await articles();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  test('reader with highlights and sidebar, notebook, export dialog, settings', async () => {
    const { page, context, errors } = await openPage(browser, articleHash(long.id), { theme, width: 1360, height: 860 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
    await highlight(page, passage(long, 1, 7), { color: 'Key fact', note: 'The **central** claim of the piece.', tags: ['summit'] });
    await closeCard(page);
    await highlight(page, passage(long, 2, 9), { color: 'Question', tags: ['follow-up'] });
    await closeCard(page);
    const active = await highlight(page, passage(long, 3, 6), { color: 'Evidence', note: 'Figures to check against the 2019 report.' });
    expect(await page.locator('mark[data-annotation-id]').count()).toBeGreaterThanOrEqual(3);
    await page.locator(`mark[data-annotation-id="${active}"]`).first().scrollIntoViewIfNeeded();
    // A fresh selection shows the toolbar over the text.
    await selectPassage(page, passage(long, 4, 6));
    await page.getByRole('toolbar', { name: 'Annotate selection' }).waitFor();
    let path = await screenshot(page, `notes-reader-${theme}`);
    expect(statSync(path).size).toBeGreaterThan(20_000);

    await page.getByRole('link', { name: 'Notebook' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Annotations' }).locator('[data-annotation-card]').count()).toBe(3);
    await page.getByRole('checkbox', { name: /^Select “/ }).first().check();
    await page.getByRole('button', { name: /^Add 1 selected to the dossier/ }).click();
    await page.getByRole('list', { name: 'Dossier items' }).getByRole('listitem').first().waitFor();
    path = await screenshot(page, `notes-notebook-${theme}`);
    expect(statSync(path).size).toBeGreaterThan(20_000);

    await page.getByRole('button', { name: 'Export 1 selected…' }).click();
    await page.getByRole('dialog', { name: 'Export excerpts' }).waitFor();
    path = await screenshot(page, `notes-export-dialog-${theme}`);
    expect(statSync(path).size).toBeGreaterThan(20_000);
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Backup and restore' }).scrollIntoViewIfNeeded();
    path = await screenshot(page, `notes-settings-${theme}`);
    expect(statSync(path).size).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
    await context.close();
  });
});
