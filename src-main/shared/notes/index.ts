/**
 * Pure export, import and backup-format code (no DOM, no Dexie, no Node):
 * shared by the renderer, the browser host and the Node CLI.
 */
export * from './types';
export * from './citation';
export { exportSync, exportAsync, FORMATS, formatInfo, exportFileName } from './formats';
export { exportMarkdown } from './markdown-export';
export { exportHtml } from './html-export';
export { exportW3c } from './w3c-export';
export { exportCsv, neutralizeFormula } from './csv-export';
export { exportCsl } from './csl-export';
export { dossierMarkdown, dossierHtml, type DossierItem, type DossierInput, type DossierResult } from './dossier';
export { importW3cText, importW3cValue, type W3cImportOptions, type W3cImportResult } from './w3c-import';
export { ExportCancelledError } from './run-export';
export { filterByTags, sortForExport, colorsFromSettings } from './export-selection';
export * from './backup/backup-format';
export { parseBackup, parseBackupValue, type BackupParseResult } from './backup/backup-parse';
export { planRestore, applyPlan, canonicalSnapshot, snapshotHash, type RestoreMode, type RestorePlan } from './backup/restore-plan';
export * from './backup/auto-backup-policy';
