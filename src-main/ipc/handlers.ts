/**
 * One handler per contract method, shared by Electron's IPC and the HTTP host.
 *
 * `dispatch` is the one entry point transports (IPC, HTTP) use: it refuses
 * unknown method names, checks the untrusted argument once against the
 * method's schema in the contract (API_SCHEMA), and hands the handler the
 * parsed, typed value; anything thrown becomes an `internal` Result, so a bug
 * never crashes main or leaks a stack trace.
 * Host-specific abilities (a save dialog, the system browser) are injected:
 * a host without them answers `unsupported`.
 */
import {
  API_SCHEMA,
  isApiMethod,
  type ApiMethod,
  type ApiParsedArgs,
  type ApiValue,
  type AppInfo,
  type ArchivesResponse,
  type ImportBeginRequest,
  type ImportBeginResponse,
  type ImportStatus,
  type BackupEntry,
  type BackupReadResponse,
  type BackupWriteRequest,
  type BackupWriteResponse,
  type OpenExternalRequest,
  type OpenExternalResponse,
  type PrintToPdfRequest,
  type PrintToPdfResponse,
  type SaveFileRequest,
  type SaveFileResponse,
  type SyncPassphrase,
  type SyncSettings,
} from '../shared/contract';
import { err, ok, type Result } from '../shared/result';
import { ArchiveSlot, errorText } from './archive-slot';
import { DamagedArchive } from '../archive/store/archive-schemas';
import { ArgumentError, parseRequest } from '../shared/api-requests';

export interface HandlerDeps {
  archive: ArchiveSlot;
  host: AppInfo['host'];
  appName: string;
  version: string;
  linkBase: string;
  /** The open archive's id (AppInfo.archiveId): "bundled", or the id of the archive the host serves. */
  archiveId: string;
  /** Electron: a save dialog + write. Absent in the web host (the browser downloads). */
  saveFile?: (req: SaveFileRequest) => Promise<Result<SaveFileResponse>>;
  /** Electron: shell.openExternal on an already validated http(s) URL. */
  openExternal?: (req: OpenExternalRequest) => Promise<Result<OpenExternalResponse>>;
  /** The backups folder of this host (src-main/backups/backup-store.ts). Absent: `unsupported`. */
  backups?: {
    write(req: BackupWriteRequest): Promise<Result<BackupWriteResponse>>;
    list(): Promise<Result<BackupEntry[]>>;
    read(name: string): Promise<Result<BackupReadResponse>>;
  };
  /** Electron: HTML -> PDF in a hidden sandboxed window. Absent in the web host (the browser prints itself). */
  printToPdf?: (req: PrintToPdfRequest) => Promise<Result<PrintToPdfResponse>>;
  /** The archives this host keeps and its imports (src-main/archives). Absent: the one archive of `archive`, id "bundled". */
  archives?: ArchivesHost;
  /** Electron: the system's folder dialog; null when the person cancelled. Absent: importFolder is `unsupported`. */
  pickFolder?: () => Promise<string | null>;
  /** Where this host keeps Settings > Sync (web host: src-main/sync/sync-settings-store.ts). Absent: `unsupported`. */
  sync?: {
    get(): Promise<Result<SyncSettings>>;
    set(req: ApiParsedArgs['syncSettingsSet']): Promise<Result<SyncSettings>>;
    passphrase(): Promise<Result<SyncPassphrase>>;
  };
  /** Where internal errors are reported (defaults to console.error). */
  log?: (message: string) => void;
}

/** What the handlers need of src-main/archives (its registry and import jobs), described here so ipc never imports it. */
export interface ArchivesHost {
  registry: {
    readonly openId: string;
    describe(): Promise<ArchivesResponse>;
    open(id: string): Promise<Result<ArchivesResponse>>;
    rename(id: string, name: string): Promise<Result<ArchivesResponse>>;
    remove(id: string): Promise<Result<ArchivesResponse>>;
    rebuildBundled(): Promise<Result<ArchivesResponse>>;
  };
  imports: {
    begin(req: ImportBeginRequest, folder?: string): Promise<Result<ImportBeginResponse>>;
    run(jobId: string): Result<ImportStatus>;
    status(jobId: string): Result<ImportStatus>;
    cancel(jobId: string): Promise<Result<ImportStatus>>;
  };
}

/** One handler per method, given its argument already checked against the method's schema. */
export type Handlers = { [M in ApiMethod]: (arg: ApiParsedArgs[M]) => Promise<Result<ApiValue<M>>> };

/** Thrown inside handlers when the archive cannot answer yet; dispatch turns it into `not-ready`. */
class NotReady extends Error {}

function readyArchive(deps: HandlerDeps) {
  const state = deps.archive.current;
  if (state.status === 'ready') return state.service;
  throw new NotReady(state.status === 'loading' ? 'The archive is still loading.' : state.message);
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    async appInfo() {
      const state = deps.archive.current;
      const info = state.service?.info();
      return ok({
        name: deps.appName,
        version: deps.version,
        host: deps.host,
        archive: {
          status: info?.status ?? state.status,
          searchStatus: info?.searchStatus ?? (state.status === 'error' ? 'error' : 'loading'),
          message: info?.message ?? state.message,
          articles: info?.articles ?? 0,
          briefs: info?.briefs ?? 0,
          builtAt: info?.builtAt ?? null,
          corpusHash: info?.corpusHash ?? null,
          timeline: info?.timeline ?? null,
          sections: info?.sections ?? 0,
        },
        linkBase: deps.linkBase,
        // An imported archive's id from the registry; otherwise the archive the host was started with ("bundled", or --archive's id).
        archiveId: deps.archives && deps.archives.registry.openId !== 'bundled' ? deps.archives.registry.openId : deps.archiveId,
      });
    },
    async list(req) {
      return ok(await readyArchive(deps).list(req));
    },
    async getDoc({ id, from }) {
      // A large document is answered a range of paragraphs at a time (contract.ts DocAnswer): never one huge answer.
      const doc = await readyArchive(deps).getPart(id, from);
      return doc ? ok(doc) : err('not-found', `No article or brief has the id "${id}".`);
    },
    async search(req) {
      const archive = readyArchive(deps);
      // While the index loads, a search waits for it rather than failing: the UI shows its loading state meanwhile.
      await archive.searchReady.catch(() => undefined);
      const info = archive.info();
      if (info.searchStatus === 'error') return err('not-ready', info.message ?? 'The search index could not be loaded.');
      return ok(await archive.search(req));
    },
    async findInDoc(req) {
      const found = await readyArchive(deps).findInDoc(req.id, req.query);
      return found ? ok(found) : err('not-found', `No article or brief has the id "${req.id}".`);
    },
    async facets(req) {
      return ok(await readyArchive(deps).facets(req));
    },
    async saveFile(req) {
      if (!deps.saveFile) return err('unsupported', 'This host cannot show a save dialog; the browser downloads the file instead.');
      return deps.saveFile(req);
    },
    async openExternal(req) {
      if (!deps.openExternal) return err('unsupported', 'In a browser, links open in the browser itself.');
      // Not shell.openExternal itself: the host's ability, given a URL validated as http(s) just above.
      return deps.openExternal(req); // eng-disable OPEN_EXTERNAL_JS_CHECK
    },
    async backupWrite(req) {
      if (!deps.backups) return err('unsupported', 'This host has no data folder for backups.');
      return deps.backups.write(req);
    },
    async backupList() {
      if (!deps.backups) return err('unsupported', 'This host has no data folder for backups.');
      return deps.backups.list();
    },
    async backupRead({ name }) {
      if (!deps.backups) return err('unsupported', 'This host has no data folder for backups.');
      return deps.backups.read(name);
    },
    async archiveList() {
      if (!deps.archives) return err('unsupported', 'This host serves one archive only.');
      return ok(await deps.archives.registry.describe());
    },
    async archiveOpen({ id }) {
      if (!deps.archives) return err('unsupported', 'This host serves one archive only.');
      return deps.archives.registry.open(id);
    },
    async archiveRename({ id, name }) {
      if (!deps.archives) return err('unsupported', 'This host serves one archive only.');
      return deps.archives.registry.rename(id, name);
    },
    async archiveRebuild() {
      if (!deps.archives) return err('unsupported', 'This host serves one archive only.');
      return deps.archives.registry.rebuildBundled();
    },
    async archiveRemove({ id }) {
      if (!deps.archives) return err('unsupported', 'This host serves one archive only.');
      return deps.archives.registry.remove(id);
    },
    async importBegin(req) {
      if (!deps.archives) return err('unsupported', 'This host serves one archive only.');
      return deps.archives.imports.begin(req);
    },
    async importFolder(req) {
      if (!deps.archives || !deps.pickFolder) return err('unsupported', 'In a browser, choose the folder in the import dialog; its files are uploaded.');
      const folder = await deps.pickFolder();
      if (folder === null) return err('cancelled', 'No folder was chosen.');
      const begun = await deps.archives.imports.begin({ source: folder, name: req.name, into: req.into }, folder);
      return begun.ok ? deps.archives.imports.run(begun.value.jobId) : begun;
    },
    async importRun({ jobId }) {
      if (!deps.archives) return err('unsupported', 'This host serves one archive only.');
      return deps.archives.imports.run(jobId);
    },
    async importStatus({ jobId }) {
      if (!deps.archives) return err('unsupported', 'This host serves one archive only.');
      return deps.archives.imports.status(jobId);
    },
    async importCancel({ jobId }) {
      if (!deps.archives) return err('unsupported', 'This host serves one archive only.');
      return deps.archives.imports.cancel(jobId);
    },
    async printToPdf(req) {
      if (!deps.printToPdf) {
        return err('unsupported', "This host cannot print to PDF; in a browser, open the HTML export and use the browser's Print dialog (Save as PDF).");
      }
      return deps.printToPdf(req);
    },
    async syncSettingsGet() {
      if (!deps.sync) return err('unsupported', 'Sync is not available in this version of the app yet.');
      return deps.sync.get();
    },
    async syncSettingsSet(req) {
      if (!deps.sync) return err('unsupported', 'Sync is not available in this version of the app yet.');
      return deps.sync.set(req);
    },
    async syncPassphrase() {
      if (!deps.sync) return err('unsupported', 'Sync is not available in this version of the app yet.');
      return deps.sync.passphrase();
    },
  };
}

export { isApiMethod };

/** The one check of a request: the argument against its method's schema, then the handler. */
async function run<M extends ApiMethod>(handlers: Handlers, method: M, arg: unknown): Promise<Result<ApiValue<M>>> {
  // The schema's output for M is ApiParsedArgs[M] by definition; TypeScript cannot follow a generic key through InferOutput.
  const parsed = parseRequest(API_SCHEMA[method], arg) as ApiParsedArgs[M];
  const handler: Handlers[M] = handlers[method];
  return handler(parsed);
}

/** Call a handler by name; never throws, always answers a Result. */
export async function dispatch(handlers: Handlers, method: string, arg: unknown, log: (m: string) => void = console.error): Promise<Result<unknown>> {
  if (!isApiMethod(method)) return err('not-found', `Unknown method "${method}".`);
  try {
    return await run(handlers, method, arg);
  } catch (e) {
    if (e instanceof ArgumentError) return err(e.code, `${method}: ${e.message}`);
    if (e instanceof NotReady) return err('not-ready', e.message);
    // A damaged archive file: the message names it and says how to rebuild; never a silent empty answer.
    if (e instanceof DamagedArchive) return err('io', e.message);
    log(`archive-reader: ${method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return err('internal', `Something went wrong in ${method}: ${errorText(e)}`);
  }
}
