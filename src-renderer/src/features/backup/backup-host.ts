/**
 * What the backup panel needs from its host, as plain functions (props), so the
 * host engineer can plug in automatic backups from the app's data folder later
 * without touching the panel. Without `autoBackups` the list is simply hidden.
 */
import type { Result } from '../../../../src-main/shared/result';
import type { TableCounts } from '../../../../src-main/shared/notes/backup/backup-format';

export interface AutoBackupInfo {
  /** File name in the data folder (what `read` takes). */
  name: string;
  createdAt: string;
  counts?: TableCounts;
  /** Why it was made: 'auto', 'quit', 'manual', 'safety'. */
  reason?: string;
}

export interface AutoBackupSource {
  list(): Promise<Result<AutoBackupInfo[]>>;
  /** The backup file's text. */
  read(name: string): Promise<Result<string>>;
  /** Write a backup into the automatic-backups folder (used for the safety backup before a restore). */
  write?(text: string, createdAt: string): Promise<Result<{ name: string }>>;
}
