/**
 * Electron main process: lifecycle and windows only. The work is elsewhere:
 * security and protocols in ./electron, handlers in ./ipc, the archive in
 * ./archive. Order matters: identity and privileged schemes before 'ready',
 * then hardening, handlers and the window; the archive opens in the
 * background and the window shows at once with the renderer's loading state.
 */
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledArchiveDir, ensureBundledArchive, openArchive, rebuildBundledArchive, searchWorkerFor } from './archive/index';
import { COMMAND_CHANNEL, type CommandMessage } from './shared/commands';
import { ArchiveRegistry } from './archives/registry';
import { ImportJobs } from './archives/import-jobs';
import { importWorkerFor } from './archives/import-thread';
import { BACKUP_FOLDER, BackupStore } from './backups/backup-store';
import { createHandlers } from './ipc/handlers';
import { BUNDLED_ARCHIVE_ID } from './shared/notes/schema';
import { registerPrivilegedSchemes, serveRenderer } from './electron/app-protocol';
import { safeStorageBox } from './electron/sync-secrets';
import { SyncSettingsStore } from './sync/sync-settings-store';
import { openExternal, makeSaveFile } from './electron/host-abilities';
import { establishIdentity } from './electron/identity';
import { registerIpcHandlers } from './electron/ipc-bridge';
import { linkFromArgv, parseArchiveLink, registerLinkProtocol } from './electron/links';
import { buildMenuTemplate } from './electron/menu';
import { hardenContents, hardenSession, trustedOrigins } from './electron/security';
import { createMainWindow, focusWindow } from './electron/window';
import { printToPdf } from './electron/pdf';
import { QuitBackup } from './electron/quit-backup';
import { LINK_PROTOCOL } from './shared/origin';

const identity = establishIdentity(import.meta.dirname);
registerPrivilegedSchemes();

/** The archives in the user-data folder (the bundled one and each import); set in start(). */
let registry: ArchiveRegistry | null = null;
let imports: ImportJobs | null = null;
let mainWindow: BrowserWindow | null = null;
/** A link that arrived before the window could take it. */
let pendingLink: string | null = linkFromArgv(process.argv);
/** Set in start(), once the user-data folder is final. */
let backups: BackupStore | null = null;

/** Asks the renderer for a backup before the window closes or the app quits (electron/quit-backup.ts). */
const quitBackup = new QuitBackup<BrowserWindow>({
  isDue: () => backups?.automaticBackupDue() ?? Promise.resolve(false),
  ask: (win) => {
    if (win.isDestroyed() || win.webContents.isLoading() || win.webContents.isCrashed()) return false;
    win.webContents.send(COMMAND_CHANNEL, { command: 'backup-before-quit' } satisfies CommandMessage);
    return true;
  },
});

function send(message: CommandMessage): void {
  const win = mainWindow;
  if (!win || win.isDestroyed()) return;
  if (win.webContents.isLoading()) win.webContents.once('did-finish-load', () => win.webContents.send(COMMAND_CHANNEL, message));
  else win.webContents.send(COMMAND_CHANNEL, message);
}

function openLink(link: string): void {
  if (!mainWindow) {
    pendingLink = link;
    return;
  }
  focusWindow(mainWindow);
  send({ command: 'open-link', arg: link });
}

/**
 * A folder dropped onto the window: the same import as File > Import..., by path, and the window follows it.
 * Anything else dropped opens the import dialog (a folder is what an import reads).
 */
async function importDropped(url: string): Promise<void> {
  const path = fileURLToPath(url);
  const isFolder = await stat(path).then((s) => s.isDirectory(), () => false);
  if (!isFolder || !imports) {
    send({ command: 'import' });
    return;
  }
  const begun = await imports.begin({ source: path }, path);
  if (!begun.ok) {
    console.warn(`archive-reader: dropped folder not imported: ${begun.error.message}`);
    send({ command: 'import' });
    return;
  }
  imports.run(begun.value.jobId);
  send({ command: 'import-started', arg: begun.value.jobId });
}

function openWindow(): void {
  mainWindow = createMainWindow({
    preload: identity.preload,
    url: identity.entryUrl,
    userDataDir: app.getPath('userData'),
    title: identity.name,
    icon: identity.icon,
    log: console.warn,
  });
  const win = mainWindow;
  win.on('close', (event) => {
    if (quitBackup.isDone(win)) return;
    // Hold the close until the renderer has sent its backup (or the bounded wait is over).
    event.preventDefault();
    void quitBackup.run(win).then(() => {
      if (!win.isDestroyed()) win.close();
    });
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (pendingLink) {
    openLink(pendingLink);
    pendingLink = null;
  }
}

async function start(): Promise<void> {
  // Open the archive first but do not wait: the window shows its loading state meanwhile.
  // Packaged, the archive prebuilt at build time is opened as is (resources are read-only);
  // unpackaged, it is rebuilt first if the corpus changed.
  // Packaged, the archive is always the one in the app's own resources (no environment override).
  const dir = app.isPackaged ? Promise.resolve(bundledArchiveDir({ resourcesDir: process.resourcesPath })) : ensureBundledArchive();
  // Searches run in a worker thread (the bundled search-worker.js beside this file), so the window's other
  // requests are answered while one runs; without that file (tests of the sources) they run here.
  const searchThread = searchWorkerFor(join(import.meta.dirname, 'search-worker.js'));
  // The archive last used opens (imports live in <userData>/archives/<id>); imports build in their own thread.
  const reg = new ArchiveRegistry({
    dataDir: app.getPath('userData'),
    openBundled: () => dir.then((d) => openArchive(d, { searchThread })),
    openDir: (d) => openArchive(d, { searchThread }),
    // Unpackaged, a damaged bundled archive can be rebuilt from resources/corpus; packaged, resources are read-only.
    rebuildBundled: app.isPackaged ? undefined : () => rebuildBundledArchive().then((d) => openArchive(d, { searchThread })),
    log: console.warn,
  });
  registry = reg;
  imports = new ImportJobs({ registry: reg, worker: importWorkerFor(join(import.meta.dirname, 'import-worker.js')), log: console.warn });
  const archive = reg.slot;
  void reg.start().then(() => {
    const state = archive.current;
    if (state.status === 'ready') console.log(`archive-reader: archive opened in ${archive.openMs} ms (${state.service.info().dir})`);
    else console.error(`archive-reader: ${state.message} (after ${archive.openMs} ms)`);
    void state.service?.searchReady.then(
      () => console.log(`archive-reader: search index ready`),
      (e: unknown) => console.error(`archive-reader: search index failed: ${String(e)}`),
    );
  });

  const origins = trustedOrigins(identity.devServerUrl);
  hardenSession(session.defaultSession, { origins, dev: identity.dev });
  // Settings > Sync: the password and passphrase sealed by the system keychain where there is one.
  const syncSettings = new SyncSettingsStore(app.getPath('userData'), safeStorageBox());
  serveRenderer(session.defaultSession, identity.rendererDir, () => syncSettings.target());
  const store = new BackupStore(join(app.getPath('userData'), BACKUP_FOLDER));
  backups = store;
  registerIpcHandlers(
    createHandlers({
      archive,
      archives: { registry: reg, imports },
      host: 'electron',
      // Electron serves the bundled archive (the in-app archive list makes this the open archive's id).
      archiveId: BUNDLED_ARCHIVE_ID,
      appName: identity.name,
      version: app.getVersion(),
      linkBase: `${LINK_PROTOCOL}://`,
      saveFile: makeSaveFile(() => mainWindow, () => app.getPath('documents')),
      openExternal,
      backups: {
        async write(req) {
          const r = await store.write(req);
          if (req.reason === 'quit') quitBackup.noteQuitWrite(r.ok);
          return r;
        },
        list: () => store.list(),
        read: (name) => store.read(name),
      },
      printToPdf: (req) => printToPdf(req),
      sync: { get: () => syncSettings.get(), set: (req) => syncSettings.set(req), passphrase: () => syncSettings.passphrase() },
      pickFolder: async () => {
        const options = { title: 'Import a folder of news pages', properties: ['openDirectory' as const] };
        const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return choice.canceled || !choice.filePaths[0] ? null : choice.filePaths[0];
      },
    }),
    origins,
  );
  registerLinkProtocol();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ platform: process.platform, appName: identity.name, dev: identity.dev, send: (command) => send({ command }) }),
    ),
  );
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another copy is running: it gets our arguments through 'second-instance' and focuses itself.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const link = linkFromArgv(argv);
    if (link) openLink(link);
    else focusWindow(mainWindow);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseArchiveLink(url);
    if (link) openLink(link);
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, console.warn, (url) => void importDropped(url)));
  app.on('before-quit', (event) => {
    const win = mainWindow;
    if (!win || win.isDestroyed() || quitBackup.isDone(win)) return;
    // Quitting from the menu (or Cmd+Q): back up first, then quit for real.
    event.preventDefault();
    void quitBackup.run(win).then(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', () => {
    void imports?.close().then(() => registry?.close());
  });
  app.whenReady().then(start, (e: unknown) => {
    console.error(`archive-reader: startup failed: ${String(e)}`);
    app.exit(1);
  });
}
