/**
 * The app's one export dialog: opened by "Export…" buttons (reader,
 * Notebook), by Ctrl/Cmd+E, and by the Electron menu's `export` command. Its
 * scopes follow where the person is: the open article, the Notebook's
 * selection (or what its filters show), everything. Files go through the
 * host's way of saving (save dialog / download); PDF through printToPdf in
 * Electron, the browser's print dialog otherwise.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CommandMessage } from '../../../src-main/shared/commands';
import { useColors, useNotesDb } from '../db';
import { closeExport, ExportDialog, exportScopes, fileSaver, loadCitedDocs, openExport, pdfPrinter, useExportRequest, useNotebookIds } from '../features/export';
import { useApi } from '../platform/api-context';
import { useArchiveStatus } from '../platform/archive-status';
import { COMMAND_EVENT } from './host-commands';
import type { Route } from '../platform/routes';

/** Ctrl/Cmd+E anywhere (also inside text fields: it types nothing). */
function useExportShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'e') return;
      e.preventDefault();
      openExport();
    };
    const onCommand = (e: Event) => {
      if ((e as CustomEvent<CommandMessage>).detail?.command === 'export') openExport();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(COMMAND_EVENT, onCommand);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(COMMAND_EVENT, onCommand);
    };
  }, []);
}

export function ExportHost({ route }: { route: Route }) {
  useExportShortcut();
  const request = useExportRequest();
  // Going elsewhere (a link, Back) closes the dialog: its scopes belonged to the view it was opened from.
  const where = route.name === 'article' ? `article:${route.id}` : route.name;
  useEffect(() => closeExport, [where]);
  if (!request) return null;
  return <OpenExportDialog route={route} initialScope={request.initialScope} />;
}

function OpenExportDialog({ route, initialScope }: { route: Route; initialScope?: 'article' | 'selection' | 'everything' }) {
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
