/**
 * The app shell: providers (bridge, settings, archive status, reader slots),
 * the header, and the view the route names inside an error boundary, so a
 * crash in one view never takes the header and navigation with it.
 */
import { useEffect } from 'react';
import { LibraryView } from '../features/library/LibraryView';
import { ReaderSlotsContext, type ReaderSlots } from '../features/reader/reader-slots';
import { ReaderView } from '../features/reader/ReaderView';
import { focusSearchBox } from '../features/search/search-box-registry';
import { SearchView } from '../features/search/SearchView';
import { SettingsProvider } from '../features/settings/use-settings';
import { SettingsView } from '../features/settings/SettingsView';
import { BridgeProvider } from './api-context';
import { AppHeader } from './AppHeader';
import { ArchiveStatusProvider } from './archive-status';
import type { Bridge } from './bridge';
import { ErrorBoundary } from './ErrorBoundary';
import { useHostCommands } from './host-commands';
import { goBack, useRoute } from './router';
import type { Route } from './routes';
import { useGlobalKeys } from './shortcuts';

/** Features that plug into the reader (annotations) register here. */
const readerSlots: ReaderSlots = {};

export function App({ bridge }: { bridge: Bridge }) {
  return (
    <BridgeProvider bridge={bridge}>
      <SettingsProvider>
        <ArchiveStatusProvider>
          <ReaderSlotsContext.Provider value={readerSlots}>
            <Shell />
          </ReaderSlotsContext.Provider>
        </ArchiveStatusProvider>
      </SettingsProvider>
    </BridgeProvider>
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
};

function Shell() {
  const route = useRoute();
  useGlobalKeys({ focusSearch: focusSearchBox, back: goBack });
  useHostCommands();

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
      view = <ReaderView route={route} />;
      break;
    case 'settings':
      view = <SettingsView />;
      break;
  }

  return (
    <div className="app">
      <AppHeader route={route} />
      <main className="app-main" data-view={route.name}>
        <ErrorBoundary resetKey={routeKey(route)}>{view}</ErrorBoundary>
      </main>
    </div>
  );
}
