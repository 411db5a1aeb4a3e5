/**
 * The annotation UI in a real Chromium with real IndexedDB: select text,
 * highlight in a colour, write a Markdown note and a tag, reload and find it
 * in place; delete and undo; nested highlights; orphans and re-attaching;
 * hostile notes rendered inert; a full disk that keeps the typed text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createAnnotation, readAheadDocAnnotations, readAnnotations, readColors, setColorLabel, type NotesDatabase } from '../../db';
import { freshDb } from '../../db/test-helpers';
import { describeOffsets } from '../../../../src-main/shared/notes/anchoring/anchor';
import { docText } from '../../../../src-main/shared/model';
import { mountReader, selectInParagraph, testDoc } from './test-reader';
import { renderMarkdown } from '../../../../src-main/shared/notes/markdown';

const PARAS = [
  'A session of the Collective Security Council was held in Minsk. The CSC includes the heads of the CSTO member states.',
  'The heads of state discussed trends in the development of the international situation.',
  'The CSTO Secretary General, Yuri Khachaturov, took part in it.',
];

let db: NotesDatabase;
let dispose: () => Promise<void>;
let unmount: (() => void) | undefined;

beforeEach(async () => {
  ({ db, dispose } = await freshDb());
});
afterEach(async () => {
  unmount?.();
  unmount = undefined;
  window.getSelection()?.removeAllRanges();
  await dispose();
});

const marks = (host: HTMLElement, id?: string) =>
  Array.from(host.querySelectorAll<HTMLElement>(id ? `mark[data-annotation-id="${id}"]` : 'mark[data-annotation-id]'));

describe('highlighting from a selection', () => {
  it('selects text, highlights it in a colour, adds a Markdown note and a tag; after a reload it is in the same place', async () => {
    const doc = testDoc(PARAS);
    let view = await mountReader(db, doc);
    unmount = view.unmount;
    const start = PARAS[1].indexOf('discussed trends');
    selectInParagraph(view.host, 1, start, start + 'discussed trends'.length);

    await expect.element(page.getByRole('button', { name: 'Highlight', exact: true })).toBeVisible();
    await page.getByRole('radio', { name: 'Evidence' }).click();
    await page.getByRole('button', { name: 'Add note' }).click();

    const note = page.getByRole('textbox', { name: 'Note', exact: true });
    await expect.element(note).toHaveFocus();
    await userEvent.fill(note, 'Trends **matter** here');
    await vi.waitFor(async () => expect((await readAnnotations(db)).rows[0]?.note).toBe('Trends **matter** here'));

    await userEvent.fill(page.getByRole('combobox', { name: 'Tags', exact: true }), 'Minsk');
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(async () => expect((await readAnnotations(db)).rows[0]?.tags).toEqual(['Minsk']));

    const [row] = (await readAnnotations(db)).rows;
    expect(row).toMatchObject({ color: 'green', quote: { exact: 'discussed trends' } });
    expect(marks(view.host, row.id).map((m) => m.textContent).join('')).toBe('discussed trends');

    // Reload: a fresh reader over the same database.
    view.unmount();
    view = await mountReader(db, doc);
    unmount = view.unmount;
    await vi.waitFor(() => expect(marks(view.host, row.id)).toHaveLength(1));
    const mark = marks(view.host, row.id)[0];
    expect(mark.textContent).toBe('discussed trends');
    expect(mark.closest('[data-paragraph]')!.getAttribute('data-paragraph')).toBe('1');
    expect(mark.dataset.color).toBe('green');
    const sidebar = page.getByRole('complementary', { name: 'Annotations' });
    await expect.element(sidebar.getByText('matter')).toBeVisible();
    await vi.waitFor(() => expect(view.host.querySelector('.ann-note-view strong')?.textContent).toBe('matter'));
  });

  it('two tags typed quickly one after the other stay two tags', async () => {
    const view = await mountReader(db, testDoc(PARAS));
    unmount = view.unmount;
    selectInParagraph(view.host, 0, 0, 'A session'.length);
    await page.getByRole('button', { name: 'Add note' }).click();
    await userEvent.click(page.getByRole('combobox', { name: 'Tags', exact: true }));
    // No pause between the first Enter and the next word: the field must already be empty for it.
    await userEvent.keyboard('граница{Enter}Afghanistan{Enter}');
    await vi.waitFor(async () => expect((await readAnnotations(db)).rows[0]?.tags).toEqual(['граница', 'Afghanistan']));
    await expect.element(page.getByRole('combobox', { name: 'Tags', exact: true })).toHaveValue('');
  });

  it('shows no toolbar for an empty selection or one outside the article', async () => {
    const view = await mountReader(db, testDoc(PARAS));
    unmount = view.unmount;
    const outside = document.createElement('p');
    outside.textContent = 'Not part of the article';
    document.body.appendChild(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    await new Promise((r) => setTimeout(r, 300));
    expect(document.querySelector('[role="toolbar"]')).toBeNull();
    outside.remove();
  });

  it('highlights across paragraphs', async () => {
    const view = await mountReader(db, testDoc(PARAS));
    unmount = view.unmount;
    const p0 = view.host.querySelector('[data-paragraph="0"]')!.firstChild as Text;
    const p1 = view.host.querySelector('[data-paragraph="1"]')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(p0, PARAS[0].indexOf('member states'));
    range.setEnd(p1, 'The heads'.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await vi.waitFor(() => expect(marks(view.host).length).toBe(2));
    expect(marks(view.host).map((m) => m.textContent)).toEqual(['member states.', 'The heads']);
    const [row] = (await readAnnotations(db)).rows;
    expect(row.quote.exact).toBe('member states.\n\nThe heads');
  });
});

describe('delete and undo', () => {
  it('deletes a highlight and brings it back with Undo', async () => {
    const doc = testDoc(PARAS);
    const text = docText(doc);
    const at = text.indexOf('Yuri Khachaturov');
    const created = await createAnnotation(db, { docId: doc.id, color: 'pink', textHash: doc.textHash, note: 'who?', ...describeOffsets(text, at, at + 16) });
    if (!created.ok) throw new Error('create failed');
    const view = await mountReader(db, doc);
    unmount = view.unmount;
    await vi.waitFor(() => expect(marks(view.host, created.value.id)).toHaveLength(1));

    await page.getByRole('button', { name: 'Delete' }).click();
    await vi.waitFor(() => expect(marks(view.host)).toHaveLength(0));
    expect((await readAnnotations(db)).rows).toEqual([]);

    await page.getByRole('button', { name: 'Undo' }).click();
    await vi.waitFor(() => expect(marks(view.host, created.value.id)).toHaveLength(1));
    expect((await readAnnotations(db)).rows).toEqual([created.value]);
  });
});

describe('passage links', () => {
  it('opens the article at the annotation a link names', async () => {
    const doc = testDoc(PARAS);
    const text = docText(doc);
    const at = text.indexOf('took part');
    const created = await createAnnotation(db, { docId: doc.id, color: 'blue', textHash: doc.textHash, ...describeOffsets(text, at, at + 9) });
    if (!created.ok) throw new Error('create failed');
    const view = await mountReader(db, doc, created.value.id);
    unmount = view.unmount;
    await vi.waitFor(() => expect(view.host.querySelector(`[data-annotation-card="${created.value.id}"]`)?.getAttribute('aria-current')).toBe('true'));
    await vi.waitFor(() => expect(marks(view.host, created.value.id)[0]?.classList.contains('ar-highlight-active')).toBe(true));
  });
});

describe('overlapping highlights', () => {
  it('renders nested and overlapping highlights; clicking the inner one opens it', async () => {
    const doc = testDoc(PARAS);
    const text = docText(doc);
    const mk = async (phrase: string, color: 'yellow' | 'blue' | 'pink') => {
      // Found inside paragraph 1 (paragraph 0 also says "states").
      const at = text.indexOf(phrase, text.indexOf('The heads of state'));
      const r = await createAnnotation(db, { docId: doc.id, color, textHash: doc.textHash, ...describeOffsets(text, at, at + phrase.length) });
      if (!r.ok) throw new Error('create failed');
      return r.value.id;
    };
    const outer = await mk('heads of state discussed trends', 'yellow');
    const inner = await mk('state', 'blue');
    const overlap = await mk('trends in the development', 'pink');
    const view = await mountReader(db, doc);
    unmount = view.unmount;
    await vi.waitFor(() => expect(marks(view.host, overlap).length).toBeGreaterThan(0));
    expect(marks(view.host, outer).map((m) => m.textContent).join('')).toBe('heads of state discussed trends');
    expect(marks(view.host, inner)[0].closest(`mark[data-annotation-id="${outer}"]`)).not.toBeNull();
    expect(marks(view.host, overlap).map((m) => m.textContent).join('')).toBe('trends in the development');

    marks(view.host, inner)[0].click();
    await vi.waitFor(() => expect(view.host.querySelector(`[data-annotation-card="${inner}"]`)?.getAttribute('aria-current')).toBe('true'));
    // The sidebar lists them in text order.
    const cards = Array.from(view.host.querySelectorAll('[data-annotation-card]')).map((c) => c.getAttribute('data-annotation-card'));
    expect(cards).toEqual([outer, inner, overlap]);
  });
});

describe('an article with many highlights', () => {
  it('paints every highlight, lists every card in text order, and a click on the last one opens its card', async () => {
    const N = 120;
    const words = Array.from({ length: N }, (_, i) => `term${String(i).padStart(3, '0')}`);
    const paras = [0, 1, 2, 3].map((p) => words.slice(p * 30, p * 30 + 30).join(' ') + '.');
    const doc = testDoc(paras);
    const text = docText(doc);
    const ids: string[] = [];
    for (const w of words) {
      const at = text.indexOf(w);
      const r = await createAnnotation(db, { docId: doc.id, color: 'yellow', textHash: doc.textHash, note: `note on *${w}*`, ...describeOffsets(text, at, at + w.length) });
      if (!r.ok) throw new Error('create failed');
      ids.push(r.value.id);
    }
    const view = await mountReader(db, doc);
    unmount = view.unmount;
    await vi.waitFor(() => expect(new Set(marks(view.host).map((m) => m.dataset.annotationId)).size).toBe(N));
    expect(marks(view.host).map((m) => m.textContent)).toEqual(words);
    // The cards beyond the first screenful arrive in idle time; all of them, in text order.
    await vi.waitFor(() => expect(view.host.querySelectorAll('[data-annotation-card]')).toHaveLength(N), { timeout: 5000 });
    expect(Array.from(view.host.querySelectorAll('[data-annotation-card]')).map((c) => c.getAttribute('data-annotation-card'))).toEqual(ids);
    // Every note is there; those near the screen are rendered as Markdown, the rest once scrolled near.
    const notes = Array.from(view.host.querySelectorAll('.ann-note-view'));
    expect(notes.map((n) => n.textContent!.replace(/\*/g, ''))).toEqual(words.map((w) => `note on ${w}`));
    await vi.waitFor(() => expect(notes[0].querySelector('em')?.textContent).toBe(words[0]));
    const last = view.host.querySelector<HTMLElement>(`[data-annotation-card="${ids[N - 1]}"] .ann-note-view`)!;
    expect(last.querySelector('em')).toBeNull();
    last.scrollIntoView();
    await vi.waitFor(() => expect(view.host.querySelector(`[data-annotation-card="${ids[N - 1]}"] .ann-note-view em`)?.textContent).toBe(words[N - 1]));

    marks(view.host, ids[N - 1])[0].click();
    await vi.waitFor(() => expect(view.host.querySelector(`[data-annotation-card="${ids[N - 1]}"]`)?.getAttribute('aria-current')).toBe('true'));
  });
});

describe('opening an article', () => {
  it('shows its highlights with its first paragraphs when they were read while the text loaded', async () => {
    const doc = testDoc(PARAS);
    const text = docText(doc);
    for (const w of ['Minsk', 'heads of state', 'Khachaturov']) {
      const at = text.indexOf(w);
      const r = await createAnnotation(db, { docId: doc.id, color: 'green', textHash: doc.textHash, note: '', ...describeOffsets(text, at, at + w.length) });
      if (!r.ok) throw new Error('create failed');
    }
    // What the reader does on the route change, before the host has answered with the text.
    readAheadDocAnnotations(db, doc.id);
    await vi.waitFor(async () => expect((await readAnnotations(db, doc.id)).rows).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 50));
    // Each time the page changes: are there paragraphs without their highlights?
    const seen: { paragraphs: number; marks: number }[] = [];
    const watch = new MutationObserver(() =>
      seen.push({ paragraphs: document.querySelectorAll('[data-paragraph]').length, marks: document.querySelectorAll('mark[data-annotation-id]').length }),
    );
    watch.observe(document.body, { childList: true, subtree: true });
    const view = await mountReader(db, doc);
    unmount = view.unmount;
    await vi.waitFor(() => expect(marks(view.host).map((m) => m.textContent)).toEqual(['Minsk', 'heads of state', 'Khachaturov']));
    watch.disconnect();
    // The first time the text was on the page, its highlights were too: never a text without them.
    expect(seen.find((s) => s.paragraphs > 0)).toEqual({ paragraphs: 3, marks: 3 });
  });
});

describe('colour labels', () => {
  it('paints the highlights once as the stored labels load, and names them by a label renamed later', async () => {
    const doc = testDoc(PARAS);
    const text = docText(doc);
    const at = text.indexOf('Minsk');
    const r = await createAnnotation(db, { docId: doc.id, color: 'green', textHash: doc.textHash, note: '', ...describeOffsets(text, at, at + 5) });
    if (!r.ok) throw new Error('create failed');
    // As on a route change: the highlights are read before the reader (and its colour labels) mounts.
    readAheadDocAnnotations(db, doc.id);
    await new Promise((done) => setTimeout(done, 50));
    // The first highlight element put on the page (before the labels are read).
    let painted: Element | undefined;
    const watch = new MutationObserver(() => (painted ??= document.querySelector('mark[data-annotation-id]') ?? undefined));
    watch.observe(document.body, { childList: true, subtree: true });
    const view = await mountReader(db, doc);
    unmount = view.unmount;
    await vi.waitFor(() => expect(painted).toBeDefined());
    watch.disconnect();
    // The labels are read after the reader mounts; the same labels are no reason to paint every highlight again
    // (a highlight being flashed, or the one a click just opened, would lose its state).
    await vi.waitFor(async () => expect((await readColors(db)).length).toBeGreaterThan(0));
    await new Promise((done) => setTimeout(done, 200));
    expect(painted!.isConnected).toBe(true);

    const renamed = await setColorLabel(db, 'green', 'Checked');
    if (!renamed.ok) throw new Error('rename failed');
    await vi.waitFor(() => expect(marks(view.host)[0]?.title).toBe('Checked'));
  });
});

describe('orphans', () => {
  it('lists an orphan last with its quote and note, and re-attaches it to a new selection', async () => {
    const doc = testDoc(PARAS);
    const text = docText(doc);
    const at = text.indexOf('Minsk');
    const placed = await createAnnotation(db, { docId: doc.id, color: 'yellow', textHash: doc.textHash, ...describeOffsets(text, at, at + 5) });
    const orphan = await createAnnotation(db, {
      docId: doc.id,
      color: 'pink',
      textHash: 'old-hash',
      note: 'from an older version',
      quote: { type: 'TextQuoteSelector', exact: 'a paragraph the editors removed entirely', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 10, end: 50 },
    });
    if (!placed.ok || !orphan.ok) throw new Error('create failed');
    const view = await mountReader(db, doc);
    unmount = view.unmount;
    await expect.element(page.getByText('Could not be placed (1)')).toBeVisible();
    const cards = Array.from(view.host.querySelectorAll('[data-annotation-card]')).map((c) => c.getAttribute('data-annotation-card'));
    expect(cards).toEqual([placed.value.id, orphan.value.id]);
    await expect.element(page.getByText('from an older version')).toBeVisible();
    expect(marks(view.host, orphan.value.id)).toHaveLength(0);

    await page.getByRole('button', { name: 'Re-attach', exact: true }).click();
    const start = PARAS[2].indexOf('took part');
    selectInParagraph(view.host, 2, start, start + 'took part'.length);
    await page.getByRole('button', { name: 'Re-attach here' }).click();
    await vi.waitFor(() => expect(marks(view.host, orphan.value.id).map((m) => m.textContent).join('')).toBe('took part'));
    const row = (await readAnnotations(db)).rows.find((r) => r.id === orphan.value.id)!;
    expect(row).toMatchObject({ note: 'from an older version', textHash: doc.textHash, quote: { exact: 'took part' } });
  });
});

describe('notes are rendered inert', () => {
  const hostile = [
    '<script>window.__pwned = 1</script>',
    '<img src=x onerror="window.__pwned = 2">',
    '[click](javascript:window.__pwned=3)',
    '<a href="javascript:window.__pwned=4">x</a>',
    '![x](x" onerror="window.__pwned=5)',
    '<svg onload="window.__pwned=6"></svg>',
    '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  ];

  it('renders no script, handler, image or javascript: link, and keeps http links opening outside', () => {
    for (const src of hostile) {
      const html = renderMarkdown(src);
      const div = document.createElement('div');
      div.innerHTML = html;
      expect(div.querySelector('script, img, svg, iframe, [onerror], [onload]')).toBeNull();
      for (const a of div.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.toMatch(/^(javascript|data):/i);
    }
    const link = document.createElement('div');
    link.innerHTML = renderMarkdown('[report](https://example.org/r) and <b>raw</b>');
    const a = link.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://example.org/r');
    expect(a.target).toBe('_blank');
    expect(a.rel).toBe('noopener noreferrer');
    expect(link.textContent).toContain('<b>raw</b>');
  });

  it('shows hostile notes in the sidebar without running them', async () => {
    const doc = testDoc(PARAS);
    const text = docText(doc);
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    for (const [i, note] of hostile.entries()) {
      const at = text.indexOf('Council') + i;
      await createAnnotation(db, { docId: doc.id, color: 'yellow', textHash: doc.textHash, note, ...describeOffsets(text, at, at + 3) });
    }
    const view = await mountReader(db, doc);
    unmount = view.unmount;
    // Rendered (not the plain text a note shows until it is near the screen and the pipeline has loaded).
    await vi.waitFor(() => expect(view.host.querySelectorAll('.ann-note-view:not(.markdown-pending)')).toHaveLength(hostile.length));
    for (const a of view.host.querySelectorAll('.ann-note-view a')) (a as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 100));
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(view.host.querySelector('.ann-note-view img, .ann-note-view script, .ann-note-view svg')).toBeNull();
    expect(view.host.textContent).toContain('<script>window.__pwned = 1</script>');
  });
});

describe('a full disk while typing', () => {
  it('shows a message, keeps the typed text, and saves it once space is back', async () => {
    const doc = testDoc(PARAS);
    const text = docText(doc);
    const at = text.indexOf('Minsk');
    const created = await createAnnotation(db, { docId: doc.id, color: 'yellow', textHash: doc.textHash, note: 'saved', ...describeOffsets(text, at, at + 5) });
    if (!created.ok) throw new Error('create failed');
    const view = await mountReader(db, doc);
    unmount = view.unmount;
    await page.getByRole('button', { name: 'Edit' }).click();

    const proto = IDBObjectStore.prototype;
    const saved = proto.put;
    proto.put = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      await userEvent.fill(page.getByRole('textbox', { name: 'Note', exact: true }), 'typed while the disk was full');
      await expect.element(page.getByText(/disk is full/).first()).toBeVisible();
      await expect.element(page.getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('typed while the disk was full');
      expect((await readAnnotations(db)).rows[0].note).toBe('saved');
    } finally {
      proto.put = saved;
    }
    await page.getByRole('button', { name: 'Retry' }).click();
    await vi.waitFor(async () => expect((await readAnnotations(db)).rows[0].note).toBe('typed while the disk was full'));
  });
});
