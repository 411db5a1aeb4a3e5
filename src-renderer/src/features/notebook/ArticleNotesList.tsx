/**
 * The Notebook's other half: what the person wrote about whole articles
 * (article notes, stars, article tags), listed and found by the same search
 * and filters as the highlights, so nothing written is out of the Notebook's
 * reach. Reading positions alone are not listed: they are no notes.
 */
import type { DocState } from '../../../../src-main/shared/notes/annotation-model';
import { formatMoment } from '../../platform/format';
import { useAllDocStates } from '../../db';
import { MarkdownView } from '../annotations';
import { fold, type DocInfo, type NotebookFilter } from './notebook-filter';

export function hasArticleNotes(d: DocState): boolean {
  return d.note.trim() !== '' || d.starred || d.tags.length > 0;
}

/** Article rows the filters keep: every word of the query in the note, the tags or the title. */
export function filterArticleNotes(rows: readonly DocState[], filter: NotebookFilter, docs: ReadonlyMap<string, DocInfo>): DocState[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  const tag = fold(filter.tag);
  return rows
    .filter(hasArticleNotes)
    .filter((d) => !filter.docId || d.docId === filter.docId)
    .filter((d) => !tag || d.tags.some((t) => fold(t) === tag))
    .filter((d) => !filter.color) // a colour belongs to highlights only
    .filter((d) => {
      const day = d.modified.slice(0, 10);
      return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
    })
    .filter((d) => {
      if (words.length === 0) return true;
      const hay = fold(`${d.note}\n${d.tags.join('\n')}\n${docs.get(d.docId)?.title ?? ''}`);
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => b.modified.localeCompare(a.modified) || a.docId.localeCompare(b.docId));
}

export function ArticleNotesList({
  filter,
  docs,
  isOrphan = () => false,
  onOpen,
}: {
  filter: NotebookFilter;
  docs: ReadonlyMap<string, DocInfo>;
  /** The article is no longer in the archive (its note is kept and marked). */
  isOrphan?: (docId: string) => boolean;
  onOpen?: (docId: string) => void;
}) {
  const rows = useAllDocStates();
  if (!rows) return null;
  const all = rows.filter(hasArticleNotes);
  if (all.length === 0) return null;
  const list = filterArticleNotes(all, filter, docs);
  return (
    <section className="notebook-articles" aria-labelledby="notebook-articles-title">
      <h2 id="notebook-articles-title" className="section-label">
        Articles ({list.length === all.length ? all.length : `${list.length} of ${all.length}`})
      </h2>
      {list.length === 0 ? <p className="ann-empty">No article notes match these filters.</p> : null}
      <ol className="ann-list notebook-list" aria-label="Article notes">
        {list.map((d) => {
          const title = docs.get(d.docId)?.title ?? d.docId;
          return (
            <li key={d.docId} className={`ann-card notebook-article${isOrphan(d.docId) ? ' is-orphan' : ''}`} data-article-card={d.docId}>
              <div className="notebook-item-head">
                <span className="notebook-item-title" title={title}>
                  {d.starred ? (
                    <span className="notebook-star" aria-label="Starred" role="img">
                      ★
                    </span>
                  ) : null}
                  {title}
                </span>
                <time className="notebook-item-date" dateTime={d.modified}>
                  {formatMoment(d.modified, { time: false })}
                </time>
              </div>
              {isOrphan(d.docId) ? <p className="notebook-orphan-badge">No longer in this archive</p> : null}
              {d.note.trim() ? <MarkdownView source={d.note} className="ann-note-view" /> : null}
              {d.tags.length > 0 ? (
                <ul className="ann-tag-list" aria-label="Article tags">
                  {d.tags.map((t) => (
                    <li key={t} className="chip ann-tag">
                      {t}
                    </li>
                  ))}
                </ul>
              ) : null}
              {onOpen && !isOrphan(d.docId) ? (
                <div className="ann-actions">
                  <button type="button" className="link-button" onClick={() => onOpen(d.docId)}>
                    Open article
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
