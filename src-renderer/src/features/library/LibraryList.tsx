/**
 * The library's rows, virtualized: only the rows in view (plus a few) exist
 * in the DOM, so 50 or 50,000 items scroll the same. Rows not loaded yet show
 * as quiet placeholders while their page arrives.
 *
 * Keyboard: `j`/`k` move the selection (focus) and scroll it into view,
 * Enter opens it (rows are links). The scroll position and selection are
 * remembered per filter, so coming back from an article lands where the
 * person left.
 */
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { DocSummary } from '../../../../src-main/shared/model';
import { formatCount, kindLabel } from '../../platform/format';
import { DocDate } from '../../platform/DocDate';
import { Link } from '../../platform/Link';
import { useViewKeys } from '../../platform/shortcuts';
import { takeLastOpened } from './library-query';
import type { PagedList } from './paged-list';

/**
 * Every row is this tall (title, summary line and meta, one line each), so the
 * virtualizer never measures rows: a measured size that differs from the
 * estimate makes it rebuild its offsets from that row to the end of the list,
 * a cost that grows with the library's length on every scroll frame.
 */
export const ROW_HEIGHT = 80;
const rowSize = () => ROW_HEIGHT;

/**
 * The list's size, from a ResizeObserver only. The virtualizer's default reads
 * the element's size as it mounts, which makes Chromium lay out the whole new
 * page synchronously (tens of milliseconds at start) before the first rows
 * exist; the observer reports after the browser's own layout, in the same
 * frame. Until then the list assumes the window's height (initialRect).
 */
function observeListRect(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  const el = instance.scrollElement;
  if (!el || typeof ResizeObserver === 'undefined') return;
  const ro = new ResizeObserver(() => cb({ width: el.clientWidth, height: el.clientHeight }));
  ro.observe(el, { box: 'content-box' });
  return () => ro.disconnect();
}
/** Rows drawn beyond each edge of the screen; while a fling jumps more than a screen per frame, FLING_OVERSCAN. */
const OVERSCAN = 12;
const FLING_OVERSCAN = 1;
const initialRect = () => ({ width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight });

/** Scroll offset and selected row per list (keyed by the request), for this window's life. */
const remembered = new Map<string, { offset: number; active: number }>();

/** What the row shows of the person's notes on it. */
export interface RowNotes {
  annotations: number;
  starred: boolean;
  readingPosition?: number | null;
  readAt?: string | null;
}

/** "Read", "42% read" or nothing (unread): where the person is in this article. */
export function readingState(notes: RowNotes | undefined): string | null {
  if (notes?.readAt) return 'Read';
  const p = notes?.readingPosition;
  return typeof p === 'number' && p > 0 ? `${Math.max(1, Math.round(p * 100))}% read` : null;
}

export function LibraryRow({ doc, notes }: { doc: DocSummary; notes?: RowNotes }) {
  return (
    <Link to={{ name: 'article', id: doc.id }} className="row-link" data-kind={doc.kind}>
      <span className="row-title">{doc.title}</span>
      {doc.summary ? <span className="row-summary">{doc.summary}</span> : null}
      <span className="row-meta">
        <span className={`kind-badge kind-${doc.kind}`}>{kindLabel(doc.kind)}</span>
        <DocDate doc={doc} />
        {doc.languages.includes('ru') ? (
          <span className="lang-badge" title="Contains Russian text">
            RU
          </span>
        ) : null}
        {readingState(notes) ? <span className="read-badge">{readingState(notes)}</span> : null}
        {notes?.starred ? (
          <span className="notes-badge" title="Starred">
            ★ Starred
          </span>
        ) : null}
        {notes && notes.annotations > 0 ? (
          <span className="notes-badge">
            {formatCount(notes.annotations, 'highlight', 'highlights')}
          </span>
        ) : null}
      </span>
    </Link>
  );
}

export function LibraryList({
  list,
  listKey,
  label,
  notes,
}: {
  list: PagedList;
  /** The person's notes per article id (badges on the rows). */
  notes?: ReadonlyMap<string, RowNotes>;
  /** Identifies the request, for remembering scroll position. */
  listKey: string;
  label: string;
}) {
  const total = list.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  const saved = remembered.get(listKey);
  const [active, setActive] = useState(saved?.active ?? -1);
  const activeRef = useRef(active);
  activeRef.current = active;

  // A fling that moves more than a screen per frame never shows a row drawn ahead of it: every frame's rows
  // are new. Drawing the 24 rows of overscan anyway tripled each such frame's work (a 50,000-item library
  // scrolled top to bottom: 77 frames over 50 ms), so while it lasts the list draws what is on screen.
  // Decided at each scroll (a render for a page that arrived keeps the decision), over when the scrolling stops.
  const instance = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  const fling = useRef({ offset: 0, on: false });
  const before = instance.current;
  if (before) {
    const at = before.scrollOffset ?? 0;
    if (!before.isScrolling) fling.current.on = false;
    else if (at !== fling.current.offset) fling.current.on = Math.abs(at - fling.current.offset) > (before.scrollRect?.height ?? window.innerHeight);
    fling.current.offset = at;
  }
  const flinging = fling.current.on;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    // Stable functions: the virtualizer compares its options by identity and
    // recomputes every row's offset when one changes. Rows are keyed by index
    // (the default), so a row keeps its element when its page arrives.
    estimateSize: rowSize,
    // A few rows either side keep the next screenful ready while scrolling.
    overscan: flinging ? FLING_OVERSCAN : OVERSCAN,
    initialOffset: saved?.offset ?? 0,
    initialRect: initialRect(),
    observeElementRect: observeListRect,
  });

  instance.current = virtualizer;
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    list.ensure(first - 20, last + 20);
  }, [list, first, last]);

  // Remember where we are when leaving (e.g. opening an article).
  useEffect(
    () => () => {
      remembered.set(listKey, { offset: scrollRef.current?.scrollTop ?? 0, active: activeRef.current });
    },
    [listKey],
  );

  const focusRow = useCallback(
    (index: number) => {
      setActive(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
      // The row may only exist after the virtualizer renders it.
      let tries = 0;
      const attempt = () => {
        const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] a`);
        if (el) el.focus({ preventScroll: true });
        else if (tries++ < 10) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [virtualizer],
  );

  // Coming back from the reader: select the document last read (it may differ from the
  // one opened, after j/k in the reader), so j/k continue from there.
  const returning = useRef<string | null | undefined>(undefined);
  if (returning.current === undefined) returning.current = takeLastOpened();
  useEffect(() => {
    const id = returning.current;
    if (!id || total === 0) return;
    const i = list.indexOf(id);
    if (i < 0) return;
    returning.current = null;
    focusRow(i);
  });

  useViewKeys({
    next: () => total > 0 && focusRow(Math.min(total - 1, activeRef.current + 1)),
    previous: () => total > 0 && focusRow(Math.max(0, activeRef.current - 1)),
  });

  return (
    <div
      ref={scrollRef}
      className="list-scroll"
      tabIndex={-1}
      onClick={(e) => clickRowUnderPointer(e, innerRef.current)}
      onKeyDown={(e) => {
        // Arrow keys work like j/k once the list has focus.
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        if (e.altKey || e.ctrlKey || e.metaKey || total === 0) return;
        e.preventDefault();
        focusRow(e.key === 'ArrowDown' ? Math.min(total - 1, activeRef.current + 1) : Math.max(0, activeRef.current - 1));
      }}
    >
      <div
        ref={innerRef}
        role="list"
        aria-label={label}
        className="list-inner"
        // While it scrolls, rows moving under a still pointer are not hovered (library.css says why).
        data-scrolling={virtualizer.isScrolling ? '' : undefined}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((v) => {
          const doc = list.get(v.index);
          return (
            <ListRow
              key={v.key}
              index={v.index}
              start={v.start}
              total={total}
              active={v.index === active}
              doc={doc}
              notes={doc ? notes?.get(doc.id) : undefined}
              onActive={setActive}
            />
          );
        })}
      </div>
    </div>
  );
}

/**
 * While the list scrolls its rows take no pointer events (library.css says why), so a click that began or
 * ended then lands on the list itself: a scroll event arriving between a press on a row and its release (the
 * press came right after a wheel, or a scroll into view) was enough for the click to open nothing. Such a
 * click is given to the row under the pointer, with its modifier keys.
 */
function clickRowUnderPointer(e: ReactMouseEvent<HTMLDivElement>, inner: HTMLDivElement | null): void {
  if (!inner || e.defaultPrevented || (e.target !== e.currentTarget && e.target !== inner)) return;
  // The inline style outranks the scrolling rule for this one hit test.
  inner.style.pointerEvents = 'auto';
  const hit = document.elementFromPoint(e.clientX, e.clientY);
  inner.style.pointerEvents = '';
  const link = hit?.closest<HTMLAnchorElement>('a.row-link');
  if (!link || !inner.contains(link)) return;
  link.focus({ preventScroll: true });
  const { clientX, clientY, screenX, screenY, button, ctrlKey, shiftKey, altKey, metaKey } = e;
  link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX, clientY, screenX, screenY, button, ctrlKey, shiftKey, altKey, metaKey }));
}

/**
 * One row of the list. Memoized: a scroll frame re-renders the list, and only
 * the rows that came into view (or whose page, notes or selection changed)
 * are rendered again, not every row on screen.
 */
const ListRow = memo(function ListRow({
  index,
  start,
  total,
  active,
  doc,
  notes,
  onActive,
}: {
  index: number;
  start: number;
  total: number;
  active: boolean;
  doc: DocSummary | undefined;
  notes: RowNotes | undefined;
  onActive: (index: number) => void;
}) {
  return (
    <div
      role="listitem"
      aria-setsize={total}
      aria-posinset={index + 1}
      data-index={index}
      className={active ? 'list-row active' : 'list-row'}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onFocus={() => onActive(index)}
    >
      {doc ? (
        <LibraryRow doc={doc} notes={notes} />
      ) : (
        <div className="row-placeholder" aria-label="Loading">
          <span className="skeleton skeleton-title" />
          <span className="skeleton skeleton-meta" />
        </div>
      )}
    </div>
  );
});
