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

/** How long a place is held while what loads after it changes the layout. */
export const SETTLE_MS = 2000;
/** A person moving the page: from then on it is theirs. Wheel and touch on the scroller, a key or press anywhere. */
const PERSON_MOVES = ['wheel', 'touchstart'] as const;
const PERSON_ACTS = ['keydown', 'pointerdown'] as const;

/**
 * Holds a place while the page settles: for `ms`, whenever one of `elements` changes size (the reading font's
 * lines are of another height; tags and notes arrive above the text), `hold` runs to put the place back, until
 * the person moves the page. Used by the reading position and by `centerRange`. Returns the early release.
 * `afterFirst`: skip the observer's first call, which reports the sizes as observing starts (a smooth scroll on
 * its way must not be cut short by it); without it, `hold` also runs then.
 */
export function holdWhileSettling(scroller: HTMLElement, elements: readonly Element[], hold: () => void, { afterFirst = false, ms = SETTLE_MS } = {}): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  let skip = afterFirst;
  const keep = new ResizeObserver(() => {
    if (skip) return void (skip = false);
    hold();
  });
  for (const el of elements) keep.observe(el);
  const target: EventTarget = scroller === document.scrollingElement ? window : scroller;
  const release = () => {
    keep.disconnect();
    clearTimeout(until);
    for (const type of PERSON_MOVES) target.removeEventListener(type, release);
    for (const type of PERSON_ACTS) window.removeEventListener(type, release);
  };
  const until = setTimeout(release, ms);
  for (const type of PERSON_MOVES) target.addEventListener(type, release, { passive: true });
  for (const type of PERSON_ACTS) window.addEventListener(type, release);
  return release;
}

/**
 * Scrolls a range to the middle of its scroller (smoothly, unless the person asked for reduced motion), and
 * centres it again while the page settles if what arrives after it pushes it out of view. (Waiting for
 * `document.fonts.ready` alone was not enough: read before the font is asked for, it is already settled, and a
 * loaded machine then saw the passage pushed out of view by the font that came after.)
 */
export function centerRange(range: Range): void {
  const scroller = nearestScroller(range.startContainer);
  const offset = () => {
    const rect = range.getBoundingClientRect();
    const view = viewOf(scroller);
    return { by: rect.top + rect.height / 2 - (view.top + view.bottom) / 2, seen: rect.bottom > view.top && rect.top < view.bottom };
  };
  scroller.scrollBy({ top: offset().by, behavior: motion() });
  holdWhileSettling(scroller, Array.from(scroller.children), () => {
    const now = offset();
    if (!now.seen) scroller.scrollBy({ top: now.by });
  }, { afterFirst: true });
}

/** Scrolls an element's own scroller the least that shows it (`block: 'nearest'`, one scroller only). */
export function revealNearest(el: HTMLElement): void {
  const scroller = nearestScroller(el);
  const box = el.getBoundingClientRect();
  const view = viewOf(scroller);
  if (box.top < view.top) scroller.scrollBy({ top: box.top - view.top });
  else if (box.bottom > view.bottom) scroller.scrollBy({ top: Math.min(box.bottom - view.bottom, box.top - view.top) });
}
