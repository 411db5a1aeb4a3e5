/**
 * The notes features in light and dark, checked for what a person sees: the
 * reader with highlights in three colours (three different backgrounds, text
 * on them readable), the selection toolbar over the text, the Notebook's
 * cards and dossier, the export dialog, and the notes part of Settings, each
 * on screen. Screenshots are also saved for people to review
 * (test-results/screenshots/notes-<view>-<theme>.png); nothing is asserted
 * about the pictures themselves.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Doc } from '../../src-main/shared/model';
import { launch, openPage, screenshot } from './browser';
import { seen } from './visible';
import { articleHash, articles, closeCard, highlight, paintedIds, paintedSlices, passage, selectPassage } from './notes-support';

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
    expect((await paintedIds(page)).length).toBeGreaterThanOrEqual(3);
    const activeAt = (await paintedSlices(page)).find((s) => s.id === active)!;
    await page.locator(`[data-paragraph="${activeAt.paragraph}"]`).scrollIntoViewIfNeeded();
    // A fresh selection shows the toolbar over the text.
    await selectPassage(page, passage(long, 4, 6));
    await page.getByRole('toolbar', { name: 'Annotate selection' }).waitFor();
    expect((await seen(page.getByRole('toolbar', { name: 'Annotate selection' }))).inViewport).toBe(true);
    const slices = (await paintedSlices(page)).slice(0, 3);
    expect(slices.map((s) => s.color)).toEqual(['yellow', 'pink', 'green']);
    const painted = await Promise.all(slices.map((s) => seen(page.locator(`[data-paragraph="${s.paragraph}"]`), `::highlight(annotation-${s.color})`)));
    // Three colours, three backgrounds, and the highlighted text stays readable on each.
    expect(new Set(painted.map((m) => m.background)).size).toBe(3);
    for (const m of painted) expect(m.contrast).toBeGreaterThanOrEqual(4.5);
    await screenshot(page, `notes-reader-${theme}`);

    await page.getByRole('link', { name: 'Notebook' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Annotations' }).locator('[data-annotation-card]').count()).toBe(3);
    await page.getByRole('checkbox', { name: /^Select “/ }).first().check();
    await page.getByRole('button', { name: /^Add 1 selected to the dossier/ }).click();
    await page.getByRole('list', { name: 'Dossier items' }).getByRole('listitem').first().waitFor();
    const card = await seen(page.getByRole('list', { name: 'Annotations' }).locator('[data-annotation-card]').first());
    expect(card.inViewport).toBe(true);
    expect(card.contrast).toBeGreaterThanOrEqual(4.5);
    expect((await seen(page.getByRole('list', { name: 'Dossier items' }).getByRole('listitem').first())).inViewport).toBe(true);
    await screenshot(page, `notes-notebook-${theme}`);

    await page.getByRole('button', { name: 'Export 1 selected…' }).click();
    await page.getByRole('dialog', { name: 'Export excerpts' }).waitFor();
    const dialog = await seen(page.getByRole('dialog', { name: 'Export excerpts' }).getByRole('heading').first());
    expect(dialog.inViewport).toBe(true);
    expect(dialog.contrast).toBeGreaterThanOrEqual(4.5);
    await screenshot(page, `notes-export-dialog-${theme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Backup and restore' }).scrollIntoViewIfNeeded();
    const backup = await seen(page.getByRole('heading', { name: 'Backup and restore' }));
    expect(backup.inViewport).toBe(true);
    expect(backup.contrast).toBeGreaterThanOrEqual(4.5);
    await screenshot(page, `notes-settings-${theme}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
