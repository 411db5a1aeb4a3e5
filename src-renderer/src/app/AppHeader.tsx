/**
 * The header every view shares: the app's mark and name, the archive
 * switcher (which archive is open; switch, import), the main views,
 * the box labelled "Search", with a quiet status in it while the archive is
 * still loading.
 */
import { memo } from 'react';
import { ArchiveSwitcher } from '../features/archives';
import { SearchBox } from '../features/search/SearchBox';
import { AppLogo } from './AppLogo';
import { useArchiveStatus } from '../platform/archive-status';
import { Link } from '../platform/Link';
import type { Route } from '../platform/routes';

/** Which of the header's views the page is in (an article opened from the library counts as the library). */
export type HeaderPlace = 'library' | 'notebook' | 'settings' | null;

export function headerPlace(route: Route): HeaderPlace {
  if (route.name === 'library' || (route.name === 'article' && !route.q)) return 'library';
  return route.name === 'notebook' || route.name === 'settings' ? route.name : null;
}

/**
 * Memoized on the place alone: a typed query changes the route on every key, and the header (its archive
 * switcher, its links) then has nothing to redraw; the search box follows the route by itself.
 */
export const AppHeader = memo(function AppHeader({ place }: { place: HeaderPlace }) {
  const status = useArchiveStatus();
  const loading = !status.error && (!status.libraryReady || !status.searchReady) && status.info?.archive.status !== 'error';
  const inLibrary = place === 'library';
  return (
    <header className="app-header">
      <Link to={{ name: 'library' }} className="brand" aria-label="Archive Reader, go to the library">
        <AppLogo />
        <span className="brand-name">Archive Reader</span>
      </Link>
      <ArchiveSwitcher />
      <nav className="app-nav" aria-label="Main">
        <Link to={{ name: 'library' }} className="nav-link" aria-current={inLibrary ? 'page' : undefined}>
          Library
        </Link>
        <Link to={{ name: 'notebook' }} className="nav-link" aria-current={place === 'notebook' ? 'page' : undefined}>
          Notebook
        </Link>
      </nav>
      <div className="header-search">
        {/* The status sits in the search box's end, so the box keeps its place and width when it comes and goes. */}
        <SearchBox busy={loading ? (status.libraryReady ? 'Loading search…' : 'Opening archive…') : null} />
      </div>
      <div className="header-end">
        <Link
          to={{ name: 'settings' }}
          className="icon-link"
          aria-label="Settings"
          title="Settings"
          aria-current={place === 'settings' ? 'page' : undefined}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true">
            <path
              d="M10 12.6a2.6 2.6 0 1 0 0-5.2 2.6 2.6 0 0 0 0 5.2Z M16.2 11.6l1.4 1.1-1.5 2.6-1.7-.6a6 6 0 0 1-1.6.9l-.3 1.8H9.5l-.3-1.8a6 6 0 0 1-1.6-.9l-1.7.6-1.5-2.6 1.4-1.1a6 6 0 0 1 0-1.9L4.4 8.6l1.5-2.6 1.7.6a6 6 0 0 1 1.6-.9l.3-1.8h3l.3 1.8a6 6 0 0 1 1.6.9l1.7-.6 1.5 2.6-1.4 1.1a6 6 0 0 1 0 1.9Z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinejoin="round"
            />
          </svg>
        </Link>
      </div>
    </header>
  );
});
