/**
 * The one API contract between the renderer and whatever hosts it.
 *
 * `API_SCHEMA` maps each method to the schema of its argument
 * (api-requests.ts); `ApiAnswers` maps it to its answer. Everything else is
 * derived from these two: the method list, the argument types, IPC and HTTP
 * validation (once, at the boundary: `parseRequest`), the channel and path
 * names, the preload's functions and the renderer's HTTP client
 * (`clientFrom`). Renaming or reshaping a method here breaks the typecheck in
 * every process at once. Each method takes at most one JSON-serializable
 * argument and answers a JSON-serializable value; transports wrap the answer
 * in a Result (see result.ts).
 */
import type * as v from 'valibot';
import {
  archiveIdArg,
  archiveRenameArg,
  backupNameArg,
  backupWriteArg,
  importBeginArg,
  importFolderArg,
  importJobArg,
  facetsArg,
  findInDocArg,
  getDocArg,
  listArg,
  noArg,
  openExternalArg,
  printToPdfArg,
  saveFileArg,
  searchArg,
  syncSettingsArg,
} from './api-requests';
import type { Doc, DocKind, DocSummary } from './model';
import type { Result } from './result';
import type { ArchivesResponse, ImportBeginResponse, ImportStatus, SyncPassphrase, SyncSettings } from './contract-archives';

export type SortKey = 'date' | 'title';
export type SortOrder = 'asc' | 'desc';

export type ListRequest = v.InferOutput<typeof listArg>;
export type FacetsRequest = v.InferOutput<typeof facetsArg>;

export interface ListResponse {
  items: DocSummary[];
  /** Matching items before offset/limit. */
  total: number;
}

export type SearchRequest = v.InferOutput<typeof searchArg>;

export interface Snippet {
  /** A short passage of one paragraph around the matches. */
  text: string;
  /** [start, end) offsets of matches inside `text`. */
  highlights: [number, number][];
  /** Paragraph index in the document. */
  paragraph: number;
  /** Offset of `text` inside that paragraph's text. */
  start: number;
}

export interface SearchHit {
  id: string;
  title: string;
  kind: DocKind;
  published: string | null;
  /** The date of the event reported: shown (and cited) when there is no publication date. */
  eventDate: string | null;
  score: number;
  snippets: Snippet[];
}

export type Interpretation = 'lunr' | 'literal' | 'fuzzy';

export interface SearchResponse {
  query: string;
  interpretedAs: Interpretation;
  /** Shown to the person: "showing results for …", "read literally because …". */
  notice: string | null;
  total: number;
  offset: number;
  hits: SearchHit[];
  tookMs: number;
}

/** A match of a query inside one document, as offsets into docText(doc). */
export interface TextMatch {
  start: number;
  end: number;
}

export type FindInDocRequest = v.InferOutput<typeof findInDocArg>;

export interface FindInDocResponse {
  matches: TextMatch[];
  interpretedAs: Interpretation;
}

export interface FacetCount {
  value: string;
  count: number;
}

/**
 * The archive at a glance. `years` and `undated` count what the request's
 * filters keep (so the timeline follows the library's kind and facet); the
 * kinds and the facet lists are the whole archive's (the filters' own choices).
 */
export interface FacetsResponse {
  years: { year: number; count: number }[];
  /** Items the filters keep that have no year. */
  undated: number;
  kinds: { kind: DocKind; count: number }[];
  people: FacetCount[];
  places: FacetCount[];
  organizations: FacetCount[];
  /** The sub-folders documents came from (DocSummary.section), the whole archive's; empty when all came from one folder. */
  sections: FacetCount[];
}

export type ArchiveStatus = 'loading' | 'ready' | 'error';

/** The archive as the UI sees it: listing and search load separately. */
export interface ArchiveState {
  /** Library listing available (docs loaded). */
  status: ArchiveStatus;
  /** Search index loaded and answering. */
  searchStatus: ArchiveStatus;
  message: string | null;
  articles: number;
  briefs: number;
  builtAt: string | null;
  corpusHash: string | null;
  /**
   * The whole archive's year counts, as `facets({})` answers them, known as soon as the listing is: the library
   * draws its timeline from this in its first frame. `facets` needs the full summaries, which arrive later, and
   * a timeline arriving after the rows pushed them down under the pointer (a click meant for a row opened none).
   * Null until the archive is open.
   */
  timeline: Pick<FacetsResponse, 'years' | 'undated'> | null;
  /**
   * How many sub-folders the documents came from (the length of `facets`' `sections`), counted from the list as
   * the timeline is: the library holds the section filter's place from its first frame when there are several.
   * 0 until the archive is open.
   */
  sections: number;
}

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'web';
  archive: ArchiveState;
  /** Base URL of passage links, e.g. "archive-reader://" in Electron, "http://127.0.0.1:5174/#" in a browser. */
  linkBase: string;
  /**
   * The id of the archive that is open ("bundled" for the bundled archive): the renderer keeps each archive's
   * notes apart by it (src-main/shared/notes/schema/archive-id.ts). Known while the archive still loads; changes
   * when the person switches archives (src-main/archives/registry.ts).
   */
  archiveId: string;
}

export type SaveFileRequest = v.InferOutput<typeof saveFileArg>;

/** Only http: and https: URLs are accepted. */
export type OpenExternalRequest = v.InferOutput<typeof openExternalArg>;

export interface OpenExternalResponse {
  opened: true;
}

export interface SaveFileResponse {
  /** Where it went (a path in Electron, the file name of a download in a browser). */
  savedAs: string;
  /** One sentence more for the person, where `savedAs` alone does not say where to find it (a browser's download, a print dialog). */
  hint?: string;
}

/** Why a backup was written into the app's data folder. 'auto' and 'quit' are the automatic ones (the last 10 are kept). */
export type BackupReason = BackupWriteRequest['reason'];

export type BackupWriteRequest = v.InferOutput<typeof backupWriteArg>;

/** Rows per table, as in the backup's header. */
export interface BackupCounts {
  annotations: number;
  docState: number;
  tags: number;
  settings: number;
}

/** One backup in the app's data folder. */
export interface BackupEntry {
  /** File name inside the backups folder; what backupRead takes. */
  name: string;
  /** The backup's own createdAt (ISO 8601). */
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  counts: BackupCounts;
}

export interface BackupWriteResponse {
  entry: BackupEntry;
  /** Names of older automatic backups removed to keep the last 10. */
  pruned: string[];
}

export interface BackupReadResponse {
  name: string;
  text: string;
}

// The answers of the archive list, imports and sync live in contract-archives.ts (re-exported here, so the
// contract is still imported from this one file).
export * from './contract-archives';

export type PrintToPdfRequest = v.InferOutput<typeof printToPdfArg>;

export interface PrintToPdfResponse {
  /** The PDF, base64 (pass to saveFile with encoding 'base64'). */
  data: string;
  bytes: number;
}

/**
 * getDoc's answer: the document. A large one (stored in several parts) comes
 * a range of paragraphs at a time, at most about DOC_ANSWER_CHARS characters,
 * with where the range starts and how many paragraphs there are in all; the
 * renderer's client asks for the rest (src-renderer/src/platform/doc-parts.ts), so
 * the views always see whole documents and no answer is ever huge.
 */
export type DocAnswer = Doc & { paragraphsFrom?: number; paragraphCount?: number };

/** Characters of paragraph text in one getDoc answer for a large document. */
export const DOC_ANSWER_CHARS = 1024 * 1024;

/** Method name -> the schema of its one argument: the single source of the method list. */
export const API_SCHEMA = {
  appInfo: noArg,
  list: listArg,
  getDoc: getDocArg,
  search: searchArg,
  findInDoc: findInDocArg,
  facets: facetsArg,
  saveFile: saveFileArg,
  /**
   * Open an http(s) link in the system browser (Electron, after a click). The
   * web host answers `unsupported`: a browser opens links itself.
   */
  openExternal: openExternalArg,
  /**
   * Write a backup into the app's data folder (Electron: <userData>/backups; web
   * host: its --data folder), atomically, after checking it is a valid backup;
   * automatic ones beyond the last 10 are removed.
   */
  backupWrite: backupWriteArg,
  /** The backups in the data folder, newest first. */
  backupList: noArg,
  /** One backup's text, by the name backupList gave. */
  backupRead: backupNameArg,
  /** Electron: the HTML printed to PDF in a hidden, sandboxed window without JavaScript. The web host answers `unsupported`. */
  printToPdf: printToPdfArg,
  /** The archives this host knows, the open one marked. */
  archiveList: noArg,
  /** Switch to an archive (remembered as the one last used). */
  archiveOpen: archiveIdArg,
  /** The bundled archive could not be opened (damaged): rebuild it from its pages and open it (`unsupported` where the app cannot). */
  archiveRebuild: noArg,
  archiveRename: archiveRenameArg,
  /** Take an imported archive off the list and delete the folder built for it (notes are kept: they live in the renderer). */
  archiveRemove: archiveIdArg,
  /** Start importing (a new archive, or `into` an existing one): the browser then uploads the files, the desktop picks a folder. */
  importBegin: importBeginArg,
  /**
   * Electron: the system's folder dialog, then the same job as an upload, reading that folder (begun and run at once); the web host
   * answers `unsupported` (a browser uploads instead).
   */
  importFolder: importFolderArg,
  /** Build the archive from what was received (in a worker thread); answers at once, progress through importStatus. */
  importRun: importJobArg,
  importStatus: importJobArg,
  /** Stops an import: nothing half-written stays, the staged files are removed. */
  importCancel: importJobArg,
  /** Settings > Sync as the host keeps them (never the password itself). */
  syncSettingsGet: noArg,
  /** Save Settings > Sync; the host keeps the password and the passphrase (web host: its data folder, mode 0600). */
  syncSettingsSet: syncSettingsArg,
  /**
   * The end-to-end encryption passphrase, for the renderer's sync to derive its key in memory (it seals rows before they
   * reach its mirror, so it must hold the key); null when none is set. Kept by the host, never in page storage.
   */
  syncPassphrase: noArg,
} as const;

export type ApiMethod = keyof typeof API_SCHEMA;

/** Method name -> what it answers (the `value` of the Result the transport returns). */
export interface ApiAnswers {
  appInfo: AppInfo;
  list: ListResponse;
  getDoc: DocAnswer;
  search: SearchResponse;
  findInDoc: FindInDocResponse;
  facets: FacetsResponse;
  saveFile: SaveFileResponse;
  openExternal: OpenExternalResponse;
  backupWrite: BackupWriteResponse;
  backupList: BackupEntry[];
  backupRead: BackupReadResponse;
  printToPdf: PrintToPdfResponse;
  archiveList: ArchivesResponse;
  archiveOpen: ArchivesResponse;
  archiveRebuild: ArchivesResponse;
  archiveRename: ArchivesResponse;
  archiveRemove: ArchivesResponse;
  importBegin: ImportBeginResponse;
  importFolder: ImportStatus;
  importRun: ImportStatus;
  importStatus: ImportStatus;
  importCancel: ImportStatus;
  syncSettingsGet: SyncSettings;
  syncSettingsSet: SyncSettings;
  syncPassphrase: SyncPassphrase;
}

/** What a caller sends (the schema's input) and what a handler receives (its output, after the one check). */
export type ApiArgs = { [M in ApiMethod]: v.InferInput<(typeof API_SCHEMA)[M]> };
export type ApiParsedArgs = { [M in ApiMethod]: v.InferOutput<(typeof API_SCHEMA)[M]> };
export type ApiArg<M extends ApiMethod> = ApiArgs[M];
export type ApiValue<M extends ApiMethod> = ApiAnswers[M];

/** Method name -> (argument) => answer. */
export type ArchiveApi = { [M in ApiMethod]: (arg: ApiArgs[M]) => ApiAnswers[M] };

/** What the renderer calls: every method async, answering a Result. */
export type ApiClient = { -readonly [M in ApiMethod]: ClientMethod<M> };
export type ClientMethod<M extends ApiMethod> = (arg: ApiArgs[M]) => Promise<Result<ApiAnswers[M]>>;

/** Every method name, in the schema's order, for hosts that register handlers by iterating. */
export const API_METHODS = Object.keys(API_SCHEMA) as readonly ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(API_SCHEMA, name);
}

/**
 * A client from one transport function (the preload's ipcRenderer.invoke, the
 * renderer's fetch). The answer is trusted as the contract's type because the
 * host answering is ours; what crosses the boundary the other way is checked
 * by the host with the method's schema.
 */
export function clientFrom(send: (method: ApiMethod, arg: unknown) => Promise<Result<unknown>>): ApiClient {
  const methods: Record<string, (arg: unknown) => Promise<Result<unknown>>> = {};
  for (const m of API_METHODS) methods[m] = (arg) => send(m, arg);
  // One function per method of API_SCHEMA, each sending its own name: the shape ApiClient describes.
  return methods as ApiClient;
}

/** IPC channel for a method (Electron). */
export const ipcChannel = (method: ApiMethod): string => `archive:${method}`;

/** HTTP path for a method (browser host): POST JSON body, Result JSON answer. */
export const httpPath = (method: ApiMethod): string => `/api/${method}`;

/** The name the preload bridge exposes on `window`. */
export const BRIDGE_GLOBAL = 'archiveApi';
