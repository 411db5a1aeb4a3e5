/**
 * Remembering the window's size and position between runs. Pure functions
 * (load, fit to the screens that exist now, save) so they are tested without
 * Electron; the window module wires them to BrowserWindow events. A state file
 * that is missing, corrupt or points at a screen that was unplugged falls back
 * to a centred default instead of opening off-screen.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent until the window has been placed once: the OS centres it. */
  bounds: Partial<Rect> & { width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { bounds: { width: 1280, height: 860 }, maximized: false };
export const MIN_SIZE = { width: 640, height: 480 };

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Parse a saved state; anything malformed gives the default. */
export function parseWindowState(text: string | null): WindowState {
  if (!text) return DEFAULT_STATE;
  try {
    const v = JSON.parse(text) as { bounds?: Record<string, unknown>; maximized?: unknown };
    const b = v.bounds ?? {};
    if (!num(b.width) || !num(b.height)) return DEFAULT_STATE;
    const bounds: WindowState['bounds'] = {
      width: Math.max(MIN_SIZE.width, Math.round(b.width)),
      height: Math.max(MIN_SIZE.height, Math.round(b.height)),
    };
    if (num(b.x) && num(b.y)) Object.assign(bounds, { x: Math.round(b.x), y: Math.round(b.y) });
    return { bounds, maximized: v.maximized === true };
  } catch {
    return DEFAULT_STATE;
  }
}

/**
 * Keep the window on a screen that exists: shrink it to the largest work area
 * and, when its title bar is not on any screen, drop the position so the OS
 * centres it.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const maxW = Math.max(...workAreas.map((a) => a.width));
  const maxH = Math.max(...workAreas.map((a) => a.height));
  const width = Math.min(state.bounds.width, maxW);
  const height = Math.min(state.bounds.height, maxH);
  const { x, y } = state.bounds;
  if (x === undefined || y === undefined) return { ...state, bounds: { width, height } };
  // The top strip (where the title bar is) must overlap a screen by at least 100×30 px.
  const visible = workAreas.some(
    (a) => x + width - 100 >= a.x && x + 100 <= a.x + a.width && y >= a.y - 10 && y + 30 <= a.y + a.height,
  );
  return visible ? { ...state, bounds: { x, y, width, height } } : { ...state, bounds: { width, height } };
}

export function loadWindowState(file: string): WindowState {
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = null;
  }
  return parseWindowState(text);
}

/** Write through a temporary file so a crash mid-write leaves the old state. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}
