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

/**
 * True when no automatic backup exists or the newest is at least a day old.
 * With `firstNoteAt` (when the person's earliest note was made; null when
 * there is none): never due without notes, and due at once while no
 * automatic backup was taken after that moment, so a first day's work is
 * backed up that day rather than a day after a backup of nothing.
 */
export function autoBackupDue(existing: readonly AutoBackupEntry[], now: Date, firstNoteAt?: string | null): boolean {
  if (firstNoteAt === null) return false;
  const times = existing.map((e) => Date.parse(e.createdAt)).filter((t) => !Number.isNaN(t));
  const newest = Math.max(-Infinity, ...times);
  if (firstNoteAt !== undefined && !times.some((t) => t >= Date.parse(firstNoteAt))) return true;
  return !Number.isFinite(newest) || now.getTime() - newest >= AUTO_BACKUP_MIN_INTERVAL_MS;
}

/** The entries to delete so that only the newest `keep` remain (newest first in the kept list). */
export function backupsToPrune(existing: readonly AutoBackupEntry[], keep = AUTO_BACKUPS_KEPT): AutoBackupEntry[] {
  const sorted = [...existing].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return sorted.slice(keep);
}
