/**
 * The archive core's public face: open an archive, find and (re)build the
 * bundled one, ingest a folder. Plain Node, no electron import: the Electron
 * main process, the HTTP host, the CLI and the tests all use this.
 *
 * Opening an archive loads only what listing needs; the search engine and the
 * ingester are imported when first used, so the library is shown sooner.
 */
import type { FolderReport, IngestOptions } from './ingest/ingest-folder';

export { openArchive, type OpenOptions } from './archive-service';
export { searchWorkerFor } from './search/search-thread';
export { bundledArchiveDir, bundledCorpusDir, resourcesDir, type ResourceOptions } from './paths';
export { ensureBundledArchive, ensureBundledArchiveStatus, archiveFreshness, rebuildBundledArchive, type BundledStatus } from './bundled';
export { BUILDER_VERSION } from './ingest/version';
export type { FolderReport, IngestOptions, IngestProgress } from './ingest/ingest-folder';
export { IngestCancelled } from './ingest/walk-folder';
export type { IngestReport, SkippedFile } from './store/layout';
export type { ArchiveInfo, ArchiveService } from './types';

/** Builds an archive from a folder tree of pages (see ingest/ingest-folder.ts); the ingester loads on first use. */
export async function ingestFolder(srcDir: string, outDir: string, opts?: IngestOptions): Promise<FolderReport> {
  const m = await import('./ingest/ingest-folder');
  return m.ingestFolder(srcDir, outDir, opts);
}
