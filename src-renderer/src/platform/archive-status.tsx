/**
 * Whether the archive can answer yet. The host opens the window before the
 * archive and its search index have loaded, so the UI asks `appInfo` and asks
 * again until both are ready (or one failed): views show a loading state
 * meanwhile instead of an error. The first answer is the one main.tsx asked
 * for as the page started (app-info-ahead.ts).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../src-main/shared/contract';
import type { AppError } from '../../../src-main/shared/result';
import { useApi } from './api-context';
import { appInfoArrived, takeAppInfoAhead } from './app-info-ahead';

export interface ArchiveStatusState {
  info: AppInfo | null;
  /** The host could not be asked at all. */
  error: AppError | null;
  /** Documents can be listed and read. */
  libraryReady: boolean;
  /** Search answers. */
  searchReady: boolean;
  retry: () => void;
}

const StatusContext = createContext<ArchiveStatusState | null>(null);

const POLL_MS = 400;

export function ArchiveStatusProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(() => {
    const early = appInfoArrived();
    return early?.ok ? early.value : null;
  });
  const [error, setError] = useState<AppError | null>(() => {
    const early = appInfoArrived();
    return early && !early.ok ? early.error : null;
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let early = attempt === 0 ? takeAppInfoAhead() : null;
    const ask = async () => {
      const res = await (early ?? api.appInfo());
      early = null;
      if (!live) return;
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setError(null);
      setInfo(res.value);
      const { status, searchStatus } = res.value.archive;
      if (status === 'loading' || searchStatus === 'loading') timer = setTimeout(ask, POLL_MS);
    };
    void ask();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [api, attempt]);

  const value: ArchiveStatusState = {
    info,
    error,
    libraryReady: info?.archive.status === 'ready',
    searchReady: info?.archive.searchStatus === 'ready',
    retry: () => {
      setError(null);
      setAttempt((a) => a + 1);
    },
  };
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}

export function useArchiveStatus(): ArchiveStatusState {
  const v = useContext(StatusContext);
  if (!v) throw new Error('useArchiveStatus outside ArchiveStatusProvider');
  return v;
}
