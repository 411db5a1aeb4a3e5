/**
 * The Notebook: every annotation in the archive in one list, filtered by
 * colour, tag, article and date, searched over quotes, notes and tags, and
 * sorted by article or date. Annotations can be selected (many at once) to
 * tag them; the selection is reported to the parent for export. Filtering is
 * in notebook-filter.ts; the list grows by pages so 10,000 annotations stay
 * quick to show. Article notes, stars and article tags are listed above the
 * highlights (ArticleNotesList) under the same filters. The filters are kept
 * in this browser profile per archive (filterKey), so a reload finds them as they were and each archive keeps its own.
 * Notes on a document the archive no longer has (its file was gone at a
 * re-import) are orphans: listed like the others, marked, counted at the top,
 * never hidden or deleted.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ColorId } from '../../../../src-main/shared/notes/annotation-model';
import { addTagsToAnnotations, useAllAnnotations, useColors, useNotesDb, useTags } from '../../db';
import { deleteWithUndo, shortQuote } from '../annotations';
import { MarkdownView } from '../annotations';
import { StorageStatus } from '../annotations';
import { AnnotationToasts, showToast } from '../annotations';
import { formatCount, formatMoment } from '../../platform/format';
import { ArticleNotesList } from './ArticleNotesList';
import { EMPTY_FILTER, filterAnnotations, type DocInfo, type NotebookFilter, type NotebookSort } from './notebook-filter';

const PAGE = 100;
export const FILTER_KEY = 'archive-reader:notebook-filter';

/** Where an archive's filters are kept: the bundled archive under FILTER_KEY (as before archives had ids), others beside it. */
export function filterKey(archiveId: string): string {
  return archiveId === 'bundled' ? FILTER_KEY : `${FILTER_KEY}:${archiveId}`;
}

/** The filters last used in this archive, from this browser profile; anything unreadable is the empty filter. */
function storedFilter(key: string): NotebookFilter {
  try {
    const raw = JSON.parse(localStorage.getItem(key) ?? 'null') as Record<string, unknown> | null;
    if (!raw || typeof raw !== 'object') return EMPTY_FILTER;
    const out: Record<string, unknown> = { ...EMPTY_FILTER };
    for (const k of Object.keys(EMPTY_FILTER) as (keyof NotebookFilter)[]) if (typeof raw[k] === 'string') out[k] = raw[k];
    if (!['article', 'created', 'modified'].includes(out.sort as string)) out.sort = EMPTY_FILTER.sort;
    return out as unknown as NotebookFilter;
  } catch {
    return EMPTY_FILTER;
  }
}

export interface NotebookProps {
  /** Titles and dates of the archive's articles (e.g. from api.list). Unknown ids show as ids. */
  docs?: DocInfo[];
  /** `docs` is the archive's whole list: a note on any other id is an orphan (its document is gone). */
  docsComplete?: boolean;
  /** Open an article at an annotation. */
  onOpen?: (docId: string, annotationId: string) => void;
  /** Open an article (from its article note). */
  onOpenArticle?: (docId: string) => void;
  /** Called with the selected annotation ids (for export). */
  onSelectionChange?: (ids: string[]) => void;
  /** Called with the ids the filters show, in order, and whether a filter narrows the list (for export). */
  onShownChange?: (ids: string[], filtered: boolean) => void;
  /** Filter to start from (e.g. from the URL). */
  initialFilter?: Partial<NotebookFilter>;
}

export function Notebook({ docs = [], docsComplete = false, onOpen, onOpenArticle, onSelectionChange, onShownChange, initialFilter }: NotebookProps) {
  const db = useNotesDb();
  const read = useAllAnnotations();
  const colors = useColors();
  const tags = useTags();
  const key = filterKey(db.archiveId);
  const [filter, setFilter] = useState<NotebookFilter>(() => ({ ...storedFilter(key), ...initialFilter }));
  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(filter));
    } catch {
      // Storage refused (private mode, full): the filters just do not outlive the page.
    }
  }, [filter, key]);
  const [shown, setShown] = useState(PAGE);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkTag, setBulkTag] = useState('');

  const docMap = useMemo(() => new Map(docs.map((d) => [d.id, d])), [docs]);
  const all = useMemo(() => read?.rows ?? [], [read]);
  const list = useMemo(() => filterAnnotations(all, filter, docMap), [all, filter, docMap]);
  const articleIds = useMemo(() => [...new Set(all.map((a) => a.docId))], [all]);

  // Forget selected annotations that no longer exist.
  useEffect(() => {
    const ids = new Set(all.map((a) => a.id));
    setSelected((s) => {
      const next = new Set([...s].filter((id) => ids.has(id)));
      return next.size === s.size ? s : next;
    });
  }, [all]);
  // Report only when the selection changes (the parent may pass a new callback each render).
  const report = useRef(onSelectionChange);
  report.current = onSelectionChange;
  useEffect(() => {
    report.current?.([...selected]);
  }, [selected]);
  const reportShown = useRef(onShownChange);
  reportShown.current = onShownChange;
  const filtered = filter.query.trim() !== '' || !!filter.conflicts || !!filter.color || !!filter.tag || !!filter.docId || !!filter.from || !!filter.to;
  useEffect(() => {
    reportShown.current?.(list.map((a) => a.id), filtered);
  }, [list, filtered]);

  const set = <K extends keyof NotebookFilter>(k: K, v: NotebookFilter[K]) => {
    setFilter((f) => ({ ...f, [k]: v }));
    setShown(PAGE);
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allShownSelected = list.length > 0 && list.every((a) => selected.has(a.id));
  const colorOf = (id: ColorId) => colors.find((c) => c.id === id);
  const titleOf = (docId: string) => docMap.get(docId)?.title ?? docId;
  const isOrphan = (docId: string) => docsComplete && !docMap.has(docId);
  const orphanCount = useMemo(() => (docsComplete ? all.filter((a) => !docMap.has(a.docId)).length : 0), [all, docMap, docsComplete]);

  const tagSelected = async () => {
    const r = await addTagsToAnnotations(db, [...selected], bulkTag.split(','));
    if (r.ok) {
      showToast(`Tagged ${formatCount(r.value, 'highlight', 'highlights')}.`);
      setBulkTag('');
    } else showToast(r.error.message);
  };

  return (
    <section className="notebook" aria-labelledby="notebook-title">
      <h1 id="notebook-title" className="notebook-title">
        Notebook
      </h1>
      <div className="notebook-filters" role="search" aria-label="Filter annotations">
        <input
          type="search"
          aria-label="Search notes"
          placeholder="Search quotes, notes, tags and titles"
          value={filter.query}
          onChange={(e) => set('query', e.target.value)}
        />
        <label>
          Colour{' '}
          <select value={filter.color} onChange={(e) => set('color', e.target.value as ColorId | '')}>
            <option value="">Any colour</option>
            {colors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag{' '}
          <select value={filter.tag} onChange={(e) => set('tag', e.target.value)}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Article{' '}
          <select value={filter.docId} onChange={(e) => set('docId', e.target.value)}>
            <option value="">Any article</option>
            {articleIds.map((id) => (
              <option key={id} value={id}>
                {titleOf(id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" value={filter.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          To <input type="date" value={filter.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <label>
          Sort by{' '}
          <select value={filter.sort} onChange={(e) => set('sort', e.target.value as NotebookSort)}>
            <option value="created">Date created</option>
            <option value="modified">Date modified</option>
            <option value="article">Article</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={filter.conflicts === 'yes'} onChange={(e) => set('conflicts', e.target.checked ? 'yes' : '')} /> Only sync
          conflicts
        </label>
      </div>

      <div className="notebook-bulk">
        <label>
          <input
            type="checkbox"
            checked={allShownSelected}
            onChange={() => setSelected(allShownSelected ? new Set() : new Set(list.map((a) => a.id)))}
          />{' '}
          Select all shown
        </label>
        <span aria-live="polite">
          {read ? `${list.length} of ${all.length} highlights` : 'Loading…'}
          {selected.size > 0 ? `, ${selected.size} selected` : ''}
        </span>
        {selected.size > 0 ? (
          <>
            <input aria-label="Tag for selected" placeholder="Tag name" list="notebook-tags" value={bulkTag} onChange={(e) => setBulkTag(e.target.value)} />
            <datalist id="notebook-tags">
              {tags.map((t) => (
                <option key={t.name} value={t.name} />
              ))}
            </datalist>
            <button type="button" className="button" disabled={!bulkTag.trim()} onClick={() => void tagSelected()}>
              Tag selected
            </button>
          </>
        ) : null}
      </div>

      {orphanCount > 0 ? (
        <p className="notebook-orphans" role="note" data-testid="notebook-orphans">
          {orphanCount} highlight{orphanCount === 1 ? ' is' : 's are'} on documents no longer in this archive (their files were gone
          when it was imported again). They are kept, marked “No longer in this archive”, and can still be exported.
        </p>
      ) : null}
      <ArticleNotesList filter={filter} docs={docMap} isOrphan={isOrphan} onOpen={onOpenArticle} />
      <h2 className="section-label notebook-highlights-title">Highlights</h2>
      {read && all.length === 0 ? <p className="ann-empty">No highlights yet. Select text in an article to make one.</p> : null}
      {read && all.length > 0 && list.length === 0 ? <p className="ann-empty">No highlights match these filters.</p> : null}
      <ol className="ann-list notebook-list" aria-label="Annotations">
        {list.slice(0, shown).map((a) => {
          const color = colorOf(a.color);
          return (
            <li key={a.id} className={`ann-card${isOrphan(a.docId) ? ' is-orphan' : ''}`} data-annotation-card={a.id} data-color={a.color} data-orphan={isOrphan(a.docId) || undefined}>
              <div className="notebook-item-head">
                <input
                  type="checkbox"
                  aria-label={`Select “${shortQuote(a.quote.exact, 60)}”`}
                  checked={selected.has(a.id)}
                  onChange={() => toggle(a.id)}
                />
                <span className="ann-color-label">
                  <span className="ann-swatch" data-color={color?.id} aria-hidden="true" />
                  {color?.label}
                </span>
                <span className="notebook-item-title" title={titleOf(a.docId)}>
                  {titleOf(a.docId)}
                </span>
                <time className="notebook-item-date" dateTime={a.created}>
                  {formatMoment(a.created, { time: false })}
                </time>
              </div>
              {isOrphan(a.docId) ? <p className="notebook-orphan-badge">No longer in this archive</p> : null}
              <blockquote className="ann-quote notebook-quote">“{shortQuote(a.quote.exact, 400)}”</blockquote>
              {a.note ? <MarkdownView source={a.note} className="ann-note-view" /> : null}
              {a.tags.length > 0 ? (
                <ul className="ann-tag-list" aria-label="Tags">
                  {a.tags.map((t) => (
                    <li key={t} className="chip ann-tag">
                      {t}
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="ann-actions">
                {onOpen && !isOrphan(a.docId) ? (
                  <button type="button" className="link-button" onClick={() => onOpen(a.docId, a.id)}>
                    Open in article
                  </button>
                ) : null}
                <button type="button" className="link-button ann-delete" onClick={() => void deleteWithUndo(db, a.id)}>
                  Delete
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {list.length > shown ? (
        <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({list.length - shown} more)
        </button>
      ) : null}
      <StorageStatus />
      <AnnotationToasts />
    </section>
  );
}
