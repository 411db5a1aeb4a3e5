/**
 * Settings as React state: read once from storage, written back on every
 * change, and applied to the document root (`data-theme`, CSS variables for
 * the reading size and measure) so every view, including ones other
 * engineers add, picks them up from CSS alone.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { lineWidthCh, loadSettings, resolveTheme, saveSettings, type Settings, type Theme } from './settings';

interface SettingsState {
  settings: Settings;
  /** The theme in effect (System resolved to light or dark). */
  theme: Theme;
  update: (patch: Partial<Settings>) => void;
  /** False when the last save was refused by storage. */
  persisted: boolean;
}

const SettingsContext = createContext<SettingsState | null>(null);

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const darkQuery = () => window.matchMedia?.('(prefers-color-scheme: dark)');

/** Applies settings to <html> synchronously; main.tsx calls it before the first render so the theme never flashes. */
export function applySettings(settings: Settings, prefersDark = darkQuery()?.matches ?? false): Theme {
  const theme = resolveTheme(settings.theme, prefersDark);
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme === 'dark' ? 'dark' : 'light';
  root.style.setProperty('--reading-size', `${settings.fontSize}px`);
  root.style.setProperty('--measure', `${lineWidthCh(settings.lineWidth)}ch`);
  return theme;
}

export function initialSettings(): Settings {
  return loadSettings(storage());
}

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(initialSettings);
  const [prefersDark, setPrefersDark] = useState(() => darkQuery()?.matches ?? false);
  const [persisted, setPersisted] = useState(true);

  useEffect(() => {
    const mq = darkQuery();
    if (!mq) return;
    const on = () => setPrefersDark(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);

  const theme = useMemo(() => applySettings(settings, prefersDark), [settings, prefersDark]);

  // Another window changed the settings: follow it.
  useEffect(() => {
    const on = (e: StorageEvent) => {
      if (e.key === null || e.key.startsWith('archive-reader:settings')) setSettings(initialSettings());
    };
    window.addEventListener('storage', on);
    return () => window.removeEventListener('storage', on);
  }, []);

  const latest = useRef(settings);
  latest.current = settings;
  const update = useCallback((patch: Partial<Settings>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setSettings(next);
    setPersisted(saveSettings(storage(), next));
  }, []);

  const value = useMemo(() => ({ settings, theme, update, persisted }), [settings, theme, update, persisted]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const v = useContext(SettingsContext);
  if (!v) throw new Error('useSettings outside SettingsProvider');
  return v;
}
