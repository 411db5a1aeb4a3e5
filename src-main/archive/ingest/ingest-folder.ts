/**
 * Builds an archive on disk from a folder tree of pages (.txt, .md, .html;
 * walk-folder.ts reads them): read, turn into
 * documents, write docs and bodies, build the search index, then write the
 * manifest last (an archive without a manifest is never opened). The build
 * goes to a temporary sibling folder and replaces the target at the end, so a
 * reader never sees half an archive.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildDocsFromPages, parsePage } from './build-docs';
import { BUILDER_VERSION } from './version';
import { walkFolderMapped, type FileWarning } from './walk-folder';
import type { DuplicateGroup } from './duplicates';
import { ARCHIVE_FORMAT, paths, readManifest, writeDocs, writeManifest, type IngestReport, type SkippedFile } from '../store/layout';
import { buildIndex, type EngineDoc } from '../search/engine';
import { docText, type Doc } from '../../shared/model';

export { BUILDER_VERSION };

export interface IngestProgress {
  phase: 'read' | 'segment' | 'write' | 'index' | 'done';
  message: string;
}

export interface IngestOptions {
  onProgress?: (p: IngestProgress) => void;
  /** Files larger than this are skipped as too large (walk-folder.ts's default otherwise). */
  maxFileBytes?: number;
}

/** The ingest report: what was read, merged and skipped, file by file. */
export interface FolderReport extends IngestReport {
  /** Sources merged into another article with the same (or nearly the same) text. */
  duplicates: DuplicateGroup[];
  /** Files read with something to know (encoding guessed, damaged bytes, no article found). */
  warnings: FileWarning[];
}

/** What the search engine indexes of a document. */
export function toEngineDoc(d: Doc): EngineDoc {
  return { id: d.id, title: d.title, body: docText(d), facets: [...d.facets.people, ...d.facets.places, ...d.facets.organizations].join(' ; ') };
}

export async function ingestFolder(srcDir: string, outDir: string, opts: IngestOptions = {}): Promise<FolderReport> {
  const t0 = performance.now();
  const progress = opts.onProgress ?? (() => undefined);
  const src = resolve(srcDir);
  const out = resolve(outDir);
  progress({ phase: 'read', message: `reading ${src}` });
  // Progress every 1,000 files (and at the end): enough to see it move, not a line per file.
  // Each page is parsed as soon as it is read: the folder's raw text is never all in memory.
  const folder = await walkFolderMapped(src, {
    maxFileBytes: opts.maxFileBytes,
    onFile: (done, total) => {
      if (done % 1000 === 0 || done === total) progress({ phase: 'read', message: `read ${done} of ${total} files` });
    },
  }, parsePage);
  const nothingToBuild = (skipped: SkippedFile[]) => {
    const why = skipped.length ? ` (skipped: ${skipped.map((s) => `${s.file}: ${s.reason}`).join('; ')})` : '';
    return new Error(`No readable pages (.txt, .md, .html) in ${src}${why}`);
  };
  if (folder.items.length === 0) throw nothingToBuild(folder.skipped);
  progress({ phase: 'segment', message: `segmenting ${folder.items.length} pages` });
  const built = buildDocsFromPages(folder.items);
  const skipped = [...folder.skipped, ...built.empty.map((file) => ({ file, reason: 'no article text found' }))];
  // Readable files with no article in them (only navigation, photo names...): an empty
  // archive must not replace the one in `out`.
  if (built.docs.length === 0) throw nothingToBuild(skipped);

  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}-${Date.now()}`);
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp, { recursive: true });
  try {
    progress({ phase: 'write', message: `writing ${built.docs.length} documents` });
    await writeDocs(tmp, built.docs);
    progress({ phase: 'index', message: `indexing ${built.docs.length} documents` });
    await buildIndex(built.docs.map(toEngineDoc), paths(tmp).index);
    const report: FolderReport = {
      sourceDir: src,
      outDir: out,
      files: folder.items.length,
      articles: built.articles,
      briefs: built.briefs,
      skipped,
      duplicates: built.duplicates,
      warnings: [...folder.warnings, ...built.warnings],
      corpusHash: folder.contentHash,
      tookMs: Math.round(performance.now() - t0),
    };
    await writeManifest(tmp, { format: ARCHIVE_FORMAT, builder: BUILDER_VERSION, builtAt: new Date().toISOString(), corpusHash: folder.contentHash, articles: built.articles, briefs: built.briefs, report });
    await replaceDir(tmp, out, folder.contentHash);
    const merged = built.duplicates.reduce((n, g) => n + g.merged.length, 0);
    progress({ phase: 'done', message: `${built.articles} articles, ${built.briefs} briefs; ${merged} duplicates merged, ${skipped.length} skipped` });
    return report;
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Moves the finished build into place. Another process may be building the
 * same archive at the same moment (e.g. the test runner and the web host both
 * find it stale): if it got there first with the same corpus, keep its build.
 */
async function replaceDir(tmp: string, out: string, corpusHash: string): Promise<void> {
  await fs.mkdir(dirname(out), { recursive: true });
  const old = `${out}.old-${process.pid}-${Date.now()}`;
  try {
    await fs.rename(out, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    await fs.rename(tmp, out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const theirs = await readManifest(out);
    if ((code === 'ENOTEMPTY' || code === 'EEXIST') && theirs?.corpusHash === corpusHash && theirs.builder === BUILDER_VERSION) {
      await fs.rm(tmp, { recursive: true, force: true });
    } else throw e;
  } finally {
    await fs.rm(old, { recursive: true, force: true });
  }
}
