/**
 * How the reader paints highlights, in a real Chromium with real IndexedDB:
 * nested and overlapping ones, the one under a click, a hundred and more at
 * once, painted with the text when they were read ahead, not painted again
 * when the colour labels load, and a browser that cannot paint them.
 */
import { describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { readAheadDocAnnotations, readAnnotations, readColors, setColorLabel } from '../../db';
import { docText } from '../../../../src-main/shared/model';
import { ACTIVE_ATTR, PAINTED_ATTR, colorHighlight, highlightApi, layerFor, paintedIn } from '../../anchoring/highlighter';
import { annotatePhrase, clickHighlight, middleOfHighlight, mountReader, paintedHighlights as painted, PARAS, readerTestContext, testDoc } from './test-reader';

const t = readerTestContext();

describe('overlapping highlights', () => {
  it('renders nested and overlapping highlights; clicking the inner one opens it', async () => {
    const doc = testDoc(PARAS);
    // Found inside paragraph 1 (paragraph 0 also says "states").
    const from = docText(doc).indexOf('The heads of state');
    const mk = async (phrase: string, color: 'yellow' | 'blue' | 'pink') => (await annotatePhrase(t.db, doc, phrase, { color }, from)).id;
    const outer = await mk('heads of state discussed trends', 'yellow');
    const inner = await mk('state', 'blue');
    const overlap = await mk('trends in the development', 'pink');
    const view = await mountReader(t.db, doc);
    t.unmount = view.unmount;
    await vi.waitFor(() => expect(painted(view.host, overlap).length).toBeGreaterThan(0));
    expect(painted(view.host, outer).map((h) => h.text)).toEqual(['heads of state discussed trends']);
    expect(painted(view.host, overlap).map((h) => h.text)).toEqual(['trends in the development']);
    // The inner one lies inside the outer one: both are under its middle, the inner one first.
    const { x, y } = middleOfHighlight(view.host, inner);
    const container = view.host.querySelector<HTMLElement>('[data-paragraph]')!.parentElement!;
    expect(layerFor(container)?.idsAt(x, y)).toEqual([inner, outer]);

    clickHighlight(view.host, inner);
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
    const ids: string[] = [];
    for (const w of words) ids.push((await annotatePhrase(t.db, doc, w, { color: 'yellow', note: `note on *${w}*` })).id);
    const view = await mountReader(t.db, doc);
    t.unmount = view.unmount;
    await vi.waitFor(() => expect(painted(view.host)).toHaveLength(N));
    expect(painted(view.host).map((h) => h.text)).toEqual(words);
    expect(painted(view.host).every((h) => h.registered)).toBe(true);
    // The cards beyond the first screenful arrive in idle time; all of them, in text order.
    await vi.waitFor(() => expect(view.host.querySelectorAll('[data-annotation-card]')).toHaveLength(N), { timeout: 5000 });
    expect(Array.from(view.host.querySelectorAll('[data-annotation-card]')).map((c) => c.getAttribute('data-annotation-card'))).toEqual(ids);
    // Every note is there; those near the screen are rendered as Markdown, the rest once scrolled near.
    const notes = Array.from(view.host.querySelectorAll('.ann-note-view'));
    expect(notes.map((n) => n.textContent!.replace(/\*/g, ''))).toEqual(words.map((w) => `note on ${w}`));
    // The Markdown pipeline is a chunk of its own, loaded when the first note comes near: compiled on first
    // use in a fresh test browser, which can take more than waitFor's default second on a busy machine. A note
    // rendered is a new element (MarkdownView), so it is looked up again each time.
    const noteEm = (id: string) => view.host.querySelector(`[data-annotation-card="${id}"] .ann-note-view em`)?.textContent;
    await vi.waitFor(() => expect(noteEm(ids[0]!)).toBe(words[0]), { timeout: 10_000 });
    const last = view.host.querySelector<HTMLElement>(`[data-annotation-card="${ids[N - 1]}"] .ann-note-view`)!;
    expect(last.querySelector('em')).toBeNull();
    last.scrollIntoView();
    await vi.waitFor(() => expect(noteEm(ids[N - 1]!)).toBe(words[N - 1]), { timeout: 5000 });

    clickHighlight(view.host, ids[N - 1]);
    await vi.waitFor(() => expect(view.host.querySelector(`[data-annotation-card="${ids[N - 1]}"]`)?.getAttribute('aria-current')).toBe('true'));
  });
});

describe('opening an article', () => {
  it('shows its highlights with its first paragraphs when they were read while the text loaded', async () => {
    const doc = testDoc(PARAS);
    for (const w of ['Minsk', 'heads of state', 'Khachaturov']) await annotatePhrase(t.db, doc, w, { color: 'green', note: '' });
    // What the reader does on the route change, before the host has answered with the text.
    readAheadDocAnnotations(t.db, doc.id);
    await vi.waitFor(async () => expect((await readAnnotations(t.db, doc.id)).rows).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 50));
    // Each time the page changes: are there paragraphs without their highlights?
    const seen: { paragraphs: number; highlights: number }[] = [];
    const paintedIds = () => new Set([...document.querySelectorAll(`[${PAINTED_ATTR}]`)].flatMap((p) => paintedIn(p).map((h) => h.id))).size;
    const watch = new MutationObserver(() =>
      seen.push({ paragraphs: document.querySelectorAll('[data-paragraph]').length, highlights: paintedIds() }),
    );
    watch.observe(document.body, { childList: true, subtree: true, attributeFilter: [PAINTED_ATTR] });
    const view = await mountReader(t.db, doc);
    t.unmount = view.unmount;
    await vi.waitFor(() => expect(painted(view.host).map((h) => h.text)).toEqual(['Minsk', 'heads of state', 'Khachaturov']));
    watch.disconnect();
    // The first time the text was on the page, its highlights were too: never a text without them.
    expect(seen.find((s) => s.paragraphs > 0)).toEqual({ paragraphs: 3, highlights: 3 });
  });
});

describe('colour labels', () => {
  it('paints the highlights once as the stored labels load, and names them by a label renamed later', async () => {
    const doc = testDoc(PARAS);
    await annotatePhrase(t.db, doc, 'Minsk', { color: 'green', note: '' });
    // As on a route change: the highlights are read before the reader (and its colour labels) mounts.
    readAheadDocAnnotations(t.db, doc.id);
    await new Promise((done) => setTimeout(done, 50));
    // The first highlight range put on the page (before the labels are read).
    let first: Range | undefined;
    const watch = new MutationObserver(() => (first ??= painted(document.body)[0]?.ranges[0]));
    watch.observe(document.body, { childList: true, subtree: true, attributeFilter: [PAINTED_ATTR] });
    const view = await mountReader(t.db, doc);
    t.unmount = view.unmount;
    await vi.waitFor(() => expect(first).toBeDefined());
    watch.disconnect();
    // The labels are read after the reader mounts; the same labels are no reason to paint every highlight again
    // (a highlight being flashed, or the one a click just opened, would lose its state).
    await vi.waitFor(async () => expect((await readColors(t.db)).length).toBeGreaterThan(0));
    await new Promise((done) => setTimeout(done, 200));
    expect(highlightApi()?.highlights.get(colorHighlight('green'))?.has(first!)).toBe(true);

    const renamed = await setColorLabel(t.db, 'green', 'Checked');
    if (!renamed.ok) throw new Error('rename failed');
    // The pointer over the highlight names it by its colour's label.
    const id = painted(view.host)[0].id;
    await vi.waitFor(() => {
      const { x, y, target } = middleOfHighlight(view.host, id);
      target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
      expect(target.closest('[data-paragraph]')?.getAttribute('title')).toBe('Checked');
    });
  });
});

describe('a browser without the CSS Custom Highlight API (Firefox before 140)', () => {
  it('lists the highlights in the sidebar, says it cannot paint them, and still opens one from its card', async () => {
    const doc = testDoc(PARAS);
    const r = await annotatePhrase(t.db, doc, 'Minsk', { color: 'green', note: '' });
    const own = Object.getOwnPropertyDescriptor(CSS, 'highlights');
    Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true });
    try {
      expect(highlightApi()).toBeNull();
      const view = await mountReader(t.db, doc);
      t.unmount = view.unmount;
      await expect.element(page.getByText('This browser cannot paint highlights into the text')).toBeVisible();
      const card = view.host.querySelector<HTMLElement>(`[data-annotation-card="${r.id}"]`)!;
      expect(card.textContent).toContain('Minsk');
      // Nothing breaks on the way: the reader still knows where the highlight is, and its card opens it.
      expect(painted(view.host, r.id).map((h) => [h.text, h.registered])).toEqual([['Minsk', false]]);
      card.querySelector<HTMLElement>('.ann-quote')!.click();
      await vi.waitFor(() => expect(card.getAttribute('aria-current')).toBe('true'));
      expect(view.host.querySelector(`[${ACTIVE_ATTR}]`)?.getAttribute(ACTIVE_ATTR)).toBe(r.id);
    } finally {
      // Only an own property was added over the prototype's accessor: taking it away restores the API.
      if (own) Object.defineProperty(CSS, 'highlights', own);
      else delete (CSS as unknown as Record<string, unknown>).highlights;
      expect(highlightApi()).not.toBeNull();
    }
  });
});
