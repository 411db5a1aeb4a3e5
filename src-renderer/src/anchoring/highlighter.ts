/**
 * Paints an article's highlights with the CSS Custom Highlight API and finds
 * the highlights under a point.
 *
 * A highlight is one live DOM Range per paragraph it covers, added to one
 * shared Highlight per colour (`::highlight(annotation-yellow)` and its
 * siblings in annotations.css). The paragraphs keep exactly the text nodes the
 * reader rendered: nothing is split or wrapped. Wrapping every slice in a
 * <mark> cost an article with 500 highlights about 40 ms of style, layout and
 * paint in its first frame (docs/benchmarks.md); ranges cost almost nothing to
 * lay out.
 *
 * Also painted: an underline where two or more highlights overlap (so one
 * inside another stays visible), the open annotation, and a short flash after
 * a jump to a highlight.
 *
 * A range carries no attributes, so a layer writes what it painted into the
 * DOM as data: each paragraph's `data-highlights` lists the slices painted in
 * it as `from-to:id` (paragraph-local offsets, the id URI-encoded, spaces
 * between), and the container's `data-active-highlight` and
 * `data-flash-highlight` name the open and the flashing one. The bench and the
 * tests read these.
 *
 * The registry is the document's (`CSS.highlights`), so a layer only ever adds
 * and takes out its own ranges: two readers on one page do not clear each other.
 */
import { PARAGRAPH_SEPARATOR } from '../../../src-main/shared/model';
import { findParagraph, paragraphAt, PARAGRAPH_ATTR, type TextLayout } from './text-range';

export const PAINTED_ATTR = 'data-highlights';
export const ACTIVE_ATTR = 'data-active-highlight';
export const FLASH_ATTR = 'data-flash-highlight';
/** Set on the container while the pointer is over a highlight (the pointer cursor). */
export const OVER_ATTR = 'data-over-highlight';

/** The registry name of a colour's highlights; annotations.css styles each. */
export const colorHighlight = (color: string): string => `annotation-${color}`;
export const OVERLAP_HIGHLIGHT = 'annotation-overlap';
export const ACTIVE_HIGHLIGHT = 'annotation-active';
export const FLASH_HIGHLIGHT = 'annotation-flash';
export const FLASH_MS = 1200;

/** What to paint: text[start, end) of docText, in a colour id. */
export interface HighlightSpec {
  id: string;
  start: number;
  end: number;
  color: string;
}

type HighlightSet = { add(r: Range): unknown; delete(r: Range): boolean; has(r: Range): boolean; priority: number; readonly size: number };
type HighlightApi = {
  highlights: { get(name: string): HighlightSet | undefined; set(name: string, h: HighlightSet): unknown; delete(name: string): boolean };
  Highlight: new (...ranges: Range[]) => HighlightSet;
};

/** The page's highlight registry, or null in a browser without the CSS Custom Highlight API. */
export function highlightApi(): HighlightApi | null {
  const g = globalThis as unknown as { CSS?: { highlights?: HighlightApi['highlights'] }; Highlight?: HighlightApi['Highlight'] };
  return g.CSS?.highlights && g.Highlight ? { highlights: g.CSS.highlights, Highlight: g.Highlight } : null;
}

// Later layers paint over earlier ones: the overlap underline over the colours, the open one over both.
const PRIORITY: Record<string, number> = { [OVERLAP_HIGHLIGHT]: 1, [ACTIVE_HIGHLIGHT]: 2, [FLASH_HIGHLIGHT]: 3 };

function shared(name: string): HighlightSet | null {
  const api = highlightApi();
  if (!api) return null;
  let h = api.highlights.get(name);
  if (!h) {
    h = new api.Highlight();
    h.priority = PRIORITY[name] ?? 0;
    api.highlights.set(name, h);
  }
  return h;
}

/** Paragraph-local slices of text[start, end): [paragraph index, from, to]. */
export function paragraphSlices(layout: Pick<TextLayout, 'starts' | 'text'>, start: number, end: number): [number, number, number][] {
  const { starts, text } = layout;
  const out: [number, number, number][] = [];
  if (starts.length === 0) return out;
  for (let i = paragraphAt(starts, start); i < starts.length; i++) {
    const pStart = starts[i];
    const pEnd = i + 1 < starts.length ? starts[i + 1] - PARAGRAPH_SEPARATOR.length : text.length;
    if (pEnd <= start) continue;
    if (pStart >= end) break;
    out.push([i, Math.max(start, pStart) - pStart, Math.min(end, pEnd) - pStart]);
  }
  return out;
}

/** A paragraph's text nodes and where each starts, listed once per paint. */
interface ParagraphText {
  el: HTMLElement;
  nodes: Text[];
  starts: number[];
  /** `from-to:id` of each slice painted here (PAINTED_ATTR). */
  painted: string[];
  spans: [number, number][];
}

function readParagraph(el: HTMLElement): ParagraphText {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let pos = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(pos);
    // CharacterData.length, not data.length: .data copies the node's text.
    pos += (n as Text).length;
  }
  return { el, nodes, starts, painted: [], spans: [] };
}

function boundary(p: ParagraphText, local: number): [Node, number] {
  if (p.nodes.length === 0) return [p.el, 0];
  let i = p.starts.length - 1;
  while (i > 0 && p.starts[i] > local) i--;
  const node = p.nodes[i];
  return [node, Math.min(local - p.starts[i], node.length)];
}

function rangeIn(p: ParagraphText, from: number, to: number): Range {
  const range = document.createRange();
  range.setStart(...boundary(p, from));
  range.setEnd(...boundary(p, to));
  return range;
}

/** Paragraph-local [from, to) covered by two or more of the spans. */
function overlaps(spans: [number, number][]): [number, number][] {
  const edges: [number, number][] = [];
  for (const [from, to] of spans) edges.push([from, 1], [to, -1]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  let depth = 0;
  let since = 0;
  for (const [at, step] of edges) {
    if (step > 0 && ++depth === 2) since = at;
    if (step < 0 && depth-- === 2 && at > since) out.push([since, at]);
  }
  return out;
}

/** The character under a point: its text node and index, or null off text. */
function characterAt(x: number, y: number): { node: Text; index: number } | null {
  const d = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  let node: Node | null = null;
  let offset = 0;
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    if (p) [node, offset] = [p.offsetNode, p.offset];
  } else if (d.caretRangeFromPoint) {
    const r = d.caretRangeFromPoint(x, y);
    if (r) [node, offset] = [r.startContainer, r.startOffset];
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const text = node as Text;
  // The caret sits between two characters; the one under the point is the one whose box holds it.
  const probe = document.createRange();
  for (const index of [offset, offset - 1]) {
    if (index < 0 || index >= text.length) continue;
    probe.setStart(text, index);
    probe.setEnd(text, index + 1);
    for (const r of probe.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return { node: text, index };
  }
  return null;
}

/** What a paragraph's PAINTED_ATTR says is painted in it: each slice's id and paragraph-local [from, to). */
export function paintedIn(paragraph: Element): { id: string; from: number; to: number }[] {
  const value = paragraph.getAttribute(PAINTED_ATTR);
  if (!value) return [];
  return value.split(' ').map((entry) => {
    const colon = entry.indexOf(':');
    const [from, to] = entry.slice(0, colon).split('-').map(Number);
    return { id: decodeURIComponent(entry.slice(colon + 1)), from, to };
  });
}

const layers = new WeakMap<HTMLElement, HighlightLayer>();

/** The layer painting into a reader's container, if any. */
export function layerFor(container: HTMLElement): HighlightLayer | null {
  return layers.get(container) ?? null;
}

interface Painted {
  spec: HighlightSpec;
  ranges: Range[];
}

/** One reader's highlights: painted together, found by id or by point, taken out together. */
export class HighlightLayer {
  private painted: Painted[] = [];
  private byId = new Map<string, Painted>();
  /** Ranges added to the overlap and active highlights (the colours' are in `painted`). */
  private extra: [string, Range][] = [];
  private flashing: Range[] = [];
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly layout: TextLayout) {
    layers.get(layout.container)?.dispose();
    layers.set(layout.container, this);
  }

  /**
   * Paints `specs` in place of what this layer painted before. Give them longest first at equal starts
   * (outer before inner); a highlight whose paragraphs are not rendered is skipped.
   */
  paint(specs: HighlightSpec[], activeId: string | null): void {
    this.clear();
    const { container } = this.layout;
    const paragraphs = new Map<number, ParagraphText | null>();
    const paragraph = (i: number) => {
      if (!paragraphs.has(i)) {
        const el = findParagraph(container, i);
        paragraphs.set(i, el ? readParagraph(el) : null);
      }
      return paragraphs.get(i)!;
    };
    for (const spec of specs) {
      const ranges: Range[] = [];
      for (const [i, from, to] of paragraphSlices(this.layout, spec.start, spec.end)) {
        const p = paragraph(i);
        if (!p || to <= from) continue;
        ranges.push(rangeIn(p, from, to));
        p.painted.push(`${from}-${to}:${encodeURIComponent(spec.id)}`);
        p.spans.push([from, to]);
      }
      if (ranges.length === 0) continue;
      const painted = { spec, ranges };
      this.painted.push(painted);
      this.byId.set(spec.id, painted);
      const h = shared(colorHighlight(spec.color));
      for (const r of ranges) h?.add(r);
      if (spec.id === activeId) for (const r of ranges) this.addExtra(ACTIVE_HIGHLIGHT, r);
    }
    for (const p of paragraphs.values()) {
      if (!p || p.painted.length === 0) continue;
      p.el.setAttribute(PAINTED_ATTR, p.painted.join(' '));
      for (const [from, to] of overlaps(p.spans)) this.addExtra(OVERLAP_HIGHLIGHT, rangeIn(p, from, to));
    }
    if (activeId && this.byId.has(activeId)) container.setAttribute(ACTIVE_ATTR, activeId);
  }

  private addExtra(name: string, range: Range): void {
    shared(name)?.add(range);
    this.extra.push([name, range]);
  }

  /** Takes out everything this layer painted (a flash runs out on its own). */
  clear(): void {
    const api = highlightApi();
    for (const { spec, ranges } of this.painted) {
      const h = api?.highlights.get(colorHighlight(spec.color));
      for (const r of ranges) h?.delete(r);
    }
    for (const [name, r] of this.extra) api?.highlights.get(name)?.delete(r);
    this.painted = [];
    this.byId.clear();
    this.extra = [];
    const { container } = this.layout;
    for (const el of container.querySelectorAll(`[${PARAGRAPH_ATTR}][${PAINTED_ATTR}]`)) el.removeAttribute(PAINTED_ATTR);
    container.removeAttribute(ACTIVE_ATTR);
  }

  dispose(): void {
    this.clear();
    this.stopFlash();
    if (layers.get(this.layout.container) === this) layers.delete(this.layout.container);
  }

  /** What is painted, in painting order (text order, outer first): each highlight's id, colour and ranges. */
  list(): { id: string; color: string; ranges: Range[] }[] {
    return this.painted.map(({ spec, ranges }) => ({ id: spec.id, color: spec.color, ranges }));
  }

  /** The painted ranges of one highlight, in text order (none when it is not painted). */
  rangesOf(id: string): Range[] {
    return this.byId.get(id)?.ranges ?? [];
  }

  /** The ids of the highlights under a point (client coordinates), innermost (shortest) first. */
  idsAt(x: number, y: number): string[] {
    const hit = characterAt(x, y);
    if (!hit || !this.layout.container.contains(hit.node)) return [];
    const { node, index } = hit;
    const under = this.painted.filter(({ ranges }) =>
      ranges.some((r) => r.comparePoint(node, index) >= 0 && r.comparePoint(node, index + 1) <= 0),
    );
    under.sort((a, b) => a.spec.end - a.spec.start - (b.spec.end - b.spec.start) || b.spec.start - a.spec.start);
    return under.map((p) => p.spec.id);
  }

  /** Flashes one highlight for FLASH_MS; false when it is not painted. */
  flash(id: string): boolean {
    const ranges = this.rangesOf(id);
    if (ranges.length === 0) return false;
    this.stopFlash();
    const h = shared(FLASH_HIGHLIGHT);
    // Copies: a repaint during the flash takes the originals out of their colour, not out of the flash.
    this.flashing = ranges.map((r) => r.cloneRange());
    for (const r of this.flashing) h?.add(r);
    this.layout.container.setAttribute(FLASH_ATTR, id);
    this.flashTimer = setTimeout(() => this.stopFlash(), FLASH_MS);
    return true;
  }

  private stopFlash(): void {
    clearTimeout(this.flashTimer);
    const h = highlightApi()?.highlights.get(FLASH_HIGHLIGHT);
    for (const r of this.flashing) h?.delete(r);
    this.flashing = [];
    this.layout.container.removeAttribute(FLASH_ATTR);
  }
}
