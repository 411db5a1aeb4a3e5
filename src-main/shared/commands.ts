/**
 * Named commands the Electron application menu sends to the renderer.
 *
 * The menu lives in main, the actions live in the renderer: main sends a
 * command name (and for `open-link` a validated archive-reader:// URL) over one
 * channel, the preload bridge hands it to callbacks registered with
 * `window.archiveApi.onCommand(cb)`. In a browser there is no menu and
 * `onCommand` does not exist; the renderer's own keyboard shortcuts cover the
 * same actions there.
 */

import type { ApiClient } from './contract';

export const APP_COMMANDS = [
  /** Ctrl/Cmd+F, also `/` in the renderer: focus the box labelled "Search". */
  'focus-search',
  /** Ctrl/Cmd+L: show the library. */
  'go-library',
  /** Alt+Left (Cmd+[ on macOS): back (like Esc). */
  'go-back',
  /** Alt+PageDown: next article in the current list (like j). */
  'next-doc',
  /** Alt+PageUp: previous article (like k). */
  'prev-doc',
  /** Ctrl/Cmd+G: next search match in the open article. */
  'find-next',
  /** Shift+Ctrl/Cmd+G: previous search match. */
  'find-prev',
  /** Ctrl/Cmd+Alt+1 / 2 / 3: reader theme. */
  'theme-light',
  'theme-dark',
  'theme-sepia',
  /** Ctrl/Cmd+= / Ctrl/Cmd+- / Ctrl/Cmd+0: reader font size. */
  'font-larger',
  'font-smaller',
  'font-reset',
  /** Ctrl/Cmd+E: export the open article's annotations. */
  'export',
  /** F1: search syntax help. */
  'show-help',
  /** File > Import...: open the dialog that imports. */
  'import',
  /** A folder was dropped onto the window and importing it has begun (arg = the job id): follow it. */
  'import-started',
  /** An archive-reader:// link was opened (arg = the URL, already validated by main). */
  'open-link',
  /**
   * The app is about to quit (or its window to close) and an automatic backup is
   * due: make a backup now and send it with backupWrite({ text, reason: 'quit' }).
   * Main waits for that call (a few seconds at most), then quits anyway.
   */
  'backup-before-quit',
] as const;

export type AppCommand = (typeof APP_COMMANDS)[number];

export interface CommandMessage {
  command: AppCommand;
  /** For `open-link`: the archive-reader:// URL; for `import-started`: the import's job id. */
  arg?: string;
}

/** IPC channel main -> renderer for menu commands. */
export const COMMAND_CHANNEL = 'archive:command';

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}

/** What `window.archiveApi.onCommand` looks like (Electron only). Returns an unsubscribe function. */
export type OnCommand = (cb: (message: CommandMessage) => void) => () => void;

/** `window.archiveApi` in Electron: the contract's methods plus menu commands. */
export type ArchiveBridge = ApiClient & { onCommand: OnCommand };
