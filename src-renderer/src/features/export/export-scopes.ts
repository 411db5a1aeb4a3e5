/**
 * The export dialog's three scopes, read from the notes database through the
 * db module: the open article, the Notebook's selection (in the person's
 * order), or everything. Rows come back through the db module's restore step.
 */
import type { Annotation } from '../../../../src-main/shared/notes/annotation-model';
import { readAnnotations } from '../../db/annotations-store';
import { readAllDocStates, readDocState } from '../../db/doc-state-store';
import type { NotesDatabase } from '../../db/database';
import type { ExportScope } from './ExportDialog';

export interface ScopeContext {
  /** The article open in the reader, if any. */
  article?: { id: string; title: string };
  /** Annotation ids selected (or filtered) in the Notebook, in its order. */
  selectedIds?: readonly string[];
  /** Annotation ids the Notebook's filter shows (used when none are selected). */
  filteredIds?: readonly string[];
}

function byIds(db: NotesDatabase, ids: readonly string[]): () => Promise<Annotation[]> {
  return async () => {
    const byId = new Map<string, Annotation>((await readAnnotations(db)).rows.map((a) => [a.id, a]));
    return ids.flatMap((i) => byId.get(i) ?? []);
  };
}

export function exportScopes(db: NotesDatabase, ctx: ScopeContext): ExportScope[] {
  const scopes: ExportScope[] = [];
  if (ctx.article) {
    const { id, title } = ctx.article;
    scopes.push({
      id: 'article',
      label: `This article: ${title}`,
      title,
      load: async () => (await readAnnotations(db, id)).rows,
      loadArticleNotes: async () => [await readDocState(db, id)],
    });
  }
  if (ctx.selectedIds?.length) {
    const ids = [...ctx.selectedIds];
    scopes.push({
      id: 'selection',
      label: `Selected in the Notebook (${ids.length})`,
      keepOrder: true,
      load: byIds(db, ids),
    });
  } else if (ctx.filteredIds?.length) {
    const ids = [...ctx.filteredIds];
    scopes.push({ id: 'selection', label: `Shown in the Notebook with its filters (${ids.length})`, keepOrder: true, load: byIds(db, ids) });
  }
  scopes.push({
    id: 'everything',
    label: 'Everything',
    load: async () => (await readAnnotations(db)).rows,
    loadArticleNotes: () => readAllDocStates(db),
  });
  return scopes;
}
