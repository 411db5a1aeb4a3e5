/**
 * The reader: one document with calm typography, its briefs (or the pages a
 * brief appeared on), previous/next in the order the person was browsing,
 * search matches highlighted with next/previous, and the reading position
 * remembered. Slots on the right and over the text are for annotations
 * (see reader-slots.tsx).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { docText, paragraphOffsets, type Doc, type FacetType } from '../../../../src-main/shared/model';
import { useApiCall } from '../../platform/api-context';
import { takeDoc } from '../../platform/doc-ahead';
import { useArchiveStatus } from '../../platform/archive-status';
import { formatDate, kindLabel } from '../../platform/format';
import { DocDate } from '../../platform/DocDate';
import { Link } from '../../platform/Link';
import { goBack, navigate } from '../../platform/router';
import type { ArticleRoute } from '../../platform/routes';
import { useViewKeys } from '../../platform/shortcuts';
import { ErrorState, LoadingState } from '../../platform/StateViews';
import type { TextLayout } from '../../anchoring/text-range';
import { openExport } from '../export';
import { noteOpened } from '../library';
import { ArticleText } from './ArticleText';
import { FindBar } from './FindBar';
import { useReaderSlots } from './reader-slots';
import { RelatedDocs } from './RelatedDocs';
import { TextSettingsButton } from './TextSettingsButton';
import { useFindInDoc } from './use-find-in-doc';
import { useNeighbours, type Neighbours } from './use-neighbours';
import { useMarkRead } from './use-mark-read';
import { useReadingPosition } from './use-reading-position';

const FACET_LABELS: { type: FacetType; label: string }[] = [
  { type: 'people', label: 'People' },
  { type: 'places', label: 'Places' },
  { type: 'organizations', label: 'Organizations' },
];

export function ReaderView({ route }: { route: ArticleRoute }) {
  const status = useArchiveStatus();
  const ready = status.libraryReady;
  const doc = useApiCall(ready ? `doc:${route.id}` : null, (api) => takeDoc(api, route.id));
  const neighbours = useNeighbours(route.id, doc.value?.id === route.id ? doc.value.kind : undefined);

  // Stepping through articles replaces the entry: Esc/Back returns to the list, not to each article read.
  const go = (id: string | undefined) => id && navigate({ name: 'article', id }, { replace: true });
  // A j/k pressed before the neighbours are known is kept and done when they arrive, not dropped.
  const pending = useRef<'next' | 'prev' | null>(null);
  const step = (dir: 'next' | 'prev') => {
    if (neighbours) go(neighbours[dir]?.id);
    else pending.current = dir;
  };
  useEffect(() => {
    if (!neighbours || !pending.current) return;
    const dir = pending.current;
    pending.current = null;
    go(neighbours[dir]?.id);
  }, [neighbours]);
  useEffect(() => {
    pending.current = null;
  }, [route.id]);
  useViewKeys({
    next: () => step('next'),
    previous: () => step('prev'),
  });

  const current = doc.value?.id === route.id ? doc.value : undefined;
  const { Opening } = useReaderSlots();
  useEffect(() => {
    if (current) noteOpened(current.id);
  }, [current]);
  useEffect(() => {
    if (current) document.title = `${current.title} — Archive Reader`;
    return () => {
      document.title = 'Archive Reader';
    };
  }, [current]);

  return (
    <div className="reader-page">
      {Opening ? <Opening docId={route.id} /> : null}
      <ReaderToolbar route={route} neighbours={neighbours} />
      {status.error ? (
        <ErrorState title="The archive host does not answer" error={status.error} onRetry={status.retry} />
      ) : route.archive && status.info && route.archive !== status.info.archiveId ? (
        // A passage link of another archive: that archive's article may share this id, so it is never opened here.
        <ErrorState
          title="This passage is in another archive"
          error={{
            code: 'not-found',
            message: `The link belongs to the archive "${route.archive}", and "${status.info.archiveId}" is open. Open that archive (import it first if this app does not have it) and follow the link again.`,
          }}
        />
      ) : !ready || (doc.status === 'loading' && !current) ? (
        <LoadingState label="Opening the article…" />
      ) : doc.status === 'error' ? (
        <ErrorState
          title={doc.error.code === 'not-found' ? 'This article is not in the archive' : 'The article could not be opened'}
          error={doc.error}
          onRetry={doc.error.code === 'not-found' ? undefined : doc.retry}
        />
      ) : current ? (
        <DocumentPane key={current.id} doc={current} route={route} neighbours={neighbours} />
      ) : null}
    </div>
  );
}

function ReaderToolbar({ route, neighbours }: { route: ArticleRoute; neighbours: Neighbours | null }) {
  const backLabel = route.q ? 'Results' : 'Library';
  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Reader">
      <button type="button" className="tool-button back-button" onClick={goBack} title="Back (Esc)" aria-keyshortcuts="Escape">
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M12 4.5L6.5 10l5.5 5.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span>{backLabel}</span>
      </button>
      <div className="toolbar-spacer" />
      {neighbours ? (
        <span className="position-label" aria-label={`${neighbours.index + 1} of ${neighbours.total} ${neighbours.within}`} title={`${neighbours.index + 1} of ${neighbours.total} ${neighbours.within}`}>
          {neighbours.index + 1} / {neighbours.total}
        </span>
      ) : null}
      <button
        type="button"
        className="tool-button"
        aria-label="Previous article"
        aria-keyshortcuts="k"
        title={neighbours?.prev ? `Previous: ${neighbours.prev.title} (k)` : 'Previous article (k)'}
        disabled={!neighbours?.prev}
        onClick={() => neighbours?.prev && navigate({ name: 'article', id: neighbours.prev.id }, { replace: true })}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M12 4.5L6.5 10l5.5 5.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button
        type="button"
        className="tool-button"
        aria-label="Next article"
        aria-keyshortcuts="j"
        title={neighbours?.next ? `Next: ${neighbours.next.title} (j)` : 'Next article (j)'}
        disabled={!neighbours?.next}
        onClick={() => neighbours?.next && navigate({ name: 'article', id: neighbours.next.id }, { replace: true })}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M8 4.5l5.5 5.5L8 15.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <span className="toolbar-divider" aria-hidden="true" />
      <button
        type="button"
        className="tool-button"
        aria-keyshortcuts="Control+E"
        title="Export this article's highlights and notes (Ctrl+E)"
        onClick={() => openExport({ initialScope: 'article' })}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M10 3v9m0 0l-3.5-3.5M10 12l3.5-3.5M4 13.5V16h12v-2.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span>Export…</span>
      </button>
      <TextSettingsButton />
    </div>
  );
}

function DocumentPane({ doc, route, neighbours }: { doc: Doc; route: ArticleRoute; neighbours: Neighbours | null }) {
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const { Sidebar, SelectionToolbar } = useReaderSlots();
  const text = useMemo(() => docText(doc), [doc]);
  const starts = useMemo(() => paragraphOffsets(doc), [doc]);
  const layout = useMemo<TextLayout | null>(() => (container ? { container, text, starts } : null), [container, text, starts]);

  const find = useFindInDoc(doc.id, route.q, layout, scroller);
  useViewKeys({ nextMatch: find?.next, previousMatch: find?.previous });
  // Ctrl/Cmd+F finds in this article (the same matching as search: stems, Russian), without a search first.
  const [findOpen, setFindOpen] = useState(false);
  const findInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setFindOpen(true);
        requestAnimationFrame(() => findInput.current?.select());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const closeFind = () => {
    setFindOpen(false);
    navigate({ ...route, q: undefined }, { replace: true });
    scroller?.focus({ preventScroll: true });
  };
  const shape = useMemo(() => ({ starts, length: text.length }), [starts, text]);
  const position = useReadingPosition(doc.id, scroller, container, !route.q && !route.annotation, shape);
  const [textEnd, setTextEnd] = useState<HTMLDivElement | null>(null);
  useMarkRead(doc.id, textEnd, scroller);

  // Keyboard readers land in the text: Space and Page Down scroll it at once.
  // Focused after the first paint: focusing needs an up-to-date layout, and
  // asked for before the new page is painted it forces one synchronously.
  useEffect(() => {
    if (!scroller) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (scroller.isConnected && (document.activeElement === document.body || document.activeElement === null)) {
          scroller.focus({ preventScroll: true });
        }
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, [scroller]);

  const slotProps = { doc, text, starts, container, scroller, route };
  const facetGroups = FACET_LABELS.map((g) => ({ ...g, values: doc.facets[g.type] })).filter((g) => g.values.length > 0);
  const hasRussian = doc.paragraphs.some((p) => p.lang === 'ru');

  return (
    <>
      {find || findOpen ? (
        <FindBar
          find={find}
          query={route.q ?? ''}
          inputRef={findInput}
          onQuery={(q) => navigate({ ...route, q: q.trim() === '' ? undefined : q }, { replace: true })}
          onClear={closeFind}
        />
      ) : null}
      <div className="reader-scroll" ref={setScroller} tabIndex={-1}>
        <div className={Sidebar ? 'reader-layout with-sidebar' : 'reader-layout'}>
          <article className="reading" aria-labelledby="doc-title" lang="en">
            <header className="doc-header">
              <p className="doc-eyebrow">
                <span className={`kind-badge kind-${doc.kind}`}>{kindLabel(doc.kind)}</span>
                <DocDate doc={doc} />
              </p>
              <h1 id="doc-title" className="doc-title">
                {doc.title}
              </h1>
              <p className="doc-meta">
                {doc.eventDate && doc.eventDate !== doc.published ? <span>Event: {formatDate(doc.eventDate)}</span> : null}
                <span>{hasRussian ? 'English and Russian' : 'English'}</span>
              </p>
            </header>
            <div className="doc-text" ref={setContainer} data-doc-id={doc.id}>
              <ArticleText doc={doc} />
            </div>
            <div ref={setTextEnd} className="doc-text-end" aria-hidden="true" />
            {facetGroups.length > 0 ? (
              <section className="doc-facets" aria-labelledby="facets-heading">
                <h2 id="facets-heading" className="section-label">
                  Mentioned
                </h2>
                {facetGroups.map((g) => (
                  <div key={g.type} className="facet-group">
                    <span className="facet-group-label">{g.label}</span>
                    <ul className="facet-chips">
                      {g.values.map((v) => (
                        <li key={v}>
                          <Link to={{ name: 'library', facet: { type: g.type, value: v } }} className="chip chip-link" title={`Everything that mentions ${v}`}>
                            {v}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </section>
            ) : null}
            <RelatedDocs doc={doc} />
            {/* Provenance, at the end: a file name is no headline. */}
            <p className="doc-source">
              Source file: <span className="doc-source-name">{doc.source}</span>
            </p>
            <DocPager neighbours={neighbours} />
          </article>
          {Sidebar ? (
            <aside className="reader-sidebar" aria-label="Annotations">
              <Sidebar {...slotProps} />
            </aside>
          ) : null}
        </div>
        {SelectionToolbar ? <SelectionToolbar {...slotProps} /> : null}
      </div>
      {position.resumed ? (
        // A toast over the text, not above it: inserting it into the flow would move the restored position.
        <div className="resume-note" role="status">
          <span>Resumed where you left off.</span>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              scroller?.scrollTo({ top: 0 });
              position.dismiss();
            }}
          >
            Start from the top
          </button>
          <button type="button" className="icon-button small" aria-label="Dismiss" onClick={position.dismiss}>
            <svg viewBox="0 0 20 20" aria-hidden="true">
              <path d="M6 6l8 8M14 6l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      ) : null}
    </>
  );
}

function DocPager({ neighbours }: { neighbours: Neighbours | null }) {
  if (!neighbours || (!neighbours.prev && !neighbours.next)) return null;
  return (
    <nav className="doc-pager" aria-label="More in this list">
      {neighbours.prev ? (
        <Link to={{ name: 'article', id: neighbours.prev.id }} replace className="pager-card prev">
          <span className="pager-label">Previous</span>
          <span className="pager-title">{neighbours.prev.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {neighbours.next ? (
        <Link to={{ name: 'article', id: neighbours.next.id }} replace className="pager-card next">
          <span className="pager-label">Next</span>
          <span className="pager-title">{neighbours.next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
