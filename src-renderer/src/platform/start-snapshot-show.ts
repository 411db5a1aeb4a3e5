/**
 * The part of start-snapshot.ts that runs before the app: it puts the last
 * library screen in the page. The build also emits this file alone as a
 * classic script, `start-snapshot.js`, run by index.html right after
 * `#root` (electron.vite.config.ts, `startSnapshotScript`): it runs while the
 * page is still being parsed, before the app's modules, so the picture is in
 * the page's first paint. It therefore imports nothing, and what it shares
 * with the app (the storage key, the shape, the marker) is defined here.
 */

export const SNAPSHOT_KEY = 'archive-reader:start-snapshot';
export const SNAPSHOT_VERSION = 1;
/** Set on the picture's top elements to the archive it shows: tests and the bench tell it from the app by it. */
export const SNAPSHOT_ATTR = 'data-start-snapshot';

export interface StartSnapshot {
  v: number;
  /** The address it was taken at (startAddress). */
  address: string;
  archiveId: string;
  html: string;
  /** The page's theme then (`<html data-theme>` and its colour scheme): the picture is painted in it. */
  theme: string;
  colorScheme: string;
}

/** The address a start opens, as the picture is keyed: no hash is the library. */
export function startAddress(hash: string): string {
  return hash === '' || hash === '#' || hash === '#/' ? '#/library' : hash;
}

/** The stored picture, or null (none, another version, damaged, storage denied). */
export function readStartSnapshot(): StartSnapshot | null {
  try {
    const raw = JSON.parse(window.localStorage.getItem(SNAPSHOT_KEY) ?? 'null') as Partial<StartSnapshot> | null;
    if (!raw || raw.v !== SNAPSHOT_VERSION || typeof raw.address !== 'string' || typeof raw.archiveId !== 'string' || typeof raw.html !== 'string') return null;
    if (typeof raw.theme !== 'string' || typeof raw.colorScheme !== 'string') return null;
    return raw as StartSnapshot;
  } catch {
    return null;
  }
}

/** Puts the picture in an empty `root` if it was taken at this address; returns whether it did. */
export function showStartSnapshot(root: HTMLElement | null, hash: string): boolean {
  // A start at another view does not read (nor parse) the stored screen at all.
  if (!root || root.childElementCount > 0 || !startAddress(hash).startsWith('#/library')) return false;
  const snap = readStartSnapshot();
  if (!snap || snap.address !== startAddress(hash)) return false;
  // The app applies the saved settings when its entry runs, after this: until then, the picture's own theme.
  document.documentElement.dataset.theme = snap.theme;
  document.documentElement.style.colorScheme = snap.colorScheme;
  root.innerHTML = snap.html;
  for (const el of Array.from(root.children)) {
    // A picture: no focus, no clicks, nothing read out, until the app replaces it.
    (el as HTMLElement).inert = true;
    el.setAttribute(SNAPSHOT_ATTR, snap.archiveId);
  }
  return true;
}
