/**
 * Backup and restore UI and its database glue, ready to mount (see BackupPanel).
 */
export { BackupPanel, type BackupPanelProps } from './BackupPanel';
export type { AutoBackupInfo, AutoBackupSource } from './backup-host';
export {
  createBackupText,
  currentCounts,
  importAnnotations,
  previewRestore,
  readSnapshot,
  restoreBackup,
  restoreFromText,
  type BackupMade,
  type RestoreDone,
  type RestoreOptions,
} from '../../db/backup-db';
export { contractBackups, useHostBackups, autoBackupIfDue, writeHostBackup } from './host-backups';
