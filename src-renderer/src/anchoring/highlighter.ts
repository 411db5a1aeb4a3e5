/**
 * Paints highlights into the reader's DOM and takes them out again.
 *
 * A highlight is one or more <mark data-annotation-id="…"> elements wrapping
 * slices of text nodes, one slice per text node it covers, so it can cross
 * paragraph boundaries without wrapping block elements. Overlapping and nested
 * highlights simply wrap text that is already inside another mark: each keeps
 * its own elements, and removing one unwraps only its marks and merges the
 * split text nodes back (Node.normalize), leaving the DOM as it was.
 */
import { PARAGRAPH_SEPARATOR } from '../../../src-main/shared/model';
import { PARAGRAPH_ATTR, findParagraph, type TextLayout } from './text-range';

export const HIGHLIGHT_ATTR = 'data-annotation-id';
export const HIGHLIGHT_CLASS = 'ar-highlight';

export interface HighlightOptions {
  id: string;
  /** CSS colour for the background (translucent colours show overlaps). */
  background?: string;
  /** Extra attributes, e.g. data-color. */
  attributes?: Record<string, string>;
}

function textNodesIn(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

function makeMark(options: HighlightOptions): HTMLElement {
  const mark = document.createElement('mark');
  mark.setAttribute(HIGHLIGHT_ATTR, options.id);
  mark.className = HIGHLIGHT_CLASS;
  if (options.background) mark.style.backgroundColor = options.background;
  for (const [k, v] of Object.entries(options.attributes ?? {})) mark.setAttribute(k, v);
  return mark;
}

/** One slice of a paragraph to wrap: paragraph-local [from, to). */
export interface ParagraphSlice {
  from: number;
  to: number;
  options: HighlightOptions;
}

/** Index of the last entry of the ascending `starts` that is <= v (0 if none). */
function lastAtOrBefore(starts: number[], v: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= v) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Wrap several slices of one paragraph, in the order given (outer ones first
 * for nesting). The paragraph's text nodes are listed once and the list is
 * kept up to date as nodes are split, instead of walking the paragraph again
 * for every highlight: painting 50 highlights in a paragraph stays linear.
 * Returns the marks created for each slice.
 */
export function highlightSlicesInParagraph(paragraph: HTMLElement, slices: ParagraphSlice[]): HTMLElement[][] {
  const nodes = textNodesIn(paragraph);
  const starts: number[] = [];
  let pos = 0;
  for (const n of nodes) {
    starts.push(pos);
    // CharacterData.length, not data.length: reading .data copies the node's whole text into a new string,
    // and this loop runs for every slice of a paragraph with hundreds of highlights.
    pos += n.length;
  }
  const out: HTMLElement[][] = [];
  for (const { from, to, options } of slices) {
    const marks: HTMLElement[] = [];
    out.push(marks);
    if (to <= from) continue;
    for (let i = lastAtOrBefore(starts, from); i < nodes.length && starts[i] < to; i++) {
      const node = nodes[i];
      const nodeStart = starts[i];
      const nodeEnd = nodeStart + node.length;
      if (nodeEnd <= from || node.length === 0) continue;
      let target = node;
      const cutStart = Math.max(from, nodeStart) - nodeStart;
      if (cutStart > 0) {
        target = target.splitText(cutStart);
        i++;
        nodes.splice(i, 0, target);
        starts.splice(i, 0, nodeStart + cutStart);
      }
      const cutEnd = Math.min(to, nodeEnd) - starts[i];
      if (cutEnd < target.length) {
        const rest = target.splitText(cutEnd);
        nodes.splice(i + 1, 0, rest);
        starts.splice(i + 1, 0, starts[i] + cutEnd);
      }
      const mark = makeMark(options);
      target.parentNode!.insertBefore(mark, target);
      mark.appendChild(target);
      marks.push(mark);
    }
  }
  return out;
}

/**
 * Wrap the paragraph-local text [from, to) of one paragraph element.
 * Returns the marks created (none when the slice is empty).
 */
export function highlightInParagraph(paragraph: HTMLElement, from: number, to: number, options: HighlightOptions): HTMLElement[] {
  return highlightSlicesInParagraph(paragraph, [{ from, to, options }])[0];
}

/** Paragraph-local slices of text[start, end): [paragraph index, from, to]. */
export function paragraphSlices(layout: Pick<TextLayout, 'starts' | 'text'>, start: number, end: number): [number, number, number][] {
  const { starts, text } = layout;
  const out: [number, number, number][] = [];
  for (let i = 0; i < starts.length; i++) {
    const pStart = starts[i];
    const pEnd = i + 1 < starts.length ? starts[i + 1] - PARAGRAPH_SEPARATOR.length : text.length;
    if (pEnd <= start) continue;
    if (pStart >= end) break;
    out.push([i, Math.max(start, pStart) - pStart, Math.min(end, pEnd) - pStart]);
  }
  return out;
}

/**
 * Highlight text[start, end) (offsets into docText) in every rendered
 * paragraph it covers. Paragraphs not in the DOM are skipped; call again for
 * them when they appear (see paintParagraph in the annotations feature).
 */
export function highlightOffsets(layout: TextLayout, start: number, end: number, options: HighlightOptions): HTMLElement[] {
  const { container, starts, text } = layout;
  const marks: HTMLElement[] = [];
  for (let i = 0; i < starts.length; i++) {
    const pStart = starts[i];
    const pEnd = i + 1 < starts.length ? starts[i + 1] - PARAGRAPH_SEPARATOR.length : text.length;
    if (pEnd <= start) continue;
    if (pStart >= end) break;
    const el = findParagraph(container, i);
    if (!el) continue;
    marks.push(...highlightInParagraph(el, Math.max(start, pStart) - pStart, Math.min(end, pEnd) - pStart, options));
  }
  return marks;
}

/** The marks of one annotation, in document order. */
export function highlightElements(container: ParentNode, id: string): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(`mark[${HIGHLIGHT_ATTR}="${CSS.escape(id)}"]`));
}

function unwrap(mark: HTMLElement): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
  // Merge the text nodes the highlight split, so the paragraph's text is one
  // node again (and the node the reader's framework holds keeps all the text).
  const paragraph = (parent as Element).closest?.(`[${PARAGRAPH_ATTR}]`) ?? parent;
  paragraph.normalize();
}

/** Remove one annotation's marks; other highlights, nested or overlapping, stay. */
export function removeHighlight(container: ParentNode, id: string): void {
  for (const mark of highlightElements(container, id)) unwrap(mark);
}

/**
 * Remove every highlight mark in the container. The split text nodes are
 * merged once per paragraph at the end, not once per mark.
 */
export function removeAllHighlights(container: ParentNode): void {
  const touched = new Set<Node>();
  for (const mark of Array.from(container.querySelectorAll<HTMLElement>(`mark[${HIGHLIGHT_ATTR}]`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    touched.add((parent as Element).closest?.(`[${PARAGRAPH_ATTR}]`) ?? parent);
  }
  for (const node of touched) node.normalize();
}

/**
 * The annotation ids under a DOM node, innermost first: a click on nested
 * highlights goes to the innermost one, and the rest stay reachable.
 */
export function annotationIdsAt(node: Node | null, container: HTMLElement): string[] {
  const ids: string[] = [];
  let el: Element | null = node && node.nodeType === Node.ELEMENT_NODE ? (node as Element) : (node?.parentElement ?? null);
  while (el && el !== container) {
    const id = el.getAttribute(HIGHLIGHT_ATTR);
    if (id && el.tagName === 'MARK') ids.push(id);
    el = el.parentElement;
  }
  return ids;
}
