/**
 * The application menu: the platform's standard roles (edit, window, quit,
 * about...) plus the app's own actions with keyboard accelerators. App actions
 * do nothing in main: each sends a named command (src-main/shared/commands.ts)
 * to the focused window, where the renderer performs it. The template is built
 * by a pure function so it is tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/commands';

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Development: add reload and developer tools. */
  dev: boolean;
  send: (command: AppCommand) => void;
}

export function buildMenuTemplate({ platform, appName, dev, send }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command),
  });

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [item('Import…', 'import', 'CmdOrCtrl+O'), item('Export Annotations…', 'export', 'CmdOrCtrl+E'), { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        item('Library', 'go-library', 'CmdOrCtrl+L'),
        item('Search', 'focus-search', 'CmdOrCtrl+F'),
        item('Back', 'go-back', mac ? 'Cmd+[' : 'Alt+Left'),
        { type: 'separator' },
        item('Next Article', 'next-doc', 'Alt+PageDown'),
        item('Previous Article', 'prev-doc', 'Alt+PageUp'),
        item('Next Match', 'find-next', 'CmdOrCtrl+G'),
        item('Previous Match', 'find-prev', 'Shift+CmdOrCtrl+G'),
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [
            item('Light', 'theme-light', 'CmdOrCtrl+Alt+1'),
            item('Dark', 'theme-dark', 'CmdOrCtrl+Alt+2'),
            item('Sepia', 'theme-sepia', 'CmdOrCtrl+Alt+3'),
          ],
        },
        item('Larger Text', 'font-larger', 'CmdOrCtrl+='),
        item('Smaller Text', 'font-smaller', 'CmdOrCtrl+-'),
        item('Default Text Size', 'font-reset', 'CmdOrCtrl+0'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(dev
          ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
          : []),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [item('Search Syntax', 'show-help', 'F1'), ...(mac ? [] : [{ role: 'about' } as MenuItemConstructorOptions])],
    },
  );
  return template;
}
