/**
 * DOM Range <-> offsets into docText(doc). The reader renders one element per
 * paragraph carrying data-paragraph="<index>", with the paragraph's text in
 * plain text nodes (possibly several, under inline elements); the
 * paragraphs' start offsets come from the document model (paragraphOffsets),
 * never from the DOM, so offsets agree with what the archive stores.
 * Browser-only (DOM), but no React.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../../../src-main/shared/notes/annotation-model';
import { describeOffsets, trimOffsets } from '../../../src-main/shared/notes/anchoring/anchor';

export const PARAGRAPH_ATTR = 'data-paragraph';

/** How the reader's DOM maps to the canonical text. */
export interface TextLayout {
  /** The element holding the paragraph elements. */
  container: HTMLElement;
  /** docText(doc). */
  text: string;
  /** paragraphOffsets(doc): start of each paragraph inside `text`. */
  starts: number[];
}

function paragraphIndex(el: Element): number {
  const n = Number(el.getAttribute(PARAGRAPH_ATTR));
  return Number.isInteger(n) && n >= 0 ? n : -1;
}

/** Paragraph elements currently in the container, in document order. */
export function paragraphElements(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(`[${PARAGRAPH_ATTR}]`)).filter((el) => paragraphIndex(el) >= 0);
}

export function findParagraph(container: HTMLElement, index: number): HTMLElement | null {
  return container.querySelector<HTMLElement>(`[${PARAGRAPH_ATTR}="${index}"]`);
}

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Length of the paragraph's text before the boundary point (node, offset). */
function localOffset(paragraph: HTMLElement, node: Node, offset: number): number {
  const probe = document.createRange();
  probe.setStart(paragraph, 0);
  probe.setEnd(node, offset);
  // Range.toString() concatenates exactly the text nodes' data in range.
  return probe.toString().length;
}

/** The paragraph element containing a node, if it lies in the container. */
function enclosingParagraph(container: HTMLElement, node: Node): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const p = el?.closest<HTMLElement>(`[${PARAGRAPH_ATTR}]`) ?? null;
  return p && container.contains(p) ? p : null;
}

/**
 * Offsets of a DOM range inside the text, clipped to the article's paragraphs
 * and trimmed of white space. Null when the range holds no article text
 * (collapsed, outside the container, or only white space).
 */
export function rangeToOffsets(layout: TextLayout, range: Range): { start: number; end: number } | null {
  const { container, starts, text } = layout;
  if (range.collapsed) return null;
  const paragraphs = paragraphElements(container).filter((p) => range.intersectsNode(p));
  if (paragraphs.length === 0) return null;
  const first = paragraphs[0];
  const last = paragraphs[paragraphs.length - 1];

  const startPara = enclosingParagraph(container, range.startContainer);
  const start =
    startPara === first
      ? starts[paragraphIndex(first)] + localOffset(first, range.startContainer, range.startOffset)
      : starts[paragraphIndex(first)];
  const endPara = enclosingParagraph(container, range.endContainer);
  const lastIndex = paragraphIndex(last);
  const end =
    endPara === last
      ? starts[lastIndex] + localOffset(last, range.endContainer, range.endOffset)
      : starts[lastIndex] + (last.textContent ?? '').length;
  if (!(start >= 0 && end <= text.length)) return null;
  return trimOffsets(text, start, end);
}

/** Selectors for a DOM range: TextQuote (32 characters of context) and TextPosition. */
export function describe(
  layout: TextLayout,
  range: Range,
): { quote: TextQuoteSelector; position: TextPositionSelector } | null {
  const offsets = rangeToOffsets(layout, range);
  return offsets ? describeOffsets(layout.text, offsets.start, offsets.end) : null;
}

/** Index of the paragraph holding `offset` (a separator belongs to the paragraph before it). */
export function paragraphAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A boundary point for a paragraph-local offset, or null when the paragraph is not in the DOM. */
function boundaryIn(paragraph: HTMLElement, local: number): { node: Node; offset: number } {
  let remaining = local;
  const nodes = textNodes(paragraph);
  for (const node of nodes) {
    if (remaining <= node.data.length) return { node, offset: remaining };
    remaining -= node.data.length;
  }
  const lastNode = nodes[nodes.length - 1];
  return lastNode ? { node: lastNode, offset: lastNode.data.length } : { node: paragraph, offset: 0 };
}

/**
 * A DOM range for text[start, end). Offsets inside a paragraph separator snap
 * to the nearest paragraph text. Null when a paragraph it needs is not
 * rendered (e.g. a virtualized reader scrolled elsewhere).
 */
export function offsetsToRange(layout: TextLayout, start: number, end: number): Range | null {
  const { container, starts } = layout;
  if (end <= start || starts.length === 0) return null;
  const si = paragraphAt(starts, start);
  const ei = paragraphAt(starts, end - 1);
  const sp = findParagraph(container, si);
  const ep = findParagraph(container, ei);
  if (!sp || !ep) return null;
  const spLen = (sp.textContent ?? '').length;
  const epLen = (ep.textContent ?? '').length;
  const a = boundaryIn(sp, Math.min(start - starts[si], spLen));
  const b = boundaryIn(ep, Math.min(end - starts[ei], epLen));
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
