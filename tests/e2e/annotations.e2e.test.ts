/**
 * Issue 4 end to end: highlights, notes and tags in the real app against the
 * real host, stored in the browser's real IndexedDB. Select text, highlight
 * it in a colour, write a Markdown note and a tag, reload: the <mark> is in
 * the same place with its note. Delete and undo. The Notebook filters by tag
 * and colour and searches notes; the library filters by the person's notes
 * and search can include them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Doc } from '../../src-main/shared/model';
import { launch, libraryRows, openPage } from './browser';
import { articleHash, articles, closeCard, highlight, paintedIds, paintedSlices, passage, waitForPainted } from './notes-support';

let browser: Browser;
let long: Doc;
let other: Doc;
beforeAll(async () => {
  browser = await launch();
  [long, other] = await articles();
});
afterAll(async () => {
  await browser?.close();
});

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });

describe('highlights in the reader', () => {
  test('a highlight in a colour with a Markdown note and a tag is in the same place after a reload', async () => {
    const { page, context, errors } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const p = passage(long, 2);
    const id = await highlight(page, p, { color: 'Evidence', note: 'A **key** claim, see <script>alert(1)</script>', tags: ['treaty-e2e'] });

    await page.reload();
    await waitForPainted(page, id);
    // Same text, same paragraph, same colour.
    const slices = (await paintedSlices(page)).filter((s) => s.id === id);
    expect(slices.map((s) => s.text).join('')).toBe(p.phrase);
    expect(slices.map((s) => [s.paragraph, s.color])).toEqual([[p.paragraph, 'green']]);
    // The note comes back rendered as Markdown, its script inert text at most.
    const card = sidebar(page).locator(`[data-annotation-card="${id}"]`);
    expect(await card.locator('strong').textContent()).toBe('key');
    expect(await card.locator('script').count()).toBe(0);
    expect(await card.getByRole('list', { name: 'Tags' }).textContent()).toContain('treaty-e2e');
    expect(await card.textContent()).toContain('Evidence');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('deleting a highlight removes its mark, and Undo brings it back with its note', async () => {
    const { page, context } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const id = await highlight(page, passage(long, 4), { note: 'keep me' });
    await sidebar(page).locator(`[data-annotation-card="${id}"]`).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(async () => (await paintedIds(page)).includes(id)).toBe(false);
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitForPainted(page, id);
    await page.reload();
    await waitForPainted(page, id);
    expect(await sidebar(page).locator(`[data-annotation-card="${id}"]`).textContent()).toContain('keep me');
    await context.close();
  });

  test('a highlight\'s note box grows as a long note is typed, and stops growing at about half a screen', async () => {
    const { page, context } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const id = await highlight(page, passage(long, 3));
    const box = page.locator(`[data-annotation-card="${id}"]`).getByRole('textbox', { name: 'Note' });
    const size = () => box.evaluate((el) => ({ height: el.clientHeight, hidden: el.scrollHeight - el.clientHeight }));
    const empty = await size();
    await box.fill(Array.from({ length: 8 }, (_, i) => `Line ${i + 1} of what the meeting decided.`).join('\n'));
    const grown = await size();
    // Every line shows: the box is taller and hides nothing.
    expect(grown.height).toBeGreaterThan(empty.height * 1.5);
    expect(grown.hidden).toBeLessThanOrEqual(1);
    await box.fill(Array.from({ length: 60 }, (_, i) => `Line ${i + 1}`).join('\n'));
    const capped = await size();
    expect(capped.height).toBeLessThan(page.viewportSize()!.height * 0.6);
    expect(capped.hidden).toBeGreaterThan(0);
    await context.close();
  });

  test('a passage opened by its link stays in view while the page settles above it (a font or the notes arriving late)', async () => {
    const { page, context } = await openPage(browser, articleHash(long.id), { height: 700 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    const id = await highlight(page, passage(long, long.paragraphs.length - 3));
    const next = await context.newPage();
    await next.goto(page.url().replace(/#.*$/, '') + articleHash(long.id, id));
    await waitForPainted(next, id);
    const inView = async () => {
      const box = (await paintedSlices(next)).find((s) => s.id === id)?.box;
      return box !== undefined && box.y > 0 && box.y + box.height < 700;
    };
    await expect.poll(inView).toBe(true);
    // What a late font does: every paragraph above the passage changes height.
    await next.addStyleTag({ content: '.reading [data-paragraph] { padding-bottom: 60px; }' });
    await expect.poll(inView).toBe(true);
    await context.close();
  });

  test('Esc closes the open highlight\'s card first, and only a second Esc leaves the article', async () => {
    const { page, context } = await openPage(browser, '');
    await libraryRows(page).first().waitFor();
    await page.goto(page.url().replace(/#.*$/, '') + articleHash(long.id));
    await page.getByRole('heading', { level: 1, name: long.title }).waitFor();
    const id = await highlight(page, passage(long, 4));
    const card = page.locator(`[data-annotation-card="${id}"]`);
    await expect.poll(() => card.getAttribute('aria-current')).toBe('true');
    // Out of the note field the card opened with, then Esc.
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    expect(await card.getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.getAttribute('aria-current')).toBeNull();
    await page.waitForTimeout(300);
    expect(page.url()).toContain(articleHash(long.id));
    expect(await page.getByRole('heading', { level: 1, name: long.title }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await context.close();
  });
  test('an empty selection shows no toolbar; the article can be starred, tagged and noted', async () => {
    const { page, context } = await openPage(browser, articleHash(other.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('[data-paragraph="0"]').click();
    await page.waitForTimeout(300);
    expect(await page.getByRole('toolbar', { name: 'Annotate selection' }).count()).toBe(0);
    const star = sidebar(page).getByRole('button', { name: 'Star article' });
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    const tags = sidebar(page).getByRole('combobox', { name: 'Article tags' });
    await tags.fill('article-tag-e2e');
    await tags.press('Enter');
    await sidebar(page).getByRole('textbox', { name: 'Article note' }).fill('Worth rereading');
    await sidebar(page).getByText('Saved', { exact: true }).waitFor();
    await page.reload();
    await expect.poll(() => sidebar(page).getByRole('button', { name: 'Star article' }).getAttribute('aria-pressed')).toBe('true');
    expect(await sidebar(page).getByRole('textbox', { name: 'Article note' }).inputValue()).toBe('Worth rereading');
    await context.close();
  });
});

describe('finding notes again', () => {
  test('the Notebook filters by tag and colour and searches notes, and opens an article at a highlight', async () => {
    const { page, context, errors } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const a = await highlight(page, passage(long, 1), { color: 'Question', note: 'Who signed this?', tags: ['nb-alpha'] });
    await closeCard(page);
    const b = await highlight(page, passage(long, 3), { color: 'Evidence', note: 'Numbers for the report', tags: ['nb-beta'] });
    await closeCard(page);
    const c = await highlight(page, passage(long, 5), { color: 'Question', tags: ['nb-beta'] });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notebook' }).click();
    const list = page.getByRole('list', { name: 'Annotations' });
    const shown = async () => list.locator('[data-annotation-card]').evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation-card')).sort());
    await expect.poll(shown).toEqual([a, b, c].sort());

    await page.getByRole('combobox', { name: 'Tag' }).selectOption('nb-beta');
    await expect.poll(shown).toEqual([b, c].sort());
    await page.getByRole('combobox', { name: 'Colour' }).selectOption({ label: 'Question' });
    await expect.poll(shown).toEqual([c]);
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('');
    await expect.poll(shown).toEqual([a, c].sort());
    await page.getByRole('combobox', { name: 'Colour' }).selectOption('');

    await page.getByRole('searchbox', { name: 'Search notes' }).fill('report numbers');
    await expect.poll(shown).toEqual([b]);
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('nothing like this anywhere');
    await expect.poll(shown).toEqual([]);
    await page.getByText('No highlights match these filters.').waitFor();
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('who signed');
    await expect.poll(shown).toEqual([a]);

    await list.getByRole('button', { name: 'Open in article' }).click();
    await page.getByRole('heading', { level: 1, name: long.title }).waitFor();
    expect(page.url()).toContain(`annotation=${a}`);
    await expect.poll(() => sidebar(page).locator(`[data-annotation-card="${a}"]`).getAttribute('aria-current')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the library filters to annotated, starred and tagged articles; search can include notes', async () => {
    const { page, context } = await openPage(browser, articleHash(long.id));
    await page.getByRole('heading', { level: 1 }).waitFor();
    // A word that is nowhere in the archive, only in the note.
    await highlight(page, passage(long, 2), { note: 'Compare with the zanzibarquux memo', tags: ['lib-tag-e2e'] });
    await page.goto(page.url().replace(/#.*$/, '') + articleHash(other.id));
    await sidebar(page).getByRole('button', { name: 'Star article' }).click();

    const rows = async () => page.getByRole('list', { name: 'Library items' }).getByRole('link').allTextContents();
    await page.goto(page.url().replace(/#.*$/, '') + '#/library');
    await page.getByRole('combobox', { name: 'My notes' }).selectOption('annotated');
    await expect.poll(async () => (await rows()).map((r) => r.includes(long.title))).toEqual([true]);
    await page.getByRole('combobox', { name: 'My notes' }).selectOption('starred');
    await expect.poll(async () => (await rows()).map((r) => r.includes(other.title))).toEqual([true]);
    // The timeline counts what the notes filter keeps: the one starred article, in its year, and no other year.
    expect(other.year).not.toBeNull();
    const timeline = page.getByRole('group', { name: 'Filter by year' });
    await timeline.getByRole('button', { name: `${other.year}, 1 item` }).waitFor();
    expect(await timeline.getByRole('button', { name: /, [1-9]\d* items?$/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Remove filter: starred only' }).click();
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('lib-tag-e2e');
    await expect.poll(async () => (await rows()).map((r) => r.includes(long.title))).toEqual([true]);
    expect(page.url()).toContain('tag=lib-tag-e2e');

    await page.goto(page.url().replace(/#.*$/, '') + '#/search?q=zanzibarquux');
    await page.getByText('Nothing found for').waitFor();
    await page.getByRole('checkbox', { name: 'Include my notes and tags' }).check();
    const notes = page.getByRole('list', { name: 'Matches in your notes' });
    await notes.getByRole('link', { name: long.title }).waitFor();
    expect(await page.getByText('Nothing found for').count()).toBe(0);
    await context.close();
  });
});
