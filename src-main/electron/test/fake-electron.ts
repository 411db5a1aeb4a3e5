/**
 * A small stand-in for the `electron` module, for unit tests of main-process
 * glue (vi.mock('electron', () => import('./test/fake-electron'))). It records
 * what the code under test asked for (windows and their options, handlers,
 * headers hooks, menus) and lets a test play the part of Chromium: fire a
 * navigation, a permission request, an IPC call from a chosen frame.
 * It implements only what src-main uses; anything else is undefined on purpose.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { tempDirsForFile } from '../../../tests/support/temp-dirs';

type Fn = (...args: any[]) => any;

// Made (and removed after) for the test file that imports this stand-in, as its tests are collected.
const base = tempDirsForFile()('fake-electron-');
const paths: Record<string, string> = {
  appData: join(base, 'appData'),
  userData: join(base, 'appData', 'Electron'),
  documents: join(base, 'documents'),
  temp: join(base, 'temp'),
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  name = 'Electron';
  singleInstance = true;
  quitCalls = 0;
  protocolClients: { protocol: string; args: unknown[] }[] = [];
  private readyResolve!: () => void;
  readonly ready = new Promise<void>((r) => (this.readyResolve = r));
  setName(n: string) {
    this.name = n;
  }
  getName() {
    return this.name;
  }
  getVersion() {
    return '0.1.0-test';
  }
  getPath(key: string) {
    return paths[key] ?? join(base, key);
  }
  setPath(key: string, value: string) {
    paths[key] = value;
  }
  requestSingleInstanceLock() {
    return this.singleInstance;
  }
  whenReady() {
    return this.ready;
  }
  /** Tests call this to let startup run. */
  fireReady() {
    this.readyResolve();
  }
  /** Like Electron: 'before-quit' can be cancelled; `quitCalls` counts the quits that went through. */
  quitAttempts = 0;
  quit() {
    this.quitAttempts++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.quitCalls++;
  }
  exit() {
    this.quitCalls++;
  }
  setAsDefaultProtocolClient(protocol: string, ...args: unknown[]) {
    this.protocolClients.push({ protocol, args });
    return true;
  }
}
export const app = new FakeApp();

export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
    this.privileged.push(...schemes);
  },
};

class FakeSession {
  headersListener: Fn | null = null;
  beforeRequest: Fn | null = null;
  permissionRequest: Fn | null = null;
  permissionCheck: Fn | null = null;
  devicePermission: Fn | null = null;
  handlers = new Map<string, Fn>();
  webRequest = {
    onHeadersReceived: (fn: Fn) => {
      this.headersListener = fn;
    },
    onBeforeRequest: (fn: Fn) => {
      this.beforeRequest = fn;
    },
  };
  protocol = {
    handle: (scheme: string, fn: Fn) => {
      this.handlers.set(scheme, fn);
    },
  };
  setPermissionRequestHandler(fn: Fn) {
    this.permissionRequest = fn;
  }
  setPermissionCheckHandler(fn: Fn) {
    this.permissionCheck = fn;
  }
  setDevicePermissionHandler(fn: Fn) {
    this.devicePermission = fn;
  }
}
export const session = {
  defaultSession: new FakeSession(),
  partitions: new Map<string, { session: FakeSession; options: unknown }>(),
  fromPartition(name: string, options?: unknown) {
    if (!this.partitions.has(name)) this.partitions.set(name, { session: new FakeSession(), options });
    return this.partitions.get(name)!.session;
  },
};
export type { FakeSession };

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

let nextId = 1;
export class FakeWebContents extends EventEmitter {
  id = nextId++;
  windowOpenHandler: Fn | null = null;
  sent: { channel: string; args: unknown[] }[] = [];
  mainFrame = new FakeFrame('');
  setWindowOpenHandler(fn: Fn) {
    this.windowOpenHandler = fn;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  loading = false;
  crashed = false;
  isLoading() {
    return this.loading;
  }
  isCrashed() {
    return this.crashed;
  }
  /** What printToPDF was asked for; `pdfResult` is what it answers (a Buffer, or an Error to throw). */
  printed: unknown[] = [];
  pdfResult: Buffer | Error = Buffer.from('%PDF-1.7\n% stand-in\n%%EOF\n');
  async printToPDF(options: unknown) {
    this.printed.push(options);
    if (this.pdfResult instanceof Error) throw this.pdfResult;
    return this.pdfResult;
  }
  /** Emit an event that can be cancelled; answers whether preventDefault was called. */
  fireCancellable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.all.filter((w) => !w.destroyed);
  }
  webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  focused = false;
  destroyed = false;
  maximized = false;
  constructor(public options: Record<string, any>) {
    super();
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.mainFrame = new FakeFrame(url);
  }
  show() {
    this.shown = true;
  }
  focus() {
    this.focused = true;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Like Electron: 'close' can be cancelled; otherwise the window is destroyed and 'closed' follows. */
  close() {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
  getNormalBounds() {
    return { x: this.options.x ?? 10, y: this.options.y ?? 10, width: this.options.width, height: this.options.height };
  }
}

export const ipcMain = {
  handlers: new Map<string, Fn>(),
  handle(channel: string, fn: Fn) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

export const Menu = {
  application: null as null | { template: unknown[] },
  buildFromTemplate(template: unknown[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] }) {
    this.application = menu;
  },
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const dialog = {
  nextSavePath: null as string | null,
  calls: [] as unknown[],
  async showSaveDialog(...args: unknown[]) {
    this.calls.push(args);
    return this.nextSavePath ? { canceled: false, filePath: this.nextSavePath } : { canceled: true, filePath: undefined };
  },
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    this.opened.push(url);
  },
};

// Renderer-side (preload) parts.
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, value: unknown) {
    this.exposed.set(key, value);
  },
};

class FakeIpcRenderer extends EventEmitter {
  invoked: { channel: string; arg: unknown }[] = [];
  answer: unknown = { ok: true, value: 'answered' };
  async invoke(channel: string, arg: unknown) {
    this.invoked.push({ channel, arg });
    return this.answer;
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export default { app, protocol, session, BrowserWindow, ipcMain, Menu, screen, dialog, shell, contextBridge, ipcRenderer };

/**
 * safeStorage: a reversible stand-in "encryption" (bytes reversed and masked, behind a tag) so tests see that what
 * is written is not the secret, and that text not sealed by it cannot be opened. `available` and `backend` play the system.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable() {
    return this.available;
  },
  getSelectedStorageBackend() {
    return this.backend;
  },
  encryptString(text: string): Buffer {
    return Buffer.concat([Buffer.from('FAKE-SEALED:'), Buffer.from(text, 'utf8').reverse().map((b) => b ^ 0x5a)]);
  },
  decryptString(sealed: Buffer): string {
    const tag = Buffer.from('FAKE-SEALED:');
    if (!sealed.subarray(0, tag.length).equals(tag)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(sealed.subarray(tag.length).map((b) => b ^ 0x5a)).reverse().toString('utf8');
  },
};
