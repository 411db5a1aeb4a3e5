/**
 * The export dialog as the shell mounts it (ExportHost.tsx, lazily): its
 * scopes from where the person is, files saved the host's way (save dialog /
 * download), PDF through printToPdf in Electron, the browser's print dialog
 * otherwise.
 */
import { useEffect, useMemo, useState } from 'react';
import { useColors, useNotesDb } from '../db';
import { closeExport, ExportDialog, exportScopes, fileSaver, loadCitedDocs, pdfPrinter, useNotebookIds } from '../features/export';
import { useApi } from '../platform/api-context';
import { useArchiveStatus } from '../platform/archive-status';
import type { Route } from '../platform/routes';

export function ExportDialogHost({ route, initialScope }: { route: Route; initialScope?: 'article' | 'selection' | 'everything' }) {
  const db = useNotesDb();
  const api = useApi();
  const colors = useColors();
  const { info } = useArchiveStatus();
  const notebook = useNotebookIds();
  const articleId = route.name === 'article' ? route.id : null;
  const [title, setTitle] = useState<string | null>(null);

  useEffect(() => {
    if (!articleId) return;
    let live = true;
    void api.getDoc({ id: articleId }).then((r) => live && setTitle(r.ok ? r.value.title : articleId));
    return () => {
      live = false;
    };
  }, [api, articleId]);

  const inNotebook = route.name === 'notebook';
  const scopes = useMemo(
    () =>
      exportScopes(db, {
        article: articleId ? { id: articleId, title: title ?? articleId } : undefined,
        selectedIds: inNotebook ? notebook.selected : undefined,
        filteredIds: inNotebook && notebook.filtered ? notebook.shown : undefined,
      }),
    [db, articleId, title, inNotebook, notebook],
  );
  const host = info?.host ?? 'web';
  const first = initialScope && scopes.some((s) => s.id === initialScope) ? initialScope : scopes[0]?.id;

  return (
    <ExportDialog
      key={first}
      scopes={scopes}
      initialScope={first}
      loadDocs={() => loadCitedDocs(api)}
      colors={colors}
      linkBase={info?.linkBase ?? `${location.origin}${location.pathname}#`}
      appVersion={info?.version ?? ''}
      save={fileSaver(host, api)}
      printPdf={pdfPrinter(host, api)}
      onClose={closeExport}
    />
  );
}
