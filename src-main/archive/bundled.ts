/**
 * The bundled archive: built from resources/corpus into resources/archive at
 * build time (npm run archive), rebuilt whenever the corpus content or the
 * ingestion rules differ from what the manifest records.
 */
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { bundledArchiveDir, bundledCorpusDir, type ResourceOptions } from './paths';
import { paths, readManifest } from './store/layout';
import { readFolder } from './ingest/read-folder';
import { BUILDER_VERSION } from './ingest/version';
import type { IngestOptions } from './ingest/ingest-folder';

export interface BundledStatus {
  dir: string;
  rebuilt: boolean;
  reason: string;
  corpusHash: string;
}

/** Is the archive in `archiveDir` built from the current content of `corpusDir`? */
export async function archiveFreshness(corpusDir: string, archiveDir: string): Promise<{ fresh: boolean; reason: string; corpusHash: string }> {
  const { contentHash } = await readFolder(corpusDir);
  const m = await readManifest(archiveDir);
  if (!m) return { fresh: false, reason: 'no archive built yet', corpusHash: contentHash };
  if (m.corpusHash !== contentHash) return { fresh: false, reason: 'corpus changed', corpusHash: contentHash };
  if (m.builder !== BUILDER_VERSION) return { fresh: false, reason: 'ingestion rules changed', corpusHash: contentHash };
  const p = paths(archiveDir);
  if (![p.list, p.docs, p.bodies, p.index].every((f) => existsSync(f))) return { fresh: false, reason: 'archive files missing', corpusHash: contentHash };
  return { fresh: true, reason: 'up to date', corpusHash: contentHash };
}

/** Builds the bundled archive when it is missing or stale; returns its folder. */
export async function ensureBundledArchive(opts: ResourceOptions & IngestOptions = {}): Promise<string> {
  return (await ensureBundledArchiveStatus(opts)).dir;
}

const inFlight = new Map<string, Promise<BundledStatus>>();

export async function ensureBundledArchiveStatus(opts: ResourceOptions & IngestOptions = {}): Promise<BundledStatus> {
  // One build per folder at a time within this process.
  const key = bundledArchiveDir(opts);
  const running = inFlight.get(key);
  if (running) return running;
  const p = ensureOnce(opts).finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}

async function ensureOnce(opts: ResourceOptions & IngestOptions): Promise<BundledStatus> {
  const corpus = bundledCorpusDir(opts);
  const dir = bundledArchiveDir(opts);
  if (!existsSync(corpus)) {
    // A packaged app may ship the built archive without the corpus: nothing to compare, use it.
    const m = await readManifest(dir);
    if (m) return { dir, rebuilt: false, reason: 'no corpus to compare; using the built archive', corpusHash: m.corpusHash };
    throw new Error(`Neither a corpus (${corpus}) nor a built archive (${dir}) was found`);
  }
  const f = await archiveFreshness(corpus, dir);
  if (f.fresh) return { dir, rebuilt: false, reason: f.reason, corpusHash: f.corpusHash };
  const { ingestFolder } = await import('./ingest/ingest-folder'); // loaded only when a build is needed
  await ingestFolder(corpus, dir, opts);
  return { dir, rebuilt: true, reason: f.reason, corpusHash: f.corpusHash };
}

/**
 * Rebuilds the bundled archive from its pages, for when it could not be opened (a file damaged or cut short):
 * the app offers this in place of the error. A build of ours is replaced as any rebuild replaces it; a folder
 * whose manifest is unreadable (so not provably ours) is set aside beside it, never deleted, and the new
 * archive is built in its place. Throws when this copy of the app has no pages to build from.
 */
export async function rebuildBundledArchive(opts: ResourceOptions & IngestOptions = {}): Promise<string> {
  const corpus = bundledCorpusDir(opts);
  const dir = bundledArchiveDir(opts);
  if (!existsSync(corpus)) throw new Error(`The archive cannot be rebuilt here: this copy of the app has no pages to build it from (${corpus}). Reinstall the app.`);
  if (existsSync(dir) && !(await readManifest(dir))) {
    await rename(dir, `${dir}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  }
  await inFlight.get(dir)?.catch(() => undefined); // a start-up build of the same folder finishes first
  const { ingestFolder } = await import('./ingest/ingest-folder');
  await ingestFolder(corpus, dir, opts);
  return dir;
}
