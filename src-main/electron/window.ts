/**
 * The main window: hardened webPreferences, shown when its first paint is
 * ready (not when the archive is: the renderer shows its loading state), and
 * its bounds remembered in the user-data folder.
 */
import { BrowserWindow, screen, type WebPreferences } from 'electron';
import { join } from 'node:path';
import { fitToDisplays, loadWindowState, MIN_SIZE, saveWindowState, type WindowState } from './window-state';

/**
 * The only webPreferences any window of this app gets. Written out as a
 * literal inside `new BrowserWindow(...)` below too, because Electronegativity
 * reads the source and cannot follow a function call; a unit test checks the
 * window really gets these values.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // Middle-click would ask for a new window (denied anyway); switch the event off at the source.
    disableBlinkFeatures: 'Auxclick',
  };
}

export interface MainWindowOptions {
  preload: string;
  url: string;
  userDataDir: string;
  title: string;
  icon?: string;
  log?: (message: string) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const stateFile = join(options.userDataDir, 'window-state.json');
  const saved: WindowState = fitToDisplays(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...saved.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: options.title,
    backgroundColor: '#f7f5f0',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      ...secureWebPreferences(options.preload),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const remember = () => {
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      saveWindowState(stateFile, state);
    } catch (e) {
      options.log?.(`archive-reader: window state not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rememberSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(remember, 500);
  };
  win.on('resize', rememberSoon);
  win.on('move', rememberSoon);
  win.on('close', () => {
    clearTimeout(timer);
    remember();
  });

  void win.loadURL(options.url).catch((e: unknown) => {
    options.log?.(`archive-reader: the window could not load ${options.url}: ${e instanceof Error ? e.message : String(e)}`);
  });
  return win;
}

/** Bring an existing window to the front (second launch, link opened). */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
