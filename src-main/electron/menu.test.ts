/** The application menu template: platform roles, app commands with unique accelerators, dev-only tools. */
import { describe, expect, test } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { APP_COMMANDS, type AppCommand } from '../shared/commands';
import { buildMenuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function menuFor(platform: NodeJS.Platform, dev = false) {
  const sent: AppCommand[] = [];
  const items = flatten(buildMenuTemplate({ platform, appName: 'Archive Reader', dev, send: (c) => sent.push(c) }));
  return { items, sent };
}

describe('application menu', () => {
  test('has the standard roles of each platform', () => {
    const roles = (p: NodeJS.Platform) => menuFor(p).items.map((i) => i.role).filter(Boolean);
    expect(roles('linux')).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'quit', 'about', 'togglefullscreen']));
    expect(roles('darwin')).toEqual(expect.arrayContaining(['about', 'hide', 'services', 'quit', 'close', 'editMenu', 'windowMenu']));
  });

  test('every app action sends its named command, with a unique accelerator', () => {
    const { items, sent } = menuFor('linux');
    const actions = items.filter((i) => i.click);
    for (const a of actions) (a.click as () => void)();
    // Every command except open-link (from links), backup-before-quit (from quitting) and import-started (from a drop) is reachable from the menu.
    expect([...sent].sort()).toEqual(APP_COMMANDS.filter((c) => c !== 'open-link' && c !== 'backup-before-quit' && c !== 'import-started').sort());
    const accels = actions.map((a) => a.accelerator).filter(Boolean);
    expect(accels.length).toBe(actions.length);
    expect(new Set(accels).size).toBe(accels.length);
    expect(actions.find((a) => a.label === 'Search')?.accelerator).toBe('CmdOrCtrl+F');
  });

  test('developer tools and reload appear only in development', () => {
    expect(menuFor('linux').items.some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    expect(menuFor('linux', true).items.filter((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toHaveLength(2);
  });
});
