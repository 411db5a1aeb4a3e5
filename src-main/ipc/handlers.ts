/**
 * One handler per contract method, shared by Electron's IPC and the HTTP host.
 *
 * Every handler takes an untrusted `unknown` argument, validates it, calls the
 * archive and answers a Result. `dispatch` is the one entry point transports
 * use: it refuses unknown method names and turns anything thrown into an
 * `internal` Result, so a bug never crashes main or leaks a stack trace.
 * Host-specific abilities (a save dialog, the system browser) are injected:
 * a host without them answers `unsupported`.
 */
import {
  API_METHODS,
  type ApiMethod,
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
} from '../shared/contract';
import { err, ok, type Result } from '../shared/result';
import { ArchiveSlot, errorText } from './archive-slot';
import { DamagedArchive } from '../archive/store/archive-schemas';
import {
  ArgumentError,
  validateBackupName,
  validateBackupWrite,
  validateFindInDoc,
  validateGetDoc,
  validatePrintToPdf,
  validateList,
  validateNoArg,
  validateOpenExternal,
  validateSaveFile,
  validateSearch,
} from './validate';

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
  /** Where internal errors are reported (defaults to console.error). */
  log?: (message: string) => void;
}

export type Handlers = { [M in ApiMethod]: (arg: unknown) => Promise<Result<ApiValue<M>>> };

/** Thrown inside handlers when the archive cannot answer yet; dispatch turns it into `not-ready`. */
class NotReady extends Error {}

function readyArchive(deps: HandlerDeps) {
  const state = deps.archive.current;
  if (state.status === 'ready') return state.service;
  throw new NotReady(state.status === 'loading' ? 'The archive is still loading.' : state.message);
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    async appInfo(arg) {
      validateNoArg(arg, 'appInfo');
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
    async list(arg) {
      const req = validateList(arg);
      return ok(readyArchive(deps).list(req));
    },
    async getDoc(arg) {
      // A large document is answered a range of paragraphs at a time (contract.ts DocAnswer): never one huge answer.
      const { id, from } = validateGetDoc(arg);
      const doc = await readyArchive(deps).getPart(id, from);
      return doc ? ok(doc) : err('not-found', `No article or brief has the id "${id}".`);
    },
    async search(arg) {
      const req = validateSearch(arg);
      const archive = readyArchive(deps);
      // While the index loads, a search waits for it rather than failing: the UI shows its loading state meanwhile.
      await archive.searchReady.catch(() => undefined);
      const info = archive.info();
      if (info.searchStatus === 'error') return err('not-ready', info.message ?? 'The search index could not be loaded.');
      return ok(await archive.search(req));
    },
    async findInDoc(arg) {
      const req = validateFindInDoc(arg);
      const found = await readyArchive(deps).findInDoc(req.id, req.query);
      return found ? ok(found) : err('not-found', `No article or brief has the id "${req.id}".`);
    },
    async facets(arg) {
      validateNoArg(arg, 'facets');
      return ok(readyArchive(deps).facets());
    },
    async saveFile(arg) {
      const req = validateSaveFile(arg);
      if (!deps.saveFile) return err('unsupported', 'This host cannot show a save dialog; the browser downloads the file instead.');
      return deps.saveFile(req);
    },
    async openExternal(arg) {
      const req = validateOpenExternal(arg);
      if (!deps.openExternal) return err('unsupported', 'In a browser, links open in the browser itself.');
      // Not shell.openExternal itself: the host's ability, given a URL validated as http(s) just above.
      return deps.openExternal(req); // eng-disable OPEN_EXTERNAL_JS_CHECK
    },
    async backupWrite(arg) {
      const req = validateBackupWrite(arg);
      if (!deps.backups) return err('unsupported', 'This host has no data folder for backups.');
      return deps.backups.write(req);
    },
    async backupList(arg) {
      validateNoArg(arg, 'backupList');
      if (!deps.backups) return err('unsupported', 'This host has no data folder for backups.');
      return deps.backups.list();
    },
    async backupRead(arg) {
      const { name } = validateBackupName(arg);
      if (!deps.backups) return err('unsupported', 'This host has no data folder for backups.');
      return deps.backups.read(name);
    },
    async printToPdf(arg) {
      const req = validatePrintToPdf(arg);
      if (!deps.printToPdf) {
        return err('unsupported', "This host cannot print to PDF; in a browser, open the HTML export and use the browser's Print dialog (Save as PDF).");
      }
      return deps.printToPdf(req);
    },
  };
}

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

/** Call a handler by name; never throws, always answers a Result. */
export async function dispatch(handlers: Handlers, method: string, arg: unknown, log: (m: string) => void = console.error): Promise<Result<unknown>> {
  if (!isApiMethod(method)) return err('not-found', `Unknown method "${method}".`);
  try {
    return await handlers[method](arg);
  } catch (e) {
    if (e instanceof ArgumentError) return err(e.code, `${method}: ${e.message}`);
    if (e instanceof NotReady) return err('not-ready', e.message);
    // A damaged archive file: the message names it and says how to rebuild; never a silent empty answer.
    if (e instanceof DamagedArchive) return err('io', e.message);
    log(`archive-reader: ${method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return err('internal', `Something went wrong in ${method}: ${errorText(e)}`);
  }
}
