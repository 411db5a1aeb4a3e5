/**
 * Scrolling a highlight or a card into view without moving anything else: each
 * moves only its own nearest scroller, where Element.scrollIntoView would move
 * every scrolling ancestor (a card in the reader's sticky sidebar would scroll
 * the article away from the highlight just brought into view).
 */

/** The element that scrolls `node`: its nearest scrolling ancestor, else the page. */
export function nearestScroller(node: Node): HTMLElement {
  for (let el = node.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight) return el;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/** The visible part of a scroller, in client coordinates. */
function viewOf(scroller: HTMLElement): { top: number; bottom: number } {
  if (scroller === document.scrollingElement || scroller === document.documentElement) return { top: 0, bottom: window.innerHeight };
  const box = scroller.getBoundingClientRect();
  return { top: box.top, bottom: box.top + scroller.clientHeight };
}

const motion = (): ScrollBehavior => (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

/**
 * Scrolls a range to the middle of its scroller (smoothly, unless the person asked for reduced motion). A web
 * font still loading moves every line once it is in, so the range is centred again then if it left the view.
 */
export function centerRange(range: Range): void {
  const scroller = nearestScroller(range.startContainer);
  const offset = () => {
    const rect = range.getBoundingClientRect();
    const view = viewOf(scroller);
    return { by: rect.top + rect.height / 2 - (view.top + view.bottom) / 2, seen: rect.bottom > view.top && rect.top < view.bottom };
  };
  scroller.scrollBy({ top: offset().by, behavior: motion() });
  void document.fonts?.ready.then(() =>
    requestAnimationFrame(() => {
      const now = offset();
      if (!now.seen) scroller.scrollBy({ top: now.by });
    }),
  );
}

/** Scrolls an element's own scroller the least that shows it (`block: 'nearest'`, one scroller only). */
export function revealNearest(el: HTMLElement): void {
  const scroller = nearestScroller(el);
  const box = el.getBoundingClientRect();
  const view = viewOf(scroller);
  if (box.top < view.top) scroller.scrollBy({ top: box.top - view.top });
  else if (box.bottom > view.bottom) scroller.scrollBy({ top: Math.min(box.bottom - view.bottom, box.top - view.top) });
}
