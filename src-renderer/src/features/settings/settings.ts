/**
 * Display settings (theme, reading font size, line width): their defaults,
 * the one restore step that turns whatever is in storage into valid settings,
 * and persistence in localStorage. Settings are not notes: losing them costs
 * a click, so localStorage (synchronous, read before the first paint so the
 * theme never flashes) is the right home.
 */

export type ThemeChoice = 'system' | 'light' | 'sepia' | 'dark';
export type Theme = Exclude<ThemeChoice, 'system'>;
export type LineWidth = 'narrow' | 'medium' | 'wide';

export interface Settings {
  theme: ThemeChoice;
  /** Reading text size in CSS pixels. */
  fontSize: number;
  lineWidth: LineWidth;
}

export const THEMES: readonly { id: ThemeChoice; label: string }[] = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'sepia', label: 'Sepia' },
  { id: 'dark', label: 'Dark' },
];

export const LINE_WIDTHS: readonly { id: LineWidth; label: string; ch: number }[] = [
  { id: 'narrow', label: 'Narrow', ch: 56 },
  { id: 'medium', label: 'Medium', ch: 66 },
  { id: 'wide', label: 'Wide', ch: 80 },
];

export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 28;
export const FONT_SIZE_STEP = 1;

export const DEFAULT_SETTINGS: Settings = { theme: 'system', fontSize: 19, lineWidth: 'medium' };

export const SETTINGS_KEY = 'archive-reader:settings';

/** Whatever was stored (old versions, hand edits, garbage) becomes valid settings; unknown fields are dropped. */
export function restoreSettings(raw: unknown): Settings {
  const s = { ...DEFAULT_SETTINGS };
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Record<string, unknown>;
  if (THEMES.some((t) => t.id === r.theme)) s.theme = r.theme as ThemeChoice;
  if (typeof r.fontSize === 'number' && Number.isFinite(r.fontSize)) {
    s.fontSize = Math.round(Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, r.fontSize)));
  }
  if (LINE_WIDTHS.some((w) => w.id === r.lineWidth)) s.lineWidth = r.lineWidth as LineWidth;
  return s;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadSettings(store: KeyValueStore | undefined): Settings {
  try {
    const text = store?.getItem(SETTINGS_KEY);
    return restoreSettings(text ? JSON.parse(text) : null);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** False when storage refused (private mode, quota): the setting still applies for this session. */
export function saveSettings(store: KeyValueStore | undefined, settings: Settings): boolean {
  try {
    store?.setItem(SETTINGS_KEY, JSON.stringify(restoreSettings(settings)));
    return !!store;
  } catch {
    return false;
  }
}

export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): Theme {
  if (choice === 'system') return prefersDark ? 'dark' : 'light';
  return choice;
}

export function lineWidthCh(width: LineWidth): number {
  return LINE_WIDTHS.find((w) => w.id === width)?.ch ?? 66;
}
