/**
 * The reader's annotation sidebar: the article's notes (star, tags, note),
 * then its annotations in text order with orphans last. Clicking a quote
 * scrolls the text to its highlight. Mount it in the reader's Sidebar slot;
 * the reader supplies the landmark (<aside aria-label="Annotations">).
 * Cards are rendered progressively (use-progressive-count.ts): an article
 * with hundreds of highlights shows its first cards with the text and the
 * rest in idle time, so opening it does not wait for every card's layout.
 */
import { highlightApi } from '../../anchoring/highlighter';
import { useColors, useReadAheadAnnotations } from '../../db';
import { AnnotationCard } from './AnnotationCard';
import { ArticleNotes } from './ArticleNotes';
import { updateSession, useReaderSession } from './reader-session';
import { scrollToHighlight } from './SelectionToolbar';
import type { AnnotationSlotProps } from './slot-props';
import { useAnchoredAnnotations } from './use-anchors';
import { useProgressiveCount } from './use-progressive-count';
import { formatCount } from '../../platform/format';

export function AnnotationSidebar({ doc, text, container, starts }: AnnotationSlotProps) {
  const colors = useColors();
  const session = useReaderSession(doc.id);
  const { items, invalid, loading } = useAnchoredAnnotations(doc.id, text);
  const placed = items.filter((i) => i.anchor.status !== 'orphaned');
  const orphans = items.filter((i) => i.anchor.status === 'orphaned');
  // The card being opened is always rendered, however far down the list it is.
  const activeAt = session.activeId ? [...placed, ...orphans].findIndex((i) => i.annotation.id === session.activeId) : -1;
  const shown = useProgressiveCount(placed.length + orphans.length, activeAt + 1, doc.id);

  const goTo = (id: string) => {
    updateSession({ activeId: id, focus: null });
    if (container && !scrollToHighlight(container, id)) {
      // Not painted (yet): scroll to its paragraph instead.
      const item = items.find((i) => i.annotation.id === id);
      if (item && item.anchor.status !== 'orphaned') {
        let p = 0;
        while (p + 1 < starts.length && starts[p + 1] <= item.anchor.start) p++;
        container.querySelector(`[data-paragraph="${p}"]`)?.scrollIntoView({ block: 'center' });
      }
    }
  };

  const card = (i: (typeof items)[number]) => (
    <AnnotationCard
      key={i.annotation.id}
      item={i}
      colors={colors}
      active={session.activeId === i.annotation.id}
      focus={session.activeId === i.annotation.id ? session.focus : null}
      reattaching={session.reattachId === i.annotation.id}
      onGoTo={goTo}
    />
  );

  return (
    <div className="ann-sidebar">
      <ArticleNotes docId={doc.id} />
      <h2 className="section-label ann-heading">
        Highlights {loading ? '' : `(${placed.length})`}
      </h2>
      {!loading && items.length === 0 ? <p className="ann-empty">Select text in the article to highlight it.</p> : null}
      {!loading && placed.length > 0 && !highlightApi() ? (
        <p className="ann-hint">This browser cannot paint highlights into the text (it lacks the CSS Custom Highlight API), so they are only listed here.</p>
      ) : null}
      <ol className="ann-list" aria-label="Highlights in text order">
        {placed.slice(0, shown).map(card)}
      </ol>
      {orphans.length > 0 ? (
        <>
          <h2 className="section-label ann-heading">Could not be placed ({orphans.length})</h2>
          <p className="ann-hint">The article changed since these were made. They are kept; re-attach them by selecting new text.</p>
          <ol className="ann-list" aria-label="Orphaned highlights">
            {orphans.slice(0, Math.max(0, shown - placed.length)).map(card)}
          </ol>
        </>
      ) : null}
      {invalid.length > 0 ? (
        <p className="inline-error" role="status">
          {formatCount(invalid.length, 'saved item', 'saved items')} could not be read and {invalid.length === 1 ? 'was' : 'were'} left untouched.
        </p>
      ) : null}
    </div>
  );
}

/** Keeps the article's one live read of its highlights open from the moment it is asked for (db/doc-annotations-feed.ts). */
export function AnnotationsReadAhead({ docId }: { docId: string }) {
  useReadAheadAnnotations(docId);
  return null;
}
