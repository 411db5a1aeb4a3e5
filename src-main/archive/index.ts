/**
 * The archive core's public face: open an archive, find and (re)build the
 * bundled one, ingest a folder. Plain Node, no electron import: the Electron
 * main process, the HTTP host, the CLI and the tests all use this.
 */
export { openArchive } from './archive-service';
export { bundledArchiveDir, bundledCorpusDir, resourcesDir, type ResourceOptions } from './paths';
export { ensureBundledArchive, ensureBundledArchiveStatus, archiveFreshness, type BundledStatus } from './bundled';
export { ingestFolder, BUILDER_VERSION, type IngestOptions, type IngestProgress } from './ingest/ingest-folder';
export type { IngestReport, SkippedFile } from './store/layout';
export type { ArchiveInfo, ArchiveService } from './types';
