/**
 * The app's one export dialog: opened by "Export…" buttons (reader,
 * Notebook), by Ctrl/Cmd+E, and by the Electron menu's `export` command. Its
 * scopes follow where the person is: the open article, the Notebook's
 * selection (or what its filters show), everything. The dialog and the
 * exporters are a chunk of their own (ExportDialogHost.tsx), loaded when the
 * dialog is first opened.
 */
import { lazy, Suspense, useEffect } from 'react';
import type { CommandMessage } from '../../../src-main/shared/commands';
import { closeExport, openExport, useExportRequest } from '../features/export/export-request';
import { COMMAND_EVENT } from './host-commands';
import type { Route } from '../platform/routes';
import { ErrorBoundary } from '../platform/ErrorBoundary';

const ExportDialogHost = lazy(() => import('./ExportDialogHost').then((m) => ({ default: m.ExportDialogHost })));

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
  return (
    <ErrorBoundary resetKey={where}>
      <Suspense fallback={null}>
        <ExportDialogHost route={route} initialScope={request.initialScope} />
      </Suspense>
    </ErrorBoundary>
  );
}

