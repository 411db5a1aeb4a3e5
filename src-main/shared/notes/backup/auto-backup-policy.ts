/**
 * When to take an automatic backup and which ones to keep: on quit and at most
 * once a day, the last 10 kept. Pure, so the host that writes the files (main
 * process or browser host) and the tests share one rule.
 */

export const AUTO_BACKUPS_KEPT = 10;
export const AUTO_BACKUP_MIN_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface AutoBackupEntry {
  /** File name (or id) of the backup. */
  name: string;
  createdAt: string;
}

/** True when no automatic backup exists or the newest is at least a day old. */
export function autoBackupDue(existing: readonly AutoBackupEntry[], now: Date): boolean {
  const newest = Math.max(-Infinity, ...existing.map((e) => Date.parse(e.createdAt)).filter((t) => !Number.isNaN(t)));
  return !Number.isFinite(newest) || now.getTime() - newest >= AUTO_BACKUP_MIN_INTERVAL_MS;
}

/** The entries to delete so that only the newest `keep` remain (newest first in the kept list). */
export function backupsToPrune(existing: readonly AutoBackupEntry[], keep = AUTO_BACKUPS_KEPT): AutoBackupEntry[] {
  const sorted = [...existing].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return sorted.slice(keep);
}
