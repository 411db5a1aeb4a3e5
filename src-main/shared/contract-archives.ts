/**
 * Part of the one contract (contract.ts re-exports it): what the archive list,
 * imports and sync answer. Kept apart because these shapes belong to the
 * host's own keeping (several archives, uploads, credentials), not to reading
 * one archive.
 */
import type * as v from 'valibot';
import type { importBeginArg } from './api-requests';

/** One archive the host knows (src-main/archives/registry.ts). */
export interface ArchiveListItem {
  id: string;
  name: string;
  /** The bundled archive: always there, cannot be renamed or removed. */
  bundled: boolean;
  open: boolean;
  /** 'missing' or 'damaged': its folder is gone or unreadable; `problem` says what to do. */
  status: 'ok' | 'missing' | 'damaged';
  problem: string | null;
  /** The folder it was imported from (a path, or the uploaded folder's name in a browser). */
  source: string | null;
  updatedAt: string | null;
}

export interface ArchivesResponse {
  archives: ArchiveListItem[];
  openId: string;
  /** One message about an archive that could not be opened (or a folder left in place on removal). */
  notice: string | null;
}

export type ImportBeginRequest = v.InferOutput<typeof importBeginArg>;

/** The limits the host puts on one import (the renderer checks them before sending anything). */
export interface ImportLimits {
  maxFileBytes: number;
  maxBatchBytes: number;
  maxTotalBytes: number;
  maxFiles: number;
}

export interface ImportBeginResponse {
  jobId: string;
  /** Where the files go in a browser: POST the batches here (src-main/archives/upload-batch.ts). */
  uploadPath: string;
  limits: ImportLimits;
}

/** The reader's report at the end of an import (counts by document id; re-imports compare content hashes). */
export interface ImportReport {
  archiveId: string;
  name: string;
  /** Imported into an archive that was there before. */
  reimport: boolean;
  files: number;
  articles: number;
  briefs: number;
  /** Documents new to this archive. */
  imported: number;
  /** Same id, changed text. */
  updated: number;
  /** Same id, same text (content hash). */
  unchanged: number;
  /** Ids the archive had whose files are gone. */
  removed: number;
  /** Sources merged into another article with the same text. */
  duplicatesMerged: number;
  skipped: { file: string; reason: string }[];
}

export type ImportState = 'receiving' | 'building' | 'done' | 'failed' | 'cancelled';

export interface ImportStatus {
  jobId: string;
  state: ImportState;
  /** What is happening, one sentence (the failure's message when failed). */
  message: string;
  /** The build's phase, counts and file being read (ingestFolder's progress). */
  phase: 'receive' | 'read' | 'segment' | 'write' | 'index' | 'done' | null;
  done: number | null;
  total: number | null;
  file: string | null;
  report: ImportReport | null;
}

/**
 * Sync settings as the renderer sees them. The renderer reaches the server
 * through the host (`/sync/db/...` on the web host), which adds the stored
 * credentials, so the password never enters page storage.
 */
export interface SyncSettings {
  /** The server's database, e.g. http://127.0.0.1:5984/notes; '' when not set. */
  serverUrl: string;
  user: string;
  hasPassword: boolean;
  /** Whether an end-to-end encryption passphrase is set (the passphrase itself: syncPassphrase). */
  hasPassphrase: boolean;
  enabled: boolean;
}

/** The end-to-end encryption passphrase, or null for none. */
export interface SyncPassphrase {
  passphrase: string | null;
}
