/**
 * The Notebook page: every annotation in the archive (Notebook), with the
 * export of what is selected or filtered, and the dossier being built beside
 * it. The Notebook reports its selection and filtered list to the export
 * store, so "Export…" here (or Ctrl/Cmd+E) offers exactly those.
 */
import { useEffect, useMemo } from 'react';
import type { Annotation } from '../../../../src-main/shared/notes/annotation-model';
import { useApiCall } from '../../platform/api-context';
import { useArchiveStatus } from '../../platform/archive-status';
import { navigate } from '../../platform/router';
import { useAllAnnotations } from '../../db';
import { clearNotebookIds, openExport, setNotebookIds, useNotebookIds } from '../export';
import { DossierPanel } from './DossierPanel';
import { Notebook } from './Notebook';
import type { DocInfo } from './notebook-filter';

export function NotebookView() {
  const status = useArchiveStatus();
  const list = useApiCall(status.libraryReady ? 'list:all' : null, (api) => api.list({}));
  const docs = useMemo<DocInfo[]>(() => (list.value?.items ?? []).map((d) => ({ id: d.id, title: d.title, published: d.published })), [list.value]);
  const ids = useNotebookIds();
  const read = useAllAnnotations();
  const annotations = useMemo(() => new Map<string, Annotation>((read?.rows ?? []).map((a) => [a.id, a])), [read]);
  useEffect(() => () => clearNotebookIds(), []);

  const exportLabel = ids.selected.length
    ? `Export ${ids.selected.length} selected…`
    : ids.filtered
      ? `Export ${ids.shown.length} shown…`
      : 'Export…';

  return (
    <div className="page notebook-page">
      <div className="notebook-layout">
        <div className="notebook-main">
          <div className="notebook-toolbar">
            <button
              type="button"
              className="button"
              aria-keyshortcuts="Control+E"
              onClick={() => openExport({ initialScope: ids.selected.length || ids.filtered ? 'selection' : 'everything' })}
            >
              {exportLabel}
            </button>
          </div>
          <Notebook
            docs={docs}
            docsComplete={!!list.value && list.value.items.length === list.value.total}
            onOpen={(docId, annotationId) => navigate({ name: 'article', id: docId, annotation: annotationId })}
            onOpenArticle={(docId) => navigate({ name: 'article', id: docId })}
            onSelectionChange={(selected) => setNotebookIds({ selected })}
            onShownChange={(shown, filtered) => setNotebookIds({ shown, filtered })}
          />
        </div>
        <aside className="notebook-side" aria-label="Dossier">
          <DossierPanel selected={ids.selected} annotations={annotations} docs={list.value?.items ?? []} />
        </aside>
      </div>
    </div>
  );
}
