/**
 * The reader's annotation layer over the text: it paints the article's
 * highlights into the paragraphs, opens an annotation when its highlight is
 * clicked (the innermost one, for nested highlights), scrolls to the
 * annotation a passage link names, and shows a small toolbar over a text
 * selection: colour choice (named by the person's labels), "Highlight",
 * "Add note", "Tag", "Copy with citation", and "Re-attach here" while an
 * orphan waits for new text. Mount it once per open article (the reader's
 * SelectionToolbar slot).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ColorId } from '../../../../src-main/shared/notes/annotation-model';
import { describeOffsets } from '../../../../src-main/shared/notes/anchoring/anchor';
import { layerFor } from '../../anchoring/highlighter';
import { centerRange } from '../../anchoring/scrolling';
import { rangeToOffsets, type TextLayout } from '../../anchoring/text-range';
import { useViewKeys } from '../../platform/shortcuts';
import { createAnnotation, updateAnnotation, useColors, useNotesDb } from '../../db';
import { copyWithCitation, useLinkBase } from './citation';
import { resetSession, updateSession, useReaderSession } from './reader-session';
import type { AnnotationSlotProps } from './slot-props';
import { StorageStatus } from './StorageStatus';
import { AnnotationToasts, showToast } from './toasts';
import { useAnchoredAnnotations } from './use-anchors';
import { usePaintHighlights } from './use-paint-highlights';

let lastColor: ColorId = 'yellow';

interface Selected {
  start: number;
  end: number;
  top: number;
  bottom: number;
  left: number;
}

/** Scroll a highlight to the middle of the view and flash it; false when it is not painted. */
export function scrollToHighlight(container: HTMLElement, id: string): boolean {
  const layer = layerFor(container);
  const [first] = layer?.rangesOf(id) ?? [];
  if (!layer || !first) return false;
  centerRange(first);
  layer.flash(id);
  return true;
}

export function SelectionToolbar({ doc, text, starts, container, route }: AnnotationSlotProps) {
  const db = useNotesDb();
  const colors = useColors();
  const session = useReaderSession(doc.id);
  const { items, loading } = useAnchoredAnnotations(doc.id, text);
  const layout = useMemo<TextLayout | null>(() => (container ? { container, text, starts } : null), [container, text, starts]);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [color, setColor] = useState<ColorId>(lastColor);
  const linkBase = useLinkBase();

  usePaintHighlights(layout, items, colors, session.activeId);
  // Leaving the article closes its open card and any pending re-attach.
  useEffect(() => () => resetSession(), [doc.id]);

  // Clicking a highlight opens its annotation.
  useEffect(() => {
    if (!container) return;
    const onClick = (e: MouseEvent) => {
      const sel = window.getSelection();
      if (sel && !sel.isCollapsed) return; // finishing a selection, not a click
      const ids = layerFor(container)?.idsAt(e.clientX, e.clientY) ?? [];
      if (ids.length > 0) updateSession({ activeId: ids[0], focus: null });
    };
    container.addEventListener('click', onClick);
    return () => container.removeEventListener('click', onClick);
  }, [container]);

  // A passage link (#/article/<id>?annotation=<id>) opens at its highlight.
  const wanted = route?.annotation;
  useEffect(() => {
    if (!wanted || loading || !container) return;
    updateSession({ activeId: wanted, focus: null });
    requestAnimationFrame(() => scrollToHighlight(container, wanted));
  }, [wanted, loading, container]);

  // Follow the selection.
  useEffect(() => {
    if (!layout) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      const sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return setSelected(null);
      const range = sel.getRangeAt(0);
      const offsets = rangeToOffsets(layout, range);
      if (!offsets) return setSelected(null);
      const rect = range.getBoundingClientRect();
      setSelected({ ...offsets, top: rect.top, bottom: rect.bottom, left: rect.left + rect.width / 2 });
    };
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(read, 120);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [layout]);

  const done = () => {
    window.getSelection()?.removeAllRanges();
    setSelected(null);
  };

  const highlight = useCallback(
    async (focus: 'note' | 'tags' | null) => {
      if (!selected) return;
      const selectors = describeOffsets(text, selected.start, selected.end);
      const r = await createAnnotation(db, { docId: doc.id, color, textHash: doc.textHash, ...selectors });
      if (!r.ok) return showToast(r.error.message);
      updateSession({ activeId: r.value.id, focus });
      done();
    },
    [selected, text, db, doc.id, doc.textHash, color],
  );

  // `h` highlights the selection in the colour last used. Esc closes the open highlight's card before it
  // leaves the article (a second Esc goes back).
  useViewKeys({
    highlight: selected ? () => void highlight(null) : undefined,
    back: session.activeId ? () => updateSession({ activeId: null, focus: null }) : undefined,
  });

  const reattach = async () => {
    if (!selected || !session.reattachId) return;
    const selectors = describeOffsets(text, selected.start, selected.end);
    const r = await updateAnnotation(db, session.reattachId, { ...selectors, textHash: doc.textHash });
    if (!r.ok) return showToast(r.error.message);
    updateSession({ reattachId: null, activeId: r.value.id, focus: null });
    done();
  };

  const copy = async () => {
    if (!selected) return;
    const ok = await copyWithCitation(doc, text.slice(selected.start, selected.end), { linkBase, archiveId: db.archiveId });
    showToast(ok ? 'Copied with citation.' : 'Could not reach the clipboard.');
    done();
  };

  const chooseColor = (id: ColorId) => {
    lastColor = id;
    setColor(id);
  };

  // Place the toolbar above the selection (below it near the top), kept on screen.
  const bar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el || !selected) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const left = Math.max(8, Math.min(window.innerWidth - w - 8, selected.left - w / 2));
    const top = selected.top > h + 16 ? selected.top - h - 8 : selected.bottom + 8;
    el.style.left = `${left}px`;
    el.style.top = `${Math.min(top, window.innerHeight - h - 8)}px`;
  }, [selected, session.reattachId]);

  return (
    <>
      {selected ? (
        <div
          className="ann-toolbar"
          role="toolbar"
          aria-label="Annotate selection"
          ref={bar}
          // Keep the text selection when a button is pressed.
          onMouseDown={(e) => e.preventDefault()}
        >
          <div role="radiogroup" aria-label="Colour" className="ann-colors">
            {colors.map((c) => (
              <button
                key={c.id}
                type="button"
                role="radio"
                aria-checked={c.id === color}
                className="ann-color-choice"
                data-color={c.id}
                onClick={() => chooseColor(c.id)}
              >
                <span className="ann-color" aria-hidden="true" />
                {c.label}
              </button>
            ))}
          </div>
          {session.reattachId ? (
            <button type="button" className="button" onClick={() => void reattach()}>
              Re-attach here
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => void highlight(null)}>
            Highlight
          </button>
          <button type="button" className="button-quiet" onClick={() => void highlight('note')}>
            Add note
          </button>
          <button type="button" className="button-quiet" onClick={() => void highlight('tags')}>
            Tag
          </button>
          <button type="button" className="button-quiet" onClick={() => void copy()}>
            Copy with citation
          </button>
        </div>
      ) : null}
      <StorageStatus />
      <AnnotationToasts />
    </>
  );
}
