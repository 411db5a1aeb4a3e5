/**
 * The annotation UI in a real Chromium with real IndexedDB: select text,
 * highlight in a colour, write a Markdown note and a tag, reload and find it
 * in place; delete and undo; passage links; orphans and re-attaching;
 * hostile notes rendered inert; a full disk that keeps the typed text. How
 * highlights are painted is in highlight-painting.browser.test.tsx.
 */
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createAnnotation, readAnnotations } from '../../db';
import { describeOffsets } from '../../../../src-main/shared/notes/anchoring/anchor';
import { docText } from '../../../../src-main/shared/model';
import { mountReader, paintedHighlights as painted, PARAS, readerTestContext, selectInParagraph, testDoc } from './test-reader';
import { ACTIVE_ATTR, ACTIVE_HIGHLIGHT, colorHighlight, highlightApi } from '../../anchoring/highlighter';
import { renderMarkdown } from '../../../../src-main/shared/notes/markdown';

const t = readerTestContext();

/** Each painted range's text, in painting order. */
const rangeTexts = (host: HTMLElement) => painted(host).flatMap((h) => h.ranges.map((r) => r.toString()));

describe('highlighting from a selection', () => {
  it('selects text, highlights it in a colour, adds a Markdown note and a tag; after a reload it is in the same place', async () => {
    const doc = testDoc(PARAS);
    let view = await mountReader(t.db, doc);
    t.unmount = view.unmount;
    const start = PARAS[1].indexOf('discussed trends');
    selectInParagraph(view.host, 1, start, start + 'discussed trends'.length);

    await expect.element(page.getByRole('button', { name: 'Highlight', exact: true })).toBeVisible();
    await page.getByRole('radio', { name: 'Evidence' }).click();
    await page.getByRole('button', { name: 'Add note' }).click();

    const note = page.getByRole('textbox', { name: 'Note', exact: true });
    await expect.element(note).toHaveFocus();
    await userEvent.fill(note, 'Trends **matter** here');
    await vi.waitFor(async () => expect((await readAnnotations(t.db)).rows[0]?.note).toBe('Trends **matter** here'));

    await userEvent.fill(page.getByRole('combobox', { name: 'Tags', exact: true }), 'Minsk');
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(async () => expect((await readAnnotations(t.db)).rows[0]?.tags).toEqual(['Minsk']));

    const [row] = (await readAnnotations(t.db)).rows;
    expect(row).toMatchObject({ color: 'green', quote: { exact: 'discussed trends' } });
    expect(painted(view.host, row.id).map((h) => h.text)).toEqual(['discussed trends']);

    // Reload: a fresh reader over the same database.
    view.unmount();
    view = await mountReader(t.db, doc);
    t.unmount = view.unmount;
    await vi.waitFor(() => expect(painted(view.host, row.id)).toHaveLength(1));
    expect(painted(view.host, row.id)[0]).toMatchObject({ text: 'discussed trends', paragraph: 1, color: 'green', registered: true });
    const sidebar = page.getByRole('complementary', { name: 'Annotations' });
    await expect.element(sidebar.getByText('matter')).toBeVisible();
    await vi.waitFor(() => expect(view.host.querySelector('.ann-note-view strong')?.textContent).toBe('matter'));
  });

  it('two tags typed quickly one after the other stay two tags', async () => {
    const view = await mountReader(t.db, testDoc(PARAS));
    t.unmount = view.unmount;
    selectInParagraph(view.host, 0, 0, 'A session'.length);
    await page.getByRole('button', { name: 'Add note' }).click();
    await userEvent.click(page.getByRole('combobox', { name: 'Tags', exact: true }));
    // No pause between the first Enter and the next word: the field must already be empty for it.
    await userEvent.keyboard('граница{Enter}Afghanistan{Enter}');
    await vi.waitFor(async () => expect((await readAnnotations(t.db)).rows[0]?.tags).toEqual(['граница', 'Afghanistan']));
    await expect.element(page.getByRole('combobox', { name: 'Tags', exact: true })).toHaveValue('');
  });

  it('shows no toolbar for an empty selection or one outside the article', async () => {
    const view = await mountReader(t.db, testDoc(PARAS));
    t.unmount = view.unmount;
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
    const view = await mountReader(t.db, testDoc(PARAS));
    t.unmount = view.unmount;
    const p0 = view.host.querySelector('[data-paragraph="0"]')!.firstChild as Text;
    const p1 = view.host.querySelector('[data-paragraph="1"]')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(p0, PARAS[0].indexOf('member states'));
    range.setEnd(p1, 'The heads'.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await vi.waitFor(() => expect(rangeTexts(view.host)).toEqual(['member states.', 'The heads']));
    const [row] = (await readAnnotations(t.db)).rows;
    expect(row.quote.exact).toBe('member states.\n\nThe heads');
  });
});

describe('delete and undo', () => {
  it('deletes a highlight and brings it back with Undo', async () => {
    const doc = testDoc(PARAS);
    const text = docText(doc);
    const at = text.indexOf('Yuri Khachaturov');
    const created = await createAnnotation(t.db, { docId: doc.id, color: 'pink', textHash: doc.textHash, note: 'who?', ...describeOffsets(text, at, at + 16) });
    if (!created.ok) throw new Error('create failed');
    const view = await mountReader(t.db, doc);
    t.unmount = view.unmount;
    await vi.waitFor(() => expect(painted(view.host, created.value.id)).toHaveLength(1));

    await page.getByRole('button', { name: 'Delete' }).click();
    await vi.waitFor(() => expect(painted(view.host)).toHaveLength(0));
    expect(highlightApi()?.highlights.get(colorHighlight('pink'))?.size ?? 0).toBe(0);
    expect((await readAnnotations(t.db)).rows).toEqual([]);

    await page.getByRole('button', { name: 'Undo' }).click();
    await vi.waitFor(() => expect(painted(view.host, created.value.id)).toMatchObject([{ text: 'Yuri Khachaturov', registered: true }]));
    expect((await readAnnotations(t.db)).rows).toEqual([created.value]);
  });
});

describe('passage links', () => {
  it('opens the article at the annotation a link names', async () => {
    const doc = testDoc(PARAS);
    const text = docText(doc);
    const at = text.indexOf('took part');
    const created = await createAnnotation(t.db, { docId: doc.id, color: 'blue', textHash: doc.textHash, ...describeOffsets(text, at, at + 9) });
    if (!created.ok) throw new Error('create failed');
    const view = await mountReader(t.db, doc, created.value.id);
    t.unmount = view.unmount;
    await vi.waitFor(() => expect(view.host.querySelector(`[data-annotation-card="${created.value.id}"]`)?.getAttribute('aria-current')).toBe('true'));
    await vi.waitFor(() => expect(view.host.querySelector(`[${ACTIVE_ATTR}]`)?.getAttribute(ACTIVE_ATTR)).toBe(created.value.id));
    const active = [...((highlightApi()?.highlights.get(ACTIVE_HIGHLIGHT) ?? []) as Iterable<Range>)].map((r) => r.toString());
    expect(active).toEqual(['took part']);
  });
});

describe('orphans', () => {
  it('lists an orphan last with its quote and note, and re-attaches it to a new selection', async () => {
    const doc = testDoc(PARAS);
    const text = docText(doc);
    const at = text.indexOf('Minsk');
    const placed = await createAnnotation(t.db, { docId: doc.id, color: 'yellow', textHash: doc.textHash, ...describeOffsets(text, at, at + 5) });
    const orphan = await createAnnotation(t.db, {
      docId: doc.id,
      color: 'pink',
      textHash: 'old-hash',
      note: 'from an older version',
      quote: { type: 'TextQuoteSelector', exact: 'a paragraph the editors removed entirely', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 10, end: 50 },
    });
    if (!placed.ok || !orphan.ok) throw new Error('create failed');
    const view = await mountReader(t.db, doc);
    t.unmount = view.unmount;
    await expect.element(page.getByText('Could not be placed (1)')).toBeVisible();
    const cards = Array.from(view.host.querySelectorAll('[data-annotation-card]')).map((c) => c.getAttribute('data-annotation-card'));
    expect(cards).toEqual([placed.value.id, orphan.value.id]);
    await expect.element(page.getByText('from an older version')).toBeVisible();
    expect(painted(view.host, orphan.value.id)).toHaveLength(0);

    await page.getByRole('button', { name: 'Re-attach', exact: true }).click();
    const start = PARAS[2].indexOf('took part');
    selectInParagraph(view.host, 2, start, start + 'took part'.length);
    await page.getByRole('button', { name: 'Re-attach here' }).click();
    await vi.waitFor(() => expect(painted(view.host, orphan.value.id).map((h) => h.text)).toEqual(['took part']));
    const row = (await readAnnotations(t.db)).rows.find((r) => r.id === orphan.value.id)!;
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
      await createAnnotation(t.db, { docId: doc.id, color: 'yellow', textHash: doc.textHash, note, ...describeOffsets(text, at, at + 3) });
    }
    const view = await mountReader(t.db, doc);
    t.unmount = view.unmount;
    // Rendered (not the plain text a note shows until it is near the screen and the pipeline has loaded).
    // The Markdown pipeline's chunk may be compiled for the first time here (highlight-painting's test says more).
    await vi.waitFor(() => expect(view.host.querySelectorAll('.ann-note-view:not(.markdown-pending)')).toHaveLength(hostile.length), { timeout: 10_000 });
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
    const created = await createAnnotation(t.db, { docId: doc.id, color: 'yellow', textHash: doc.textHash, note: 'saved', ...describeOffsets(text, at, at + 5) });
    if (!created.ok) throw new Error('create failed');
    const view = await mountReader(t.db, doc);
    t.unmount = view.unmount;
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
      expect((await readAnnotations(t.db)).rows[0].note).toBe('saved');
    } finally {
      proto.put = saved;
    }
    await page.getByRole('button', { name: 'Retry' }).click();
    await vi.waitFor(async () => expect((await readAnnotations(t.db)).rows[0].note).toBe('typed while the disk was full'));
  });
});
