/**
 * Range <-> selectors and the highlighter, in a real Chromium DOM laid out
 * the way the reader renders a document: one element per paragraph with
 * data-paragraph, text in plain text nodes. Highlights are painted with the
 * page's real CSS Custom Highlight API and found under points of the real
 * layout.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { anchor } from '../../../src-main/shared/notes/anchoring/anchor';
import {
  ACTIVE_ATTR,
  ACTIVE_HIGHLIGHT,
  FLASH_ATTR,
  FLASH_HIGHLIGHT,
  FLASH_MS,
  HighlightLayer,
  OVERLAP_HIGHLIGHT,
  PAINTED_ATTR,
  colorHighlight,
  highlightApi,
  paintedIn,
  type HighlightSpec,
} from './highlighter';
import { corpusDoc } from './test/corpus';
import { describe as describeRange, offsetsToRange, rangeToOffsets, type TextLayout } from './text-range';

const mounted: HTMLElement[] = [];
const layers: HighlightLayer[] = [];
afterEach(() => {
  for (const layer of layers.splice(0)) layer.dispose();
  for (const el of mounted.splice(0)) el.remove();
});

function layerOn(layout: TextLayout): HighlightLayer {
  const layer = new HighlightLayer(layout);
  layers.push(layer);
  return layer;
}

const registered = (name: string): Range[] => [...((highlightApi()?.highlights.get(name) ?? []) as Iterable<Range>)];
const texts = (ranges: Range[]) => ranges.map((r) => r.toString());
/** The middle of a range's first line box, in client coordinates. */
function middleOf(range: Range): [number, number] {
  const box = range.getClientRects()[0];
  return [box.left + box.width / 2, box.top + box.height / 2];
}

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

  it('maps a paragraph whose text is in several nodes under inline elements', () => {
    const layout = render(paragraphs);
    const p = para(layout, 0);
    p.innerHTML = 'Fir<em>st par</em>agraph text.';
    const range = document.createRange();
    range.setStart(p.querySelector('em')!.firstChild!, 1); // 't par' starts at 4
    range.setEnd(p.lastChild!, 3); // 'agraph text.' starts at 9: offset 12
    expect(rangeToOffsets(layout, range)).toEqual({ start: 4, end: 12 });
    expect(range.toString()).toBe('t paragr');
    expect(offsetsToRange(layout, 4, 12)!.toString()).toBe('t paragr');
  });
});

describe('highlighter', () => {
  it('paints a highlight across paragraphs as ranges in its colour, leaving the text nodes as they were', () => {
    const layout = render(['Alpha beta gamma.', 'Delta epsilon.']);
    const nodes = [para(layout, 0).firstChild, para(layout, 1).firstChild];
    const start = layout.text.indexOf('gamma');
    const end = layout.text.indexOf(' epsilon');
    const layer = layerOn(layout);
    layer.paint([{ id: 'x1', start, end, color: 'green' }], null);
    expect(texts(layer.rangesOf('x1'))).toEqual(['gamma.', 'Delta']);
    expect(registered(colorHighlight('green'))).toEqual(expect.arrayContaining(layer.rangesOf('x1')));
    // Nothing added to the DOM but the record of what was painted where.
    expect([para(layout, 0).firstChild, para(layout, 1).firstChild]).toEqual(nodes);
    expect(para(layout, 0).childNodes).toHaveLength(1);
    expect([0, 1].map((i) => paintedIn(para(layout, i)))).toEqual([[{ id: 'x1', from: 11, to: 17 }], [{ id: 'x1', from: 0, to: 5 }]]);

    const painted = layer.rangesOf('x1');
    layer.clear();
    expect(registered(colorHighlight('green')).filter((r) => painted.includes(r))).toEqual([]);
    expect(para(layout, 0).hasAttribute(PAINTED_ATTR)).toBe(false);
  });

  it('finds overlapping and nested highlights under a point, innermost first, and underlines where they overlap', () => {
    const text = 'The heads of state discussed trends in the international situation.';
    const layout = render([text]);
    const at = (s: string) => text.indexOf(s);
    const layer = layerOn(layout);
    layer.paint(
      [
        { id: 'outer', start: at('heads'), end: at(' trends'), color: 'yellow' },
        { id: 'nested', start: at('state'), end: at(' discussed'), color: 'blue' },
        { id: 'overlap', start: at('discussed'), end: at(' situation'), color: 'pink' },
      ],
      null,
    );
    const textOf = (id: string) => texts(layer.rangesOf(id)).join('');
    expect(textOf('outer')).toBe('heads of state discussed');
    expect(textOf('nested')).toBe('state');
    expect(textOf('overlap')).toBe('discussed trends in the international');
    expect(registered(colorHighlight('yellow'))).toEqual(layer.rangesOf('outer'));
    expect(registered(colorHighlight('blue'))).toEqual(layer.rangesOf('nested'));
    expect(texts(registered(OVERLAP_HIGHLIGHT)).sort()).toEqual(['discussed', 'state']);

    expect(layer.idsAt(...middleOf(layer.rangesOf('nested')[0]))).toEqual(['nested', 'outer']);
    const only = document.createRange();
    only.setStart(para(layout, 0).firstChild!, at('international'));
    only.setEnd(para(layout, 0).firstChild!, at(' situation'));
    expect(layer.idsAt(...middleOf(only))).toEqual(['overlap']);
    const plain = document.createRange();
    plain.setStart(para(layout, 0).firstChild!, 0);
    plain.setEnd(para(layout, 0).firstChild!, 3);
    expect(layer.idsAt(...middleOf(plain))).toEqual([]);
  });

  it('marks the open highlight, flashes one for a moment, and leaves another layer’s highlights alone', async () => {
    const one = render(['First article text here.']);
    const two = render(['Second article text here.']);
    const a = layerOn(one);
    const b = layerOn(two);
    b.paint([{ id: 'b1', start: 0, end: 6, color: 'yellow' }], null);
    a.paint([{ id: 'a1', start: 0, end: 5, color: 'yellow' }, { id: 'a2', start: 6, end: 13, color: 'yellow' }], 'a2');
    expect(texts(registered(ACTIVE_HIGHLIGHT))).toEqual(['article']);
    expect(one.container.getAttribute(ACTIVE_ATTR)).toBe('a2');
    expect(texts(registered(colorHighlight('yellow'))).sort()).toEqual(['First', 'Second', 'article']);

    expect(a.flash('a1')).toBe(true);
    expect(a.flash('not-painted')).toBe(false);
    expect(one.container.getAttribute(FLASH_ATTR)).toBe('a1');
    expect(texts(registered(FLASH_HIGHLIGHT))).toEqual(['First']);
    // Painting again (a new note, say) during the flash does not cut it short.
    a.paint([{ id: 'a1', start: 0, end: 5, color: 'yellow' }], null);
    expect(texts(registered(FLASH_HIGHLIGHT))).toEqual(['First']);
    expect(registered(ACTIVE_HIGHLIGHT)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, FLASH_MS + 100));
    expect(one.container.hasAttribute(FLASH_ATTR)).toBe(false);
    expect(registered(FLASH_HIGHLIGHT)).toHaveLength(0);

    a.dispose();
    expect(texts(registered(colorHighlight('yellow')))).toEqual(['Second']);
    expect(paintedIn(two.container.querySelector(`[${PAINTED_ATTR}]`)!)).toEqual([{ id: 'b1', from: 0, to: 6 }]);
    expect(one.container.querySelector(`[${PAINTED_ATTR}]`)).toBeNull();
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
    const layer = layerOn(layout);
    layer.paint([{ id: 'real', start: result.start, end: result.end, color: 'blue' }], null);
    expect(texts(layer.rangesOf('real')).join('')).toBe(passage);
  });

  it('skips highlights whose paragraphs are not rendered, and an empty one', () => {
    const layout = render(['One.', 'Two.', 'Three.']);
    para(layout, 1).remove();
    const layer = layerOn(layout);
    layer.paint(
      [
        { id: 'gone', start: layout.starts[1], end: layout.starts[1] + 3, color: 'yellow' },
        { id: 'empty', start: 2, end: 2, color: 'yellow' },
        { id: 'we"ird]', start: layout.starts[2], end: layout.starts[2] + 5, color: 'yellow' },
      ],
      'gone',
    );
    expect(layer.rangesOf('gone')).toEqual([]);
    expect(layer.rangesOf('empty')).toEqual([]);
    expect(texts(layer.rangesOf('we"ird]'))).toEqual(['Three']);
    expect(paintedIn(para(layout, 2))).toEqual([{ id: 'we"ird]', from: 0, to: 5 }]);
    expect(layout.container.hasAttribute(ACTIVE_ATTR)).toBe(false);
  });
});

describe('painting many highlights in one paragraph at once', () => {
  // Outer before inner at equal starts, as the reader paints them: nested, overlapping, adjacent, empty.
  const text = 'The collective security treaty was signed by six states in Tashkent in 1992.';
  const specs: HighlightSpec[] = [
    [4, 33], // "collective security treaty"... an outer one
    [4, 14], // nested at the same start
    [15, 23], // nested inside
    [20, 45], // overlaps the outer one's end
    [45, 45], // empty: no range
    [45, 52], // adjacent
    [60, 76], // to the end
  ].map(([start, end], i) => ({ id: `h${i}`, start, end, color: 'purple' }));

  it('gives each highlight exactly its text, underlines only what two cover, and finds the innermost first', () => {
    const layout = render([text]);
    const layer = layerOn(layout);
    layer.paint(specs, null);
    for (const s of specs) expect(texts(layer.rangesOf(s.id)).join('')).toBe(s.end > s.start ? text.slice(s.start, s.end) : '');
    expect(texts(registered(OVERLAP_HIGHLIGHT))).toEqual([text.slice(4, 14), text.slice(15, 33)]);
    expect(layer.idsAt(...middleOf(layer.rangesOf('h2')[0]))).toEqual(['h2', 'h0']);
    expect(paintedIn(para(layout, 0)).map((h) => h.id)).toEqual(['h0', 'h1', 'h2', 'h3', 'h5', 'h6']);
    layer.clear();
    expect(registered(colorHighlight('purple'))).toHaveLength(0);
    expect(registered(OVERLAP_HIGHLIGHT)).toHaveLength(0);
    expect(para(layout, 0).childNodes).toHaveLength(1);
  });
});
