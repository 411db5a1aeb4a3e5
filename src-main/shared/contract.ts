/**
 * The one API contract between the renderer and whatever hosts it.
 *
 * Electron's main process (through the preload bridge), the HTTP host used by
 * browsers and end-to-end tests, and the renderer's client are all typed from
 * `ArchiveApi`: renaming or reshaping a method here breaks the typecheck in
 * every process at once. Each method takes at most one JSON-serializable
 * argument and answers a JSON-serializable value; transports wrap the answer in
 * a Result (see result.ts).
 */
import type { Doc, DocKind, DocSummary, FacetType } from './model';
import type { Result } from './result';

export type SortKey = 'date' | 'title';
export type SortOrder = 'asc' | 'desc';

export interface ListRequest {
  kind?: DocKind;
  /** Inclusive year range. */
  from?: number;
  to?: number;
  facet?: { type: FacetType; value: string };
  sort?: SortKey;
  order?: SortOrder;
  offset?: number;
  /** Defaults to every matching item. */
  limit?: number;
}

export interface ListResponse {
  items: DocSummary[];
  /** Matching items before offset/limit. */
  total: number;
}

export interface SearchRequest {
  query: string;
  /** Default 20, at most 200. */
  limit?: number;
  offset?: number;
  kind?: DocKind;
  /** Inclusive year range. */
  from?: number;
  to?: number;
}

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

export interface FindInDocRequest {
  id: string;
  query: string;
}

export interface FindInDocResponse {
  matches: TextMatch[];
  interpretedAs: Interpretation;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface FacetsResponse {
  years: { year: number; count: number }[];
  kinds: { kind: DocKind; count: number }[];
  people: FacetCount[];
  places: FacetCount[];
  organizations: FacetCount[];
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
}

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'web';
  archive: ArchiveState;
  /** Base URL of passage links, e.g. "archive-reader://" in Electron, "http://127.0.0.1:5174/#" in a browser. */
  linkBase: string;
}

export interface SaveFileRequest {
  suggestedName: string;
  mimeType: string;
  /** Text content, or base64 when `encoding` is 'base64' (e.g. a PDF). */
  data: string;
  encoding?: 'utf8' | 'base64';
}

export interface OpenExternalRequest {
  /** Only http: and https: URLs are accepted. */
  url: string;
}

export interface OpenExternalResponse {
  opened: true;
}

export interface SaveFileResponse {
  /** Where it went (a path in Electron, the file name of a download in a browser). */
  savedAs: string;
}

/** Why a backup was written into the app's data folder. 'auto' and 'quit' are the automatic ones (the last 10 are kept). */
export type BackupReason = 'auto' | 'quit' | 'manual' | 'safety';

export interface BackupWriteRequest {
  /** A whole backup file (format archive-reader-backup), as made by createBackupText. */
  text: string;
  reason: BackupReason;
}

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

export interface PrintToPdfRequest {
  /** A self-contained HTML document (the HTML export); nothing in it runs. */
  html: string;
}

export interface PrintToPdfResponse {
  /** The PDF, base64 (pass to saveFile with encoding 'base64'). */
  data: string;
  bytes: number;
}

/** getDoc's argument: `from` asks for the paragraphs from that index on (a large document is answered in parts). */
export interface GetDocRequest {
  id: string;
  from?: number;
}

/**
 * getDoc's answer: the document. A large one (stored in several parts) comes
 * a range of paragraphs at a time, at most about DOC_ANSWER_CHARS characters,
 * with where the range starts and how many paragraphs there are in all; the
 * renderer's client asks for the rest (src-renderer/src/app/doc-parts.ts), so
 * the views always see whole documents and no answer is ever huge.
 */
export type DocAnswer = Doc & { paragraphsFrom?: number; paragraphCount?: number };

/** Characters of paragraph text in one getDoc answer for a large document. */
export const DOC_ANSWER_CHARS = 1024 * 1024;

/**
 * Method name -> (argument) => answer. The answer type is the `value` of the
 * Result the transport returns.
 */
export interface ArchiveApi {
  appInfo(arg: void): AppInfo;
  list(arg: ListRequest): ListResponse;
  getDoc(arg: GetDocRequest): DocAnswer;
  search(arg: SearchRequest): SearchResponse;
  findInDoc(arg: FindInDocRequest): FindInDocResponse;
  facets(arg: void): FacetsResponse;
  saveFile(arg: SaveFileRequest): SaveFileResponse;
  /**
   * Open an http(s) link in the system browser (Electron, after a click). The
   * web host answers `unsupported`: a browser opens links itself.
   */
  openExternal(arg: OpenExternalRequest): OpenExternalResponse;
  /**
   * Write a backup into the app's data folder (Electron: <userData>/backups; web
   * host: its --data folder), atomically, after checking it is a valid backup;
   * automatic ones beyond the last 10 are removed.
   */
  backupWrite(arg: BackupWriteRequest): BackupWriteResponse;
  /** The backups in the data folder, newest first. */
  backupList(arg: void): BackupEntry[];
  /** One backup's text, by the name backupList gave. */
  backupRead(arg: { name: string }): BackupReadResponse;
  /** Electron: the HTML printed to PDF in a hidden, sandboxed window without JavaScript. The web host answers `unsupported`. */
  printToPdf(arg: PrintToPdfRequest): PrintToPdfResponse;
}

export type ApiMethod = keyof ArchiveApi;
export type ApiArg<M extends ApiMethod> = Parameters<ArchiveApi[M]>[0];
export type ApiValue<M extends ApiMethod> = ReturnType<ArchiveApi[M]>;

/** What the renderer calls: every method async, answering a Result. */
export type ApiClient = {
  [M in ApiMethod]: (arg: ApiArg<M>) => Promise<Result<ApiValue<M>>>;
};

/** Every method name, for hosts that register handlers by iterating. */
export const API_METHODS: readonly ApiMethod[] = [
  'appInfo',
  'list',
  'getDoc',
  'search',
  'findInDoc',
  'facets',
  'saveFile',
  'openExternal',
  'backupWrite',
  'backupList',
  'backupRead',
  'printToPdf',
] as const;

/** IPC channel for a method (Electron). */
export const ipcChannel = (method: ApiMethod): string => `archive:${method}`;

/** HTTP path for a method (browser host): POST JSON body, Result JSON answer. */
export const httpPath = (method: ApiMethod): string => `/api/${method}`;

/** The name the preload bridge exposes on `window`. */
export const BRIDGE_GLOBAL = 'archiveApi';
