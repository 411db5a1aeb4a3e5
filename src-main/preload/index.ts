/**
 * The preload bridge: runs sandboxed, in an isolated world, before the page.
 * It exposes on `window.archiveApi` one named async function per contract
 * method (each answers a Result) plus `onCommand(cb)` for menu commands. The
 * page never sees ipcRenderer, Node or Electron objects: only these functions,
 * which pass one JSON-serializable argument each way.
 *
 * openExternal is sent only while the page has a user activation (a click or a
 * key press just happened), so a script cannot open links on its own.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, clientFrom, ipcChannel, type ApiMethod } from '../shared/contract';
import { COMMAND_CHANNEL, isAppCommand, type CommandMessage, type OnCommand } from '../shared/commands';
import { err, type Result } from '../shared/result';

/** The page's user activation (preload shares its frame); typed here because main's tsconfig has no DOM lib. */
function userActivated(): boolean {
  const nav = (globalThis as { navigator?: { userActivation?: { isActive: boolean } } }).navigator;
  return nav?.userActivation?.isActive === true;
}

function send(method: ApiMethod, arg: unknown): Promise<Result<unknown>> {
  if (method === 'openExternal' && !userActivated()) {
    return Promise.resolve(err('invalid-argument', 'Links open only after a click.'));
  }
  return ipcRenderer.invoke(ipcChannel(method), arg) as Promise<Result<unknown>>;
}

/**
 * Menu commands and links. The preload listens from the start and keeps what
 * arrives before the renderer has subscribed (a link that launched the app
 * arrives while React is still mounting), then hands it to the first subscriber.
 */
const MAX_PENDING = 20;
const pending: CommandMessage[] = [];
const subscribers = new Set<(message: CommandMessage) => void>();

ipcRenderer.on(COMMAND_CHANNEL, (_event: IpcRendererEvent, message: unknown) => {
  const m = message as Partial<CommandMessage> | null;
  if (!m || !isAppCommand(m.command)) return;
  const clean: CommandMessage = typeof m.arg === 'string' ? { command: m.command, arg: m.arg } : { command: m.command };
  if (subscribers.size === 0) {
    if (pending.length < MAX_PENDING) pending.push(clean);
    return;
  }
  for (const cb of subscribers) cb(clean);
});

const onCommand: OnCommand = (cb) => {
  const subscriber = (message: CommandMessage) => cb(message);
  subscribers.add(subscriber);
  for (const message of pending.splice(0)) subscriber(message);
  return () => {
    subscribers.delete(subscriber);
  };
};

const api = clientFrom(send);

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze({ ...api, onCommand }));
