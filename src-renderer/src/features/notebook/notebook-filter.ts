/**
 * The Notebook's filtering, searching and sorting, as pure functions over
 * restored annotations, so they are tested in Node and the component only
 * renders. Search matches every word of the query, ignoring case and
 * accents, in the quote, the note and the tags.
 */
import type { Annotation, ColorId } from '../../../../src-main/shared/notes/annotation-model';
import { CONFLICT_MARKER } from '../../../../src-main/shared/notes/merge/row-merge';
import { fold } from '../../platform/fold';

export type NotebookSort = 'article' | 'created' | 'modified';

export interface NotebookFilter {
  query: string;
  color: ColorId | '';
  tag: string;
  docId: string;
  /** YYYY-MM-DD, inclusive, on the date created. */
  from: string;
  to: string;
  sort: NotebookSort;
  /** 'yes': only notes sync could not merge (both versions kept, marked "Conflicting version"). */
  conflicts: '' | 'yes';
}

export const EMPTY_FILTER: NotebookFilter = { query: '', color: '', tag: '', docId: '', from: '', to: '', sort: 'created', conflicts: '' };

export interface DocInfo {
  id: string;
  title: string;
  published: string | null;
}

// One folding for every "type to find" in the renderer (platform/fold); re-exported for the Notebook's views.
export { fold };

function matchesQuery(a: Annotation, words: string[]): boolean {
  if (words.length === 0) return true;
  const hay = fold(`${a.quote.exact}\n${a.note}\n${a.tags.join('\n')}`);
  return words.every((w) => hay.includes(w));
}

export function filterAnnotations(rows: Annotation[], f: NotebookFilter, docs: Map<string, DocInfo>): Annotation[] {
  const words = fold(f.query).split(/\s+/).filter(Boolean);
  const tag = fold(f.tag);
  const out = rows.filter(
    (a) =>
      (!f.color || a.color === f.color) &&
      (!tag || a.tags.some((t) => fold(t) === tag)) &&
      (!f.docId || a.docId === f.docId) &&
      (!f.from || a.created.slice(0, 10) >= f.from) &&
      (!f.to || a.created.slice(0, 10) <= f.to) &&
      (!f.conflicts || a.note.includes(CONFLICT_MARKER)) &&
      matchesQuery(a, words),
  );
  const title = (a: Annotation) => docs.get(a.docId)?.title ?? a.docId;
  switch (f.sort) {
    case 'article':
      return out.sort(
        (a, b) => title(a).localeCompare(title(b), 'en', { sensitivity: 'base' }) || a.docId.localeCompare(b.docId) || a.position.start - b.position.start,
      );
    case 'modified':
      return out.sort((a, b) => b.modified.localeCompare(a.modified) || a.id.localeCompare(b.id));
    case 'created':
    default:
      return out.sort((a, b) => b.created.localeCompare(a.created) || a.id.localeCompare(b.id));
  }
}
