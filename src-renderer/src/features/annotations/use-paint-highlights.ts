/**
 * Keeps the reader's DOM showing the article's highlights: paints a <mark>
 * per anchored annotation (outer ones first, so shorter highlights nest
 * inside longer ones), and repaints when the reader replaces paragraph
 * content (a re-render, a virtualized paragraph coming into view). Our own
 * DOM changes are taken off the MutationObserver's queue so they never
 * trigger a repaint loop.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ColorDef } from '../../../../src-main/shared/notes/annotation-model';
import { HIGHLIGHT_CLASS, highlightSlicesInParagraph, paragraphSlices, removeAllHighlights, type ParagraphSlice } from '../../anchoring/highlighter';
import { findParagraph, type TextLayout } from '../../anchoring/text-range';
import type { AnchoredAnnotation } from './use-anchors';

export const ACTIVE_CLASS = 'ar-highlight-active';

export function paintHighlights(layout: TextLayout, items: AnchoredAnnotation[], colors: ColorDef[], activeId: string | null): void {
  removeAllHighlights(layout.container);
  const hex = new Map(colors.map((c) => [c.id, c]));
  const anchored = items.filter((i) => i.anchor.status !== 'orphaned');
  // Longer first at equal starts, so a shorter highlight lands inside a longer one.
  anchored.sort((a, b) =>
    a.anchor.status === 'orphaned' || b.anchor.status === 'orphaned' ? 0 : a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end,
  );
  // Each paragraph's slices, in painting order, painted in one pass per paragraph.
  const byParagraph = new Map<number, { slices: ParagraphSlice[]; active: boolean[] }>();
  for (const { annotation, anchor } of anchored) {
    if (anchor.status === 'orphaned') continue;
    const color = hex.get(annotation.color);
    const options = { id: annotation.id, attributes: { 'data-color': annotation.color, title: color?.label ?? '' } };
    for (const [p, from, to] of paragraphSlices(layout, anchor.start, anchor.end)) {
      let group = byParagraph.get(p);
      if (!group) byParagraph.set(p, (group = { slices: [], active: [] }));
      group.slices.push({ from, to, options });
      group.active.push(annotation.id === activeId);
    }
  }
  for (const [p, { slices, active }] of byParagraph) {
    const el = findParagraph(layout.container, p);
    if (!el) continue;
    highlightSlicesInParagraph(el, slices).forEach((marks, i) => {
      for (const m of marks) {
        m.classList.add(HIGHLIGHT_CLASS);
        if (active[i]) m.classList.add(ACTIVE_CLASS);
      }
    });
  }
}

export function usePaintHighlights(
  layout: TextLayout | null,
  items: AnchoredAnnotation[],
  colors: ColorDef[],
  activeId: string | null,
): void {
  const observer = useRef<MutationObserver | null>(null);
  const latest = useRef({ items, colors, activeId });
  latest.current = { items, colors, activeId };
  // The colours only name the marks (their title): a new array with the same labels (the stored labels read
  // after the defaults, at every open) must not take out and paint again every highlight of the article.
  const colorLabels = colors.map((c) => `${c.id}\t${c.label}`).join('\n');

  useLayoutEffect(() => {
    if (!layout) return;
    const paint = () => {
      const { items: i, colors: c, activeId: a } = latest.current;
      paintHighlights(layout, i, c, a);
      observer.current?.takeRecords();
    };
    paint();
    let frame = 0;
    // Our own painting is taken off the queue (takeRecords in paint), so any
    // record that arrives is the reader changing the text under us.
    const mo = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(paint);
    });
    observer.current = mo;
    mo.observe(layout.container, { childList: true, subtree: true });
    return () => {
      cancelAnimationFrame(frame);
      mo.disconnect();
      observer.current = null;
      removeAllHighlights(layout.container);
    };
  }, [layout, items, colorLabels, activeId]);

  useEffect(() => () => observer.current?.disconnect(), []);
}
