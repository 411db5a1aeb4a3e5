/**
 * Keeps the reader showing the article's highlights (anchoring/highlighter.ts:
 * ranges in the CSS Custom Highlight API, outer ones first at equal starts),
 * paints again when the reader replaces paragraph content (a re-render, a
 * paragraph coming into view), and names a highlight under the pointer: the
 * pointer cursor and its colour's label as the paragraph's tooltip.
 */
import { useLayoutEffect, useRef } from 'react';
import type { ColorDef } from '../../../../src-main/shared/notes/annotation-model';
import { HighlightLayer, layerFor, OVER_ATTR, type HighlightSpec } from '../../anchoring/highlighter';
import type { TextLayout } from '../../anchoring/text-range';
import type { AnchoredAnnotation } from './use-anchors';

/** The anchored annotations as the highlighter paints them: orphans left out, longer first at equal starts. */
function highlightSpecs(items: AnchoredAnnotation[]): HighlightSpec[] {
  const specs: HighlightSpec[] = [];
  for (const { annotation, anchor } of items) {
    if (anchor.status === 'orphaned') continue;
    specs.push({ id: annotation.id, start: anchor.start, end: anchor.end, color: annotation.color });
  }
  return specs.sort((a, b) => a.start - b.start || b.end - a.end);
}

export function usePaintHighlights(
  layout: TextLayout | null,
  items: AnchoredAnnotation[],
  colors: ColorDef[],
  activeId: string | null,
): void {
  const latest = useRef({ items, colors, activeId });
  latest.current = { items, colors, activeId };

  useLayoutEffect(() => {
    if (!layout) return;
    const layer = new HighlightLayer(layout);
    const paint = () => layer.paint(highlightSpecs(latest.current.items), latest.current.activeId);
    paint();
    // The layer adds no nodes, so any record is the reader changing the text under the ranges.
    let frame = 0;
    const mo = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(paint);
    });
    mo.observe(layout.container, { childList: true, subtree: true });
    return () => {
      cancelAnimationFrame(frame);
      mo.disconnect();
      layer.dispose();
    };
  }, [layout, items, activeId]);

  // Over a highlight: the pointer cursor, and the innermost one's colour label as its paragraph's tooltip.
  useLayoutEffect(() => {
    if (!layout) return;
    const { container } = layout;
    let frame = 0;
    let titled: HTMLElement | null = null;
    let at = { x: 0, y: 0 };
    const update = () => {
      frame = 0;
      const layer = layerFor(container);
      const [id] = layer?.idsAt(at.x, at.y) ?? [];
      const item = id ? latest.current.items.find((i) => i.annotation.id === id) : undefined;
      const label = item ? (latest.current.colors.find((c) => c.id === item.annotation.color)?.label ?? '') : '';
      container.toggleAttribute(OVER_ATTR, !!item);
      const p = item ? (document.elementFromPoint(at.x, at.y)?.closest<HTMLElement>('[data-paragraph]') ?? null) : null;
      if (titled && titled !== p) titled.removeAttribute('title');
      titled = p;
      if (p && label) p.title = label;
    };
    const onMove = (e: PointerEvent) => {
      at = { x: e.clientX, y: e.clientY };
      frame ||= requestAnimationFrame(update);
    };
    const onLeave = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      container.removeAttribute(OVER_ATTR);
      titled?.removeAttribute('title');
      titled = null;
    };
    container.addEventListener('pointermove', onMove);
    container.addEventListener('pointerleave', onLeave);
    return () => {
      container.removeEventListener('pointermove', onMove);
      container.removeEventListener('pointerleave', onLeave);
      onLeave();
    };
  }, [layout]);
}
