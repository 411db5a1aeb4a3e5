/**
 * Where the HTTP host finds its archive when not told: an archive folder, else the
 * bundled archive (built from resources/corpus by `npm run archive`).
 */
import { resolve } from 'node:path';
import { ensureBundledArchive, openArchive, rebuildBundledArchive, searchWorkerFor } from '../archive/index';
import type { ArchiveService } from '../archive/types';

/** Open `dir` (an archive built by `cli ingest`), else the bundled archive; searches run in their own thread. */
export async function openArchiveAt(dir?: string): Promise<ArchiveService> {
  return openArchive(dir !== undefined ? resolve(dir) : await ensureBundledArchive(), { searchThread: searchWorkerFor(undefined) });
}

/** The bundled archive rebuilt from its pages (it could not be opened), then opened. */
export async function rebuildAndOpenBundled(): Promise<ArchiveService> {
  return openArchive(await rebuildBundledArchive(), { searchThread: searchWorkerFor(undefined) });
}
