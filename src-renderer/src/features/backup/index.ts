/**
 * Backup and restore UI, ready to mount (see BackupPanel); the database side is db/backup-db.ts.
 */
export { BackupPanel, type BackupPanelProps } from './BackupPanel';
export type { AutoBackupInfo, AutoBackupSource } from './backup-host';
export { contractBackups, useHostBackups, autoBackupIfDue, writeHostBackup } from './host-backups';
