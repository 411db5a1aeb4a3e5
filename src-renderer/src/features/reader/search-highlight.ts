/**
 * Paints search matches in the reader with the CSS Custom Highlight API:
 * ranges are styled by `::highlight(search-match)` without adding a single
 * element, so the paragraph text nodes stay exactly as rendered, as they do
 * for the annotations' highlights (anchoring/highlighter.ts). The paragraph
 * holding the current match also gets `data-search-current`, which gives tests
 * and screen magnifier users a landmark.
 */
import type { TextMatch } from '../../../../src-main/shared/contract';
import { highlightApi } from '../../anchoring/highlighter';
import { offsetsToRange, type TextLayout } from '../../anchoring/text-range';

export const MATCH_HIGHLIGHT = 'search-match';
export const CURRENT_HIGHLIGHT = 'search-match-current';
const CURRENT_ATTR = 'data-search-current';

/** Paints every match and the current one; returns the current match's range (for scrolling). */
export function paintSearchMatches(layout: TextLayout, matches: TextMatch[], current: number): Range | null {
  const reg = highlightApi();
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
    // Above the annotations' highlights (priorities 0-3), so a match inside a highlight still shows.
    const matches = new reg.Highlight(...others);
    matches.priority = 4;
    reg.highlights.set(MATCH_HIGHLIGHT, matches);
    if (currentRange) {
      const now = new reg.Highlight(currentRange);
      now.priority = 5;
      reg.highlights.set(CURRENT_HIGHLIGHT, now);
    } else reg.highlights.delete(CURRENT_HIGHLIGHT);
  }
  return currentRange;
}

export function clearSearchMatches(container: HTMLElement | null): void {
  const reg = highlightApi();
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
