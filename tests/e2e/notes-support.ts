/**
 * Shared by the notes end-to-end tests: choosing a passage in a real corpus
 * article (read from the host, not hard-coded), selecting it in the page the
 * way a mouse selection ends up (a DOM Range in the paragraph's text node,
 * which fires `selectionchange`), and making a highlight through the toolbar
 * by its accessible names.
 */
import type { Page } from 'playwright-core';
import type { Doc } from '../../src-main/shared/model';
import { hostApi, must } from './api';

/** Page-side globals used inside page.evaluate (the tests' tsconfig has no DOM library). */
interface PageDom {
  document: {
    querySelector(sel: string): { firstChild: { textContent: string | null } | null } | null;
    createRange(): { setStart(n: unknown, o: number): void; setEnd(n: unknown, o: number): void };
  };
  getSelection(): { removeAllRanges(): void; addRange(r: unknown): void } | null;
}

export const articleHash = (id: string, annotation?: string) =>
  `#/article/${encodeURIComponent(id)}${annotation ? `?annotation=${encodeURIComponent(annotation)}` : ''}`;

export interface Passage {
  paragraph: number;
  phrase: string;
}

/** The articles of the bundled archive, longest first (long ones make scrolling to a passage meaningful). */
export async function articles(): Promise<Doc[]> {
  const list = await must(hostApi().list({ kind: 'article' }));
  const docs = await Promise.all(list.items.map((d) => must(hostApi().getDoc({ id: d.id }))));
  return docs.sort((a, b) => b.paragraphs.length - a.paragraphs.length);
}

/**
 * A phrase of `words` words from a paragraph at or after `from`, unique in the
 * whole article text (so a highlight of it can only be in one place).
 */
export function passage(doc: Doc, from = 0, words = 5): Passage {
  const all = doc.paragraphs.map((p) => p.text).join('\n\n');
  for (let i = from; i < doc.paragraphs.length; i++) {
    const parts = doc.paragraphs[i]!.text.split(' ');
    for (let w = 1; w + words <= parts.length; w++) {
      const phrase = parts.slice(w, w + words).join(' ');
      if (phrase.length > 20 && all.indexOf(phrase) === all.lastIndexOf(phrase) && /^[\p{L}]/u.test(phrase)) return { paragraph: i, phrase };
    }
  }
  throw new Error(`no unique phrase in ${doc.id} from paragraph ${from}`);
}

/** Select `phrase` inside paragraph `paragraph` of the open article. */
export async function selectPassage(page: Page, p: Passage): Promise<void> {
  const found = await page.evaluate(
    ([index, phrase]) => {
      const w = globalThis as unknown as PageDom;
      const text = w.document.querySelector(`[data-paragraph="${index}"]`)?.firstChild;
      const at = text?.textContent?.indexOf(phrase as string) ?? -1;
      if (!text || at < 0) return false;
      const range = w.document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + (phrase as string).length);
      const sel = w.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      return true;
    },
    [p.paragraph, p.phrase] as const,
  );
  if (!found) throw new Error(`"${p.phrase}" is not plain text in paragraph ${p.paragraph}`);
}

/**
 * Select a passage and highlight it in the colour named `color` (e.g.
 * "Evidence"), optionally with a note and tags. Answers the new annotation's id.
 */
export async function highlight(page: Page, p: Passage, opts: { color?: string; note?: string; tags?: string[] } = {}): Promise<string> {
  await selectPassage(page, p);
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  await toolbar.waitFor();
  if (opts.color) await toolbar.getByRole('radio', { name: opts.color, exact: true }).click();
  const before = await paintedIds(page);
  await toolbar.getByRole('button', { name: opts.note ? 'Add note' : 'Highlight', exact: true }).click();
  let id: string | null | undefined;
  for (let tries = 0; !id && tries < 100; tries++) {
    id = (await paintedIds(page)).find((a) => !before.includes(a));
    if (!id) await page.waitForTimeout(50);
  }
  if (!id) throw new Error('no new highlight appeared');
  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  if (opts.note) {
    const note = sidebar.getByRole('textbox', { name: 'Note', exact: true });
    await note.fill(opts.note);
    await sidebar.getByText('Saved', { exact: true }).waitFor();
  }
  for (const tag of opts.tags ?? []) {
    const card = sidebar.locator(`[data-annotation-card="${id}"]`);
    if ((await card.getByRole('combobox', { name: 'Tags', exact: true }).count()) === 0) await card.getByRole('button').first().click();
    const field = card.getByRole('combobox', { name: 'Tags', exact: true });
    await field.fill(tag);
    await field.press('Enter');
    await card.getByText(tag, { exact: true }).first().waitFor();
  }
  return id;
}

/** One slice of a highlight painted in the reader: its paragraph, text, colour as painted, and boxes on screen. */
export interface PaintedSlice {
  id: string;
  paragraph: number;
  text: string;
  /** The colour whose ::highlight() paints it (null: in no colour's registry, so not painted). */
  color: string | null;
  /** Its first line box (client coordinates) and the box around all of it. */
  first: Box;
  box: Box;
}
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Reads what the reader painted as a person would see it: anchoring/highlighter.ts writes each paragraph's
 * slices into `data-highlights` (`from-to:id`); each is checked against the page's CSS.highlights registry
 * for the colour it is painted in. Plain JavaScript: it runs in the page.
 */
const READ_PAINTED = `(() => {
  const special = new Set(['annotation-overlap', 'annotation-active', 'annotation-flash']);
  const colours = [];
  for (const [name, h] of CSS.highlights) if (name.startsWith('annotation-') && !special.has(name)) colours.push([name.slice('annotation-'.length), [...h]]);
  const box = (b) => ({ x: b.x, y: b.y, width: b.width, height: b.height });
  const out = [];
  for (const p of document.querySelectorAll('[data-paragraph][data-highlights]')) {
    const nodes = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const at = (offset) => {
      let rest = offset;
      for (const n of nodes) {
        if (rest <= n.length) return [n, rest];
        rest -= n.length;
      }
      return [p, 0];
    };
    for (const entry of p.getAttribute('data-highlights').split(' ')) {
      const colon = entry.indexOf(':');
      const [from, to] = entry.slice(0, colon).split('-').map(Number);
      const r = document.createRange();
      r.setStart(...at(from));
      r.setEnd(...at(to));
      let color = null;
      for (const [c, ranges] of colours)
        if (ranges.some((x) => x.compareBoundaryPoints(Range.START_TO_START, r) === 0 && x.compareBoundaryPoints(Range.END_TO_END, r) === 0)) color = c;
      out.push({
        id: decodeURIComponent(entry.slice(colon + 1)),
        paragraph: Number(p.getAttribute('data-paragraph')),
        text: r.toString(),
        color,
        first: box(r.getClientRects()[0] ?? r.getBoundingClientRect()),
        box: box(r.getBoundingClientRect()),
      });
    }
  }
  return out;
})()`;

/** Every slice of every highlight painted in the reader, in text order. */
export async function paintedSlices(page: Page): Promise<PaintedSlice[]> {
  return page.evaluate<PaintedSlice[]>(READ_PAINTED);
}

/** The ids of the highlights painted in the reader, each once, in text order. */
export async function paintedIds(page: Page): Promise<string[]> {
  return [...new Set((await paintedSlices(page)).map((s) => s.id))];
}

/** The text of one painted highlight (its slices joined; '' when it is not painted). */
export async function paintedText(page: Page, id: string): Promise<string> {
  return (await paintedSlices(page))
    .filter((s) => s.id === id)
    .map((s) => s.text)
    .join('');
}

/** Waits until the highlight is painted in the reader. */
export async function waitForPainted(page: Page, id: string, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await paintedIds(page)).includes(id)) {
    if (Date.now() > end) throw new Error(`highlight ${id} was not painted within ${timeout} ms`);
    await page.waitForTimeout(50);
  }
}

/** Clicks the middle of a painted highlight's first line, as the mouse does (scrolled into view first). */
export async function clickHighlight(page: Page, id: string): Promise<void> {
  const find = async () => (await paintedSlices(page)).find((s) => s.id === id);
  const slice = await find();
  if (!slice) throw new Error(`highlight ${id} is not painted`);
  if (slice.first.y < 0 || slice.first.y + slice.first.height > (page.viewportSize()?.height ?? 720)) {
    // Scroll the line itself (not its paragraph, which may be taller than the view) to a third of the way down.
    await page.evaluate(`(() => {
      let el = document.querySelector('[data-paragraph="${slice.paragraph}"]');
      while (el && !(/auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight)) el = el.parentElement;
      const view = el ? el.getBoundingClientRect() : { top: 0, height: innerHeight };
      (el ?? document.scrollingElement).scrollBy(0, ${slice.first.y} - view.top - view.height / 3);
    })()`);
  }
  const { first } = (await find())!;
  await page.mouse.click(first.x + first.width / 2, first.y + first.height / 2);
}

/** Close the open annotation card (so the next selection starts clean). */
export async function closeCard(page: Page): Promise<void> {
  const close = page.getByRole('complementary', { name: 'Annotations' }).getByRole('button', { name: 'Close', exact: true });
  if (await close.count()) await close.click();
}

/**
 * The reading position stored for `docId` (a fraction of the text, or null),
 * read straight from the page's IndexedDB: tests wait for the save to land
 * instead of sleeping a guessed time, which a loaded machine outlasts.
 */
export async function storedReadingPosition(page: Page, docId: string): Promise<number | null> {
  const pos = (await storedDocState(page, docId))?.readingPosition;
  return typeof pos === 'number' ? pos : null;
}

/** The stored article state for `docId` in `archiveId` (reading position, readAt, note…), read straight from the page's IndexedDB. */
export async function storedDocState(page: Page, docId: string, archiveId = 'bundled'): Promise<Record<string, unknown> | null> {
  return page.evaluate(async ([id, archive]) => {
    const idb = (globalThis as unknown as { indexedDB: { databases(): Promise<{ name?: string }[]>; open(n: string): IDBOpenLike } }).indexedDB;
    interface IDBOpenLike {
      onsuccess: (() => void) | null;
      onerror: (() => void) | null;
      result: { transaction(s: string): { objectStore(s: string): { get(k: string[]): { onsuccess: (() => void) | null; result: unknown } } }; close(): void };
    }
    const names = (await idb.databases()).map((d) => d.name).filter((n): n is string => !!n && n.startsWith('archive-reader-notes'));
    if (names.length === 0) return null;
    const db = await new Promise<IDBOpenLike['result']>((resolve, reject) => {
      const req = idb.open(names[0]!);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error('open failed'));
    });
    try {
      const row = await new Promise<unknown>((resolve) => {
        // Article state is keyed [archiveId, docId] (schema version 3).
        const get = db.transaction('articleState').objectStore('articleState').get([archive, id]);
        get.onsuccess = () => resolve(get.result);
      });
      return (row as Record<string, unknown> | undefined) ?? null;
    } finally {
      db.close();
    }
  }, [docId, archiveId] as const);
}

/** `s` matched literally inside a RegExp (a title with brackets or dots). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
