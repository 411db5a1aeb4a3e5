/**
 * Range <-> selectors and the highlighter, in a real Chromium DOM laid out
 * the way the reader renders a document: one element per paragraph with
 * data-paragraph, text in plain text nodes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { anchor } from '../../../src-main/shared/notes/anchoring/anchor';
import {
  annotationIdsAt,
  highlightElements,
  highlightInParagraph,
  highlightOffsets,
  highlightSlicesInParagraph,
  removeAllHighlights,
  removeHighlight,
} from './highlighter';
import { corpusDoc } from './test/corpus';
import { describe as describeRange, offsetsToRange, rangeToOffsets, type TextLayout } from './text-range';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

function render(paragraphs: string[]): TextLayout {
  const container = document.createElement('article');
  paragraphs.forEach((text, i) => {
    const p = document.createElement('p');
    p.setAttribute('data-paragraph', String(i));
    p.lang = 'en';
    p.textContent = text;
    container.appendChild(p);
  });
  document.body.appendChild(container);
  mounted.push(container);
  const starts: number[] = [];
  let pos = 0;
  for (const t of paragraphs) {
    starts.push(pos);
    pos += t.length + 2;
  }
  return { container, text: paragraphs.join('\n\n'), starts };
}

const para = (layout: TextLayout, i: number) => layout.container.querySelector(`[data-paragraph="${i}"]`)!;

describe('Range <-> offsets', () => {
  const paragraphs = ['First paragraph text.', 'Second one, a bit longer.', 'Third.'];

  it('maps a range inside a paragraph to offsets in docText and back', () => {
    const layout = render(paragraphs);
    const range = document.createRange();
    range.setStart(para(layout, 1).firstChild!, 7);
    range.setEnd(para(layout, 1).firstChild!, 10);
    const offsets = rangeToOffsets(layout, range)!;
    expect(layout.text.slice(offsets.start, offsets.end)).toBe('one');
    expect(offsetsToRange(layout, offsets.start, offsets.end)!.toString()).toBe('one');
  });

  it('maps a range across paragraphs, and describe() gives quote and position', () => {
    const layout = render(paragraphs);
    const range = document.createRange();
    range.setStart(para(layout, 0).firstChild!, 6);
    range.setEnd(para(layout, 2).firstChild!, 5);
    const sel = describeRange(layout, range)!;
    expect(sel.quote.exact).toBe('paragraph text.\n\nSecond one, a bit longer.\n\nThird');
    expect(sel.quote.prefix).toBe('First ');
    expect(sel.quote.suffix).toBe('.');
    expect(anchor(layout.text, sel)).toMatchObject({ status: 'anchored' });
  });

  it('clips a selection that starts or ends outside the article, and trims a triple-click', () => {
    const layout = render(paragraphs);
    const outside = document.createElement('p');
    outside.textContent = 'Outside the article';
    document.body.insertBefore(outside, layout.container);
    mounted.push(outside);
    const range = document.createRange();
    range.setStart(outside.firstChild!, 3);
    range.setEnd(para(layout, 1), 0); // a triple-click on paragraph 0 ends here
    const offsets = rangeToOffsets(layout, range)!;
    expect(layout.text.slice(offsets.start, offsets.end)).toBe('First paragraph text.');
  });

  it('answers null for a collapsed range, one outside the article, or only white space', () => {
    const layout = render(paragraphs);
    const collapsed = document.createRange();
    collapsed.setStart(para(layout, 0).firstChild!, 2);
    expect(rangeToOffsets(layout, collapsed)).toBeNull();
    const outside = document.createElement('div');
    outside.textContent = 'elsewhere';
    document.body.appendChild(outside);
    mounted.push(outside);
    const r = document.createRange();
    r.selectNodeContents(outside);
    expect(rangeToOffsets(layout, r)).toBeNull();
    const spaces = render(['a    b']);
    const ws = document.createRange();
    ws.setStart(para(spaces, 0).firstChild!, 1);
    ws.setEnd(para(spaces, 0).firstChild!, 5);
    expect(rangeToOffsets(spaces, ws)).toBeNull();
  });

  it('still maps correctly after highlights have split the text nodes', () => {
    const layout = render(paragraphs);
    highlightOffsets(layout, 3, 9, { id: 'a' });
    const range = document.createRange();
    const marks = highlightElements(layout.container, 'a');
    range.setStart(marks[0].firstChild!, 1); // 'st par' starts at 3: offset 4
    range.setEnd(para(layout, 0).lastChild!, 3); // 'agraph text.' starts at 9: offset 12
    expect(rangeToOffsets(layout, range)).toEqual({ start: 4, end: 12 });
    expect(range.toString()).toBe('t paragr');
  });
});

describe('highlighter', () => {
  it('wraps a range across paragraph boundaries in marks carrying the annotation id', () => {
    const layout = render(['Alpha beta gamma.', 'Delta epsilon.']);
    const start = layout.text.indexOf('gamma');
    const end = layout.text.indexOf(' epsilon');
    const marks = highlightOffsets(layout, start, end, { id: 'x1', background: 'rgba(255, 224, 102, 0.5)' });
    expect(marks.map((m) => m.textContent)).toEqual(['gamma.', 'Delta']);
    expect(marks.every((m) => m.tagName === 'MARK' && m.dataset.annotationId === 'x1')).toBe(true);
    // The block structure is untouched: marks sit inside the paragraphs.
    expect(marks[0].parentElement).toBe(para(layout, 0));
    expect(marks[1].parentElement).toBe(para(layout, 1));
  });

  it('renders overlapping and nested highlights, each clickable, and removes one cleanly', () => {
    const text = 'The heads of state discussed trends in the international situation.';
    const layout = render([text]);
    const at = (s: string) => text.indexOf(s);
    highlightOffsets(layout, at('heads'), at(' trends'), { id: 'outer' });
    highlightOffsets(layout, at('state'), at(' discussed'), { id: 'nested' });
    highlightOffsets(layout, at('discussed'), at(' situation'), { id: 'overlap' });

    const textOf = (id: string) => highlightElements(layout.container, id).map((m) => m.textContent).join('');
    expect(textOf('outer')).toBe('heads of state discussed');
    expect(textOf('nested')).toBe('state');
    expect(textOf('overlap')).toBe('discussed trends in the international');

    const nestedMark = highlightElements(layout.container, 'nested')[0];
    expect(annotationIdsAt(nestedMark.firstChild, layout.container)).toEqual(['nested', 'outer']);
    const overlapOnly = highlightElements(layout.container, 'overlap').at(-1)!;
    expect(annotationIdsAt(overlapOnly.firstChild, layout.container)).toEqual(['overlap']);
    // A click lands on the innermost mark.
    let clicked: string[] = [];
    layout.container.addEventListener('click', (e) => (clicked = annotationIdsAt(e.target as Node, layout.container)));
    nestedMark.click();
    expect(clicked[0]).toBe('nested');

    removeHighlight(layout.container, 'outer');
    expect(highlightElements(layout.container, 'outer')).toEqual([]);
    expect(textOf('nested')).toBe('state');
    expect(textOf('overlap')).toBe('discussed trends in the international');
    expect(para(layout, 0).textContent).toBe(text);

    removeAllHighlights(layout.container);
    expect(para(layout, 0).innerHTML).toBe(text);
    expect(para(layout, 0).childNodes).toHaveLength(1);
  });

  it('keeps the original text node (the one a framework holds) once highlights are gone', () => {
    const layout = render(['Some paragraph text here.']);
    const original = para(layout, 0).firstChild;
    highlightOffsets(layout, 0, 4, { id: 'a' });
    highlightOffsets(layout, 10, 14, { id: 'b' });
    removeHighlight(layout.container, 'a');
    removeHighlight(layout.container, 'b');
    expect(para(layout, 0).firstChild).toBe(original);
    expect((original as Text).data).toBe('Some paragraph text here.');
  });

  it('highlights a re-anchored quote on a real corpus article after an edit', () => {
    const doc = corpusDoc(0);
    const passage = 'The CSTO Secretary General, Yuri Khachaturov, took part in it.';
    const at = doc.text.indexOf(passage);
    const layoutBefore = render(doc.paragraphs.map((p) => p.text));
    const range = offsetsToRange(layoutBefore, at, at + passage.length)!;
    const sel = describeRange(layoutBefore, range)!;
    expect(sel.quote.exact).toBe(passage);

    const editedParas = ['A paragraph added at the top.', ...doc.paragraphs.map((p) => p.text)];
    const layout = render(editedParas);
    const result = anchor(layout.text, sel);
    expect(result.status).toBe('moved');
    if (result.status === 'orphaned') return;
    highlightOffsets(layout, result.start, result.end, { id: 'real' });
    expect(highlightElements(layout.container, 'real').map((m) => m.textContent).join('')).toBe(passage);
  });

  it('escapes odd ids when looking marks up', () => {
    const layout = render(['abc']);
    highlightOffsets(layout, 0, 1, { id: 'we"ird]' });
    expect(highlightElements(layout.container, 'we"ird]')).toHaveLength(1);
  });
});

describe('painting many highlights in one paragraph at once', () => {
  // Outer before inner at equal starts, as the reader paints them: nested, overlapping, adjacent, empty.
  const text = 'The collective security treaty was signed by six states in Tashkent in 1992.';
  const slices = [
    [4, 33], // "collective security treaty"... an outer one
    [4, 14], // nested at the same start
    [15, 23], // nested inside
    [20, 45], // overlaps the outer one's end
    [45, 45], // empty: no mark
    [45, 52], // adjacent
    [60, 76], // to the end
  ].map(([from, to], i) => ({ from, to, options: { id: `h${i}` } }));

  it('builds the same marks as painting them one by one, and removing them restores the text', () => {
    const one = render([text]);
    const batch = render([text]);
    for (const s of slices) highlightInParagraph(para(one, 0) as HTMLElement, s.from, s.to, s.options);
    const marks = highlightSlicesInParagraph(para(batch, 0) as HTMLElement, slices);
    expect(para(batch, 0).innerHTML).toBe(para(one, 0).innerHTML);
    expect(marks.map((m) => m.length)).toEqual([1, 1, 1, 3, 0, 1, 1]);
    // Each highlight's marks hold exactly its text.
    slices.forEach((s, i) => {
      expect(highlightElements(batch.container, s.options.id).map((m) => m.textContent).join('')).toBe(text.slice(s.from, s.to));
      expect(marks[i].every((m) => m.getAttribute('data-annotation-id') === s.options.id)).toBe(true);
    });
    // A click inside the innermost highlight reaches it first, then the ones around it.
    const inner = highlightElements(batch.container, 'h2')[0];
    expect(annotationIdsAt(inner.firstChild, batch.container)).toEqual(['h2', 'h0']);
    removeAllHighlights(batch.container);
    expect(para(batch, 0).querySelectorAll('mark')).toHaveLength(0);
    expect(para(batch, 0).childNodes).toHaveLength(1);
    expect(para(batch, 0).textContent).toBe(text);
  });
});
