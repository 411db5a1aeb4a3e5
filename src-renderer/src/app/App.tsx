/**
 * The app shell: providers (bridge, settings, archive status, the notes
 * database, reader slots filled by the annotations feature), the header, the
 * view the route names inside an error boundary (so a crash in one view never
 * takes the header and navigation with it), and the app-wide pieces: toasts,
 * the export dialog, automatic backups. Only the library is in this chunk;
 * the other views load when first shown (views.ts).
 */
import { useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { NotesDbProvider, notesDb, readAheadDocAnnotations, useNotesDb } from '../db';
import { LinkBaseContext } from '../features/annotations/citation';
import { OpenExternalContext } from '../features/annotations/MarkdownView';
import { AnnotationToasts, showToast, undoLast } from '../features/annotations/toasts';
import { LibraryView } from '../features/library/LibraryView';
import { focusSearchBox } from '../features/search/search-box-registry';
import { SettingsProvider } from '../features/settings/use-settings';
import { ShortcutsDialog } from '../features/settings/ShortcutList';
import { BridgeProvider, useApi } from '../platform/api-context';
import { askAhead } from '../platform/doc-ahead';
import { AppHeader, headerPlace } from './AppHeader';
import { ArchiveStatusProvider, useArchiveStatus } from '../platform/archive-status';
import { useAutoBackups } from './auto-backups';
import { ExportHost } from './ExportHost';
import type { Bridge } from '../platform/bridge';
import { ErrorBoundary } from '../platform/ErrorBoundary';
import { LoadingState } from '../platform/StateViews';
import { useHostCommands } from './host-commands';
import { lazyView } from './lazy-view';
import { goBack, onRouteChange, useRoute } from '../platform/router';
import type { Route } from '../platform/routes';
import { useGlobalKeys } from '../platform/shortcuts';
import { notebookChunk, prefetchViews, readerChunk, searchChunk, settingsChunk } from './views';

// Every view but the library is a chunk of its own (views.ts), loaded when first shown or prefetched.
const ReaderRoute = lazyView(readerChunk, (m) => m.ReaderRoute, 'Opening the article…');
const SearchView = lazyView(searchChunk, (m) => m.SearchView, 'Loading search…');
const NotebookView = lazyView(notebookChunk, (m) => m.NotebookView, 'Loading the notebook…');
const SettingsView = lazyView(settingsChunk, (m) => m.SettingsView, 'Loading settings…');

/** Sync (PouchDB) loads only when this window syncs: its module is loaded here, after the first page. */
function useSyncAtStart(): void {
  const api = useApi();
  const db = useNotesDb();
  useEffect(() => {
    void import('../features/sync/sync-runner').then((m) => m.refreshSync(api, db));
  }, [api, db]);
}

export function App({ bridge }: { bridge: Bridge }) {
  return (
    <BridgeProvider bridge={bridge}>
      <SettingsProvider>
        <ArchiveStatusProvider>
          <OpenArchiveNotes>
            <LinkBase>
              <Shell />
            </LinkBase>
          </OpenArchiveNotes>
        </ArchiveStatusProvider>
      </SettingsProvider>
    </BridgeProvider>
  );
}

/**
 * The notes of the archive the host says is open (AppInfo.archiveId): every
 * note read or written below belongs to that archive, so two archives sharing
 * a document id never show each other's notes. Until the host has answered,
 * nothing that reads notes is shown (it could not know whose notes to read).
 */
function OpenArchiveNotes({ children }: { children: ReactNode }) {
  const { info, error } = useArchiveStatus();
  if (!info && !error) return <LoadingState label="Opening the archive…" />;
  return <NotesDbProvider db={notesDb(info?.archiveId)}>{children}</NotesDbProvider>;
}

/**
 * Links out of the app: passage links ("Copy with citation", exports) use the
 * host's base (archive-reader:// or this page's URL); in Electron, links in
 * notes open in the system browser (mailto: in the mail program) through
 * openExternal; a link the host refuses says why in a toast.
 */
function LinkBase({ children }: { children: ReactNode }) {
  const { info } = useArchiveStatus();
  const api = useApi();
  const base = info?.linkBase ?? `${location.origin}${location.pathname}#`;
  const electron = info?.host === 'electron';
  const open = useMemo(
    () =>
      electron
        ? (url: string) =>
            void api.openExternal({ url }).then((r) => {
              if (!r.ok) showToast(`The link was not opened: ${r.error.message}`);
            })
        : null,
    [electron, api],
  );
  return (
    <LinkBaseContext.Provider value={base}>
      <OpenExternalContext.Provider value={open}>{children}</OpenExternalContext.Provider>
    </LinkBaseContext.Provider>
  );
}

function routeKey(route: Route): string {
  return route.name === 'article' ? `article:${route.id}` : route.name;
}

const VIEW_TITLES: Record<Route['name'], string> = {
  library: 'Library',
  search: 'Search',
  article: 'Reader',
  settings: 'Settings',
  notebook: 'Notebook',
};

function Shell() {
  const route = useRoute();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useGlobalKeys({ focusSearch: focusSearchBox, back: goBack, showShortcuts: () => setShortcutsOpen(true), undo: undoLast });
  useHostCommands();
  useAutoBackups();
  useSyncAtStart();
  // Once the first page is painted, the other views' chunks load in idle time (views.ts).
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(prefetchViews, 0));
    return () => cancelAnimationFrame(frame);
  }, []);

  // An article's text and its highlights are asked for the moment the route changes (before the old view's
  // teardown and the reader's first commit: doc-ahead.ts, db/doc-annotations-feed.ts); the layout effect covers
  // the route the page opened at and the library becoming ready.
  const api = useApi();
  const db = useNotesDb();
  const libraryReady = useArchiveStatus().libraryReady;
  const articleId = route.name === 'article' ? route.id : null;
  useLayoutEffect(() => {
    const ahead = (id: string) => {
      askAhead(api, id);
      readAheadDocAnnotations(db, id);
    };
    if (!libraryReady) return;
    if (articleId !== null) ahead(articleId);
    return onRouteChange((r) => r.name === 'article' && ahead(r.id));
  }, [api, db, articleId, libraryReady]);

  useEffect(() => {
    if (route.name !== 'article') document.title = `${VIEW_TITLES[route.name]} — Archive Reader`;
  }, [route.name]);

  let view;
  switch (route.name) {
    case 'library':
      view = <LibraryView route={route} />;
      break;
    case 'search':
      view = <SearchView route={route} />;
      break;
    case 'article':
      view = <ReaderRoute route={route} />;
      break;
    case 'settings':
      view = <SettingsView />;
      break;
    case 'notebook':
      view = <NotebookView />;
      break;
  }

  return (
    <div className="app">
      <AppHeader place={headerPlace(route)} />
      <main className="app-main" data-view={route.name}>
        <ErrorBoundary resetKey={routeKey(route)}>{view}</ErrorBoundary>
      </main>
      <ExportHost route={route} />
      <AnnotationToasts />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
