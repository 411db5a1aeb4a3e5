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

/** How long a centred range is held in view while what loads after it changes the layout. */
export const SETTLE_MS = 2000;
/** A person moving the page: from then on it is theirs. */
const PERSON_MOVES = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Scrolls a range to the middle of its scroller (smoothly, unless the person asked for reduced motion). What
 * arrives after it (the reading font, whose lines are of another height; the article's tags and notes above the
 * text) moves every line below it: for SETTLE_MS, whenever the scroller's content changes size and the range has
 * left the view, it is centred again, until the person moves the page. (Waiting for `document.fonts.ready` alone
 * was not enough: read before the font is asked for, it is already settled, and a loaded machine then saw the
 * passage pushed out of view by the font that came after.)
 */
export function centerRange(range: Range): void {
  const scroller = nearestScroller(range.startContainer);
  const offset = () => {
    const rect = range.getBoundingClientRect();
    const view = viewOf(scroller);
    return { by: rect.top + rect.height / 2 - (view.top + view.bottom) / 2, seen: rect.bottom > view.top && rect.top < view.bottom };
  };
  scroller.scrollBy({ top: offset().by, behavior: motion() });
  if (typeof ResizeObserver === 'undefined') return;
  let initial = true;
  const keep = new ResizeObserver(() => {
    // The first call only reports the sizes observed now (the smooth scroll is on its way): not a change.
    if (initial) return void (initial = false);
    const now = offset();
    if (!now.seen) scroller.scrollBy({ top: now.by });
  });
  for (const el of Array.from(scroller.children)) keep.observe(el);
  const target: EventTarget = scroller === document.scrollingElement ? window : scroller;
  const release = () => {
    keep.disconnect();
    clearTimeout(until);
    for (const type of PERSON_MOVES) (type === 'keydown' || type === 'pointerdown' ? window : target).removeEventListener(type, release);
  };
  const until = setTimeout(release, SETTLE_MS);
  for (const type of PERSON_MOVES) (type === 'keydown' || type === 'pointerdown' ? window : target).addEventListener(type, release, { passive: true });
}

/** Scrolls an element's own scroller the least that shows it (`block: 'nearest'`, one scroller only). */
export function revealNearest(el: HTMLElement): void {
  const scroller = nearestScroller(el);
  const box = el.getBoundingClientRect();
  const view = viewOf(scroller);
  if (box.top < view.top) scroller.scrollBy({ top: box.top - view.top });
  else if (box.bottom > view.bottom) scroller.scrollBy({ top: Math.min(box.bottom - view.bottom, box.top - view.top) });
}
