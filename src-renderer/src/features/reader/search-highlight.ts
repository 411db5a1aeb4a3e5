/**
 * Paints search matches in the reader with the CSS Custom Highlight API:
 * ranges are styled by `::highlight(search-match)` without adding a single
 * element, so the paragraph text nodes stay exactly as rendered and the
 * annotation <mark>s painted into the same text never collide with search
 * marks. The paragraph holding the current match also gets
 * `data-search-current`, which gives tests and screen magnifier users a
 * landmark.
 */
import type { TextMatch } from '../../../../src-main/shared/contract';
import { offsetsToRange, type TextLayout } from '../../anchoring/text-range';

export const MATCH_HIGHLIGHT = 'search-match';
export const CURRENT_HIGHLIGHT = 'search-match-current';
const CURRENT_ATTR = 'data-search-current';

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
type HighlightCtor = new (...ranges: Range[]) => unknown;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const g = globalThis as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor };
  return g.CSS?.highlights && g.Highlight ? { highlights: g.CSS.highlights, Highlight: g.Highlight } : null;
}

export function supportsSearchHighlights(): boolean {
  return registry() !== null;
}

/** Paints every match and the current one; returns the current match's range (for scrolling). */
export function paintSearchMatches(layout: TextLayout, matches: TextMatch[], current: number): Range | null {
  const reg = registry();
  const ranges = matches.map((m) => offsetsToRange(layout, m.start, m.end));
  const currentRange = ranges[current] ?? null;
  for (const el of layout.container.querySelectorAll(`[${CURRENT_ATTR}]`)) el.removeAttribute(CURRENT_ATTR);
  if (currentRange) {
    const node = currentRange.startContainer;
    const p = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest('[data-paragraph]');
    p?.setAttribute(CURRENT_ATTR, '');
  }
  if (reg) {
    const others = ranges.filter((r, i): r is Range => r !== null && i !== current);
    reg.highlights.set(MATCH_HIGHLIGHT, new reg.Highlight(...others));
    if (currentRange) reg.highlights.set(CURRENT_HIGHLIGHT, new reg.Highlight(currentRange));
    else reg.highlights.delete(CURRENT_HIGHLIGHT);
  }
  return currentRange;
}

export function clearSearchMatches(container: HTMLElement | null): void {
  const reg = registry();
  reg?.highlights.delete(MATCH_HIGHLIGHT);
  reg?.highlights.delete(CURRENT_HIGHLIGHT);
  for (const el of container?.querySelectorAll(`[${CURRENT_ATTR}]`) ?? []) el.removeAttribute(CURRENT_ATTR);
}

/**
 * Scrolls `scroller` so the range sits a third of the way down the view,
 * unless it is already comfortably in view (then nothing moves: a match in
 * the first paragraph keeps the title on screen).
 */
export function scrollRangeIntoView(scroller: HTMLElement, range: Range, smooth: boolean): void {
  const rect = range.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  if (rect.top >= box.top + box.height * 0.08 && rect.bottom <= box.bottom - box.height * 0.2) return;
  const target = scroller.scrollTop + (rect.top - box.top) - box.height / 3;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  scroller.scrollTo({ top: Math.max(0, target), behavior: smooth && !reduce ? 'smooth' : 'auto' });
}
