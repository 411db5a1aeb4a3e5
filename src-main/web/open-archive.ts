/**
 * Where the HTTP host finds its archive when not told: an archive folder, else the
 * bundled archive (built from resources/corpus by `npm run archive`).
 */
import { resolve } from 'node:path';
import { ensureBundledArchive, openArchive, rebuildBundledArchive, searchWorkerFor, type ResourceOptions } from '../archive/index';
import type { ArchiveService } from '../archive/types';

/** Open `dir` (an archive built by `cli ingest`), else the bundled archive; searches run in their own thread. */
export async function openArchiveAt(dir?: string, resources: ResourceOptions = {}): Promise<ArchiveService> {
  return openArchive(dir !== undefined ? resolve(dir) : await ensureBundledArchive(resources), { searchThread: searchWorkerFor(undefined) });
}

/** The bundled archive rebuilt from its pages (it could not be opened), then opened. */
export async function rebuildAndOpenBundled(resources: ResourceOptions = {}): Promise<ArchiveService> {
  return openArchive(await rebuildBundledArchive(resources), { searchThread: searchWorkerFor(undefined) });
}
