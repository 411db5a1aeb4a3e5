/**
 * The preload bridge, with `electron` replaced by the fake: what the page gets
 * on window.archiveApi, that calls go to the right channel, that openExternal
 * needs a user activation and that menu commands are filtered.
 */
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { API_METHODS, BRIDGE_GLOBAL, ipcChannel } from '../shared/contract';
import { COMMAND_CHANNEL, type ArchiveBridge, type CommandMessage } from '../shared/commands';

vi.mock('electron', () => import('../electron/test/fake-electron'));
const fake = await import('../electron/test/fake-electron');

let bridge: ArchiveBridge;
beforeAll(async () => {
  await import('./index');
  bridge = fake.contextBridge.exposed.get(BRIDGE_GLOBAL) as ArchiveBridge;
});

afterEach(() => {
  vi.unstubAllGlobals();
  fake.ipcRenderer.invoked.length = 0;
});

describe('window.archiveApi', () => {
  test('exposes exactly the contract methods plus onCommand, as plain functions, and nothing of Electron', () => {
    expect(fake.contextBridge.exposed.size).toBe(1);
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'onCommand'].sort());
    for (const key of Object.keys(bridge)) expect(typeof (bridge as unknown as Record<string, unknown>)[key]).toBe('function');
    const values = Object.values(bridge) as unknown[];
    expect(values).not.toContain(fake.ipcRenderer);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  test('each method invokes its own channel with the argument and answers what main answered', async () => {
    fake.ipcRenderer.answer = { ok: true, value: { total: 3, items: [] } };
    await expect(bridge.list({ kind: 'brief' })).resolves.toEqual({ ok: true, value: { total: 3, items: [] } });
    await bridge.getDoc({ id: 'a1' });
    expect(fake.ipcRenderer.invoked).toEqual([
      { channel: ipcChannel('list'), arg: { kind: 'brief' } },
      { channel: ipcChannel('getDoc'), arg: { id: 'a1' } },
    ]);
  });

  test('openExternal without a user activation is refused before it reaches main', async () => {
    vi.stubGlobal('navigator', { userActivation: { isActive: false } });
    const r = await bridge.openExternal({ url: 'https://example.org/' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/after a click/);
    expect(fake.ipcRenderer.invoked).toEqual([]);
  });

  test('openExternal right after a click goes to main', async () => {
    vi.stubGlobal('navigator', { userActivation: { isActive: true } });
    fake.ipcRenderer.answer = { ok: true, value: { opened: true } };
    await expect(bridge.openExternal({ url: 'https://example.org/' })).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(fake.ipcRenderer.invoked).toEqual([{ channel: ipcChannel('openExternal'), arg: { url: 'https://example.org/' } }]);
  });
});

describe('onCommand', () => {
  const event = { sender: fake.ipcRenderer };

  test('a command that arrives before anyone subscribed (a launch link) is kept for the first subscriber', () => {
    fake.ipcRenderer.emit(COMMAND_CHANNEL, event, { command: 'open-link', arg: 'archive-reader://article/early' });
    const got: CommandMessage[] = [];
    const off = bridge.onCommand((m) => got.push(m));
    expect(got).toEqual([{ command: 'open-link', arg: 'archive-reader://article/early' }]);
    off();
  });

  test('delivers known commands without the IPC event, drops unknown ones, and unsubscribes', () => {
    const got: CommandMessage[] = [];
    const off = bridge.onCommand((m) => got.push(m));
    fake.ipcRenderer.emit(COMMAND_CHANNEL, event, { command: 'focus-search' });
    fake.ipcRenderer.emit(COMMAND_CHANNEL, event, { command: 'rm -rf' });
    fake.ipcRenderer.emit(COMMAND_CHANNEL, event, null);
    fake.ipcRenderer.emit(COMMAND_CHANNEL, event, { command: 'open-link', arg: 'archive-reader://article/x', extra: { evil: true } });
    off();
    fake.ipcRenderer.emit(COMMAND_CHANNEL, event, { command: 'go-back' });
    expect(got).toEqual([{ command: 'focus-search' }, { command: 'open-link', arg: 'archive-reader://article/x' }]);
    // After unsubscribing, commands wait for the next subscriber instead of being lost.
    const later: CommandMessage[] = [];
    bridge.onCommand((m) => later.push(m))();
    expect(later).toEqual([{ command: 'go-back' }]);
  });
});
