/**
 * Remembers the reading position while the person scrolls and restores it
 * when the document opens again (stored in the article's DocState, see
 * reading-position.ts). Skipped when the reader opens at a search
 * match or a passage: those say where to look.
 */
import { useEffect, useRef, useState } from 'react';
import { useNotesDb } from '../../db';
import { loadReadingPosition, saveReadingPosition, type TextShape } from './reading-position';
import { holdWhileSettling } from '../../anchoring/scrolling';

const SAVE_DELAY_MS = 400;
const RESUMED_NOTICE_MS = 8000;
/** Leave a little air above the restored paragraph. */
const TOP_MARGIN_PX = 24;

function topParagraph(scroller: HTMLElement, container: HTMLElement): { paragraph: number; within: number } {
  const top = scroller.getBoundingClientRect().top + TOP_MARGIN_PX;
  const paragraphs = container.querySelectorAll<HTMLElement>('[data-paragraph]');
  if (scroller.scrollTop < 8) return { paragraph: 0, within: 0 };
  for (const p of paragraphs) {
    const r = p.getBoundingClientRect();
    if (r.bottom > top) {
      const within = r.height > 0 ? Math.max(0, (top - r.top) / r.height) : 0;
      return { paragraph: Number(p.dataset.paragraph), within };
    }
  }
  const last = paragraphs[paragraphs.length - 1];
  return { paragraph: last ? Number(last.dataset.paragraph) : 0, within: 0 };
}

/** Returns whether a saved position was restored (for the "resumed" notice). */
export function useReadingPosition(
  docId: string,
  scroller: HTMLElement | null,
  container: HTMLElement | null,
  restore: boolean,
  shape: TextShape,
): { resumed: boolean; dismiss: () => void } {
  const db = useNotesDb();
  const shapeRef = useRef(shape);
  shapeRef.current = shape;
  const [resumed, setResumed] = useState(false);
  const restoring = useRef(false);
  // Decided when the document opens: clearing the search highlights later must not jump to the saved place.
  const restoreOnOpen = useRef(restore).current;

  useEffect(() => {
    setResumed(false);
    if (!scroller || !container) return;
    let live = true;
    let stopSettling = () => {};
    if (restoreOnOpen) {
      restoring.current = true;
      // Wait for the reading font: paragraph heights change when it arrives. Asked after the
      // text's first frame: reading document.fonts.ready makes Chromium compute the page's
      // styles at once, which, right after the article is put in, is a synchronous style pass.
      const fontsReady = new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))).then(
        () => document.fonts?.ready,
      );
      void Promise.all([loadReadingPosition(db, docId, shapeRef.current), fontsReady]).then(([pos]) => {
        if (!restoring.current) return; // the person scrolled first: their place wins
        restoring.current = false;
        if (!live || !pos) return;
        const p = container.querySelector<HTMLElement>(`[data-paragraph="${pos.paragraph}"]`);
        if (!p) return;
        const place = () => {
          const box = scroller.getBoundingClientRect();
          const r = p.getBoundingClientRect();
          scroller.scrollTop += r.top - box.top + pos.within * r.height - TOP_MARGIN_PX;
        };
        place();
        setResumed(pos.paragraph > 0 || pos.within > 0.05);
        // What loads after the text (the notice, the notes panel, briefs, images) moves it, and so does what sits
        // above the text in the scroller (the header's tags and notes arrive by their own reads): keep the
        // restored paragraph in place while the page settles, until the person moves it themselves.
        stopSettling = holdWhileSettling(scroller, [container, ...Array.from(scroller.children)], place);
      });
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Measured while the page is on screen. The save on leaving must use this:
    // by the time React runs the cleanup the elements are detached, measure as
    // "the top", and would overwrite the place the person stopped at.
    let last: { paragraph: number; within: number } | null = null;
    const save = () => {
      timer = undefined;
      if (restoring.current) return;
      // Measure as late as possible (layout settles after a scroll), but never once detached.
      if (scroller.isConnected && container.isConnected) last = topParagraph(scroller, container);
      if (last) void saveReadingPosition(db, docId, last, shapeRef.current);
    };
    const onScroll = () => {
      // A scroll before the saved place is known is the person's own (the
      // restore has not moved anything yet): it wins, and the restore is dropped.
      restoring.current = false;
      last = topParagraph(scroller, container);
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      live = false;
      stopSettling();
      scroller.removeEventListener('scroll', onScroll);
      if (timer) {
        clearTimeout(timer);
        save();
      }
    };
  }, [db, docId, scroller, container, restoreOnOpen]);

  // The notice is a hint, not a task: it leaves on its own.
  useEffect(() => {
    if (!resumed) return;
    const t = setTimeout(() => setResumed(false), RESUMED_NOTICE_MS);
    return () => clearTimeout(t);
  }, [resumed]);

  return { resumed, dismiss: () => setResumed(false) };
}
