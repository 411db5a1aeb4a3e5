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
  /** Where this host keeps Settings > Sync (web host: src-main/sync/sync-settings-store.ts). Absent: `unsupported`. */
  sync?: {
    get(): Promise<Result<SyncSettings>>;
    set(req: ApiParsedArgs['syncSettingsSet']): Promise<Result<SyncSettings>>;
  };
  /** Where internal errors are reported (defaults to console.error). */
  log?: (message: string) => void;
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
        },
        linkBase: deps.linkBase,
      });
    },
    async list(req) {
      return ok(readyArchive(deps).list(req));
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
      return ok(readyArchive(deps).facets(req));
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
