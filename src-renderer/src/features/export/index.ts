/**
 * Export UI, ready to mount: the dialog (with scopes read from the notes
 * database), the dossier builder, and the helpers that save a file the host's
 * way and put a citation on the clipboard.
 */
export { ExportDialog, type ExportDialogProps, type ExportScope } from './ExportDialog';
export { DossierBuilder, type DossierBuilderProps } from './DossierBuilder';
export { exportScopes, type ScopeContext } from './export-scopes';
export { deliverFile, downloadInBrowser, fileSaver, type SaveExportFile } from './deliver-file';
export { loadCitedDocs } from './load-docs';
export { addExcerpts, addHeading, moveItem, removeItem, restoreDossierItems } from './dossier-order';
export { pdfPrinter, printPdfInBrowser, printPdfInElectron, type PrintPdf } from './print-pdf';
export { openExport, closeExport, useExportRequest, setNotebookIds, clearNotebookIds, useNotebookIds } from './export-request';
