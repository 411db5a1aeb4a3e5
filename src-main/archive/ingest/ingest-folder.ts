/**
 * Builds an archive on disk from a folder tree of pages (.txt, .md, .html;
 * walk-folder.ts reads them): read, turn into
 * documents, write docs and bodies, build the search index, then write the
 * manifest last (an archive without a manifest is never opened). The build
 * goes to a temporary sibling folder and replaces the target at the end, so a
 * reader never sees half an archive; what it may replace (only an empty folder
 * or an archive this program made, never the source) is store/safe-output.ts's rule.
 */
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDocsFromPages } from './build-docs';
import { readPages } from './read-pages';
import { REUSE_CACHE_FILE, type ReuseOptions } from './reuse-cache';
import { BUILDER_VERSION } from './version';
import { IngestCancelled, throwIfCancelled, type FileWarning } from './walk-folder';
import type { DuplicateGroup } from './duplicates';
import { ARCHIVE_FORMAT, paths, readManifest, writeDocs, writeManifest, type IngestReport, type SkippedFile } from '../store/layout';
import { checkArchiveTarget, describeIoError, makeBuildDir, OutputRefused, swapInFolder } from '../store/safe-output';
import { buildIndex, type EngineDoc } from '../search/engine';
import { TermDictionary, type AnalyzedField } from '../search/index-build';
import { docText, type Doc } from '../../shared/model';

export { BUILDER_VERSION, IngestCancelled };

export interface IngestProgress {
  phase: 'read' | 'segment' | 'write' | 'index' | 'done';
  message: string;
  /** Units of this phase done so far and in all (files while reading), when the phase counts them. */
  done?: number;
  total?: number;
  /** The file just read (relative to the folder), while reading. */
  file?: string;
}

export interface IngestOptions {
  onProgress?: (p: IngestProgress) => void;
  /** Files larger than this are skipped as too large (walk-folder.ts's default otherwise). */
  maxFileBytes?: number;
  /**
   * Cancels the build: it stops at the next file or phase, removes its temporary folder and rejects with
   * IngestCancelled; the target is never touched (the swap is the last step and is not interrupted).
   */
  signal?: AbortSignal;
  /**
   * Worker threads that read and prepare pages (read-pages.ts): 0 reads in this thread. Default: one per
   * core (at most 4) for folders of 200 files or more. The archive is the same either way.
   */
  threads?: number;
  /**
   * Keep this build's per-file work in the archive (reuse-cache.ts), and re-use that of the build in `from` for
   * files whose path and bytes are unchanged. The archive is the same, byte for byte, with or without it.
   */
  reuse?: ReuseOptions;
}

/** The ingest report: what was read, merged and skipped, file by file. */
export interface FolderReport extends IngestReport {
  /** Sources merged into another article with the same (or nearly the same) text. */
  duplicates: DuplicateGroup[];
  /** Files read with something to know (encoding guessed, damaged bytes, no article found). */
  warnings: FileWarning[];
  /** With `reuse`: files whose earlier prepared page was re-used (not part of the manifest). */
  reused?: number;
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
  // Refuse a bad --out before any work (and again just before the swap: it may change meanwhile).
  await checkArchiveTarget(out, [src], isOurArchive);
  progress({ phase: 'read', message: `reading ${src}` });
  // With re-use, the build's folder is made first: its cache is written there as pages arrive (reuse-cache.ts).
  const early = opts.reuse ? await makeBuildDir(out) : null;
  let read: Awaited<ReturnType<typeof readAndBuild>>;
  try {
    read = await readAndBuild(src, early, opts, progress);
  } catch (e) {
    if (early) await fs.rm(early, { recursive: true, force: true });
    throw e;
  }
  const { folder, built, dictionary, files, skipped } = read;
  const tmp = early ?? (await makeBuildDir(out));
  try {
    progress({ phase: 'write', message: `writing ${built.docs.length} documents` });
    // A packed document's body was encoded where it was read; each is let go once written.
    await writeDocs(tmp, built.docs, (i) => {
      const w = built.written[i];
      built.written[i] = undefined;
      return w;
    });
    // The bodies are on disk: a document whose title and body a worker analyzed needs only its facets to be indexed.
    built.docs.forEach((d, i) => {
      if (built.analyzed[i]) d.paragraphs = [];
    });
    throwIfCancelled(opts.signal);
    progress({ phase: 'index', message: `indexing ${built.docs.length} documents` });
    // Engine documents are made one at a time as they are indexed (an analyzed one's paragraphs were let go above:
    // its text is ''); titles and bodies analyzed in a worker are not analyzed again, and each is let go once indexed.
    const { docs, analyzed } = built;
    const fieldDone = (i: number, field: 'title' | 'body' | 'facets') => {
      const a = analyzed[i];
      if (field === 'body') analyzed[i] = undefined; // title, body, facets: asked in this order
      return field === 'facets' ? undefined : a?.[field];
    };
    await buildIndex({ ids: docs.map((d) => d.id), doc: (i) => toEngineDoc(docs[i]) }, paths(tmp).index, fieldDone, dictionary);
    throwIfCancelled(opts.signal);
    const report: FolderReport = {
      sourceDir: src,
      outDir: out,
      files,
      articles: built.articles,
      briefs: built.briefs,
      skipped,
      duplicates: built.duplicates,
      warnings: [...folder.warnings, ...built.warnings],
      corpusHash: folder.contentHash,
      tookMs: Math.round(performance.now() - t0),
    };
    await writeManifest(tmp, { format: ARCHIVE_FORMAT, builder: BUILDER_VERSION, builtAt: new Date().toISOString(), corpusHash: folder.contentHash, articles: built.articles, briefs: built.briefs, report });
    if (folder.reused !== undefined) report.reused = folder.reused;
    // Another process may be building the same archive at the same moment (the test runner and
    // the web host both find it stale): if it got there first with the same corpus, keep its build.
    await swapInFolder(tmp, out, [src], isOurArchive, async (dir) => {
      const theirs = await readManifest(dir);
      return theirs?.corpusHash === folder.contentHash && theirs.builder === BUILDER_VERSION;
    });
    const merged = built.duplicates.reduce((n, g) => n + g.merged.length, 0);
    progress({ phase: 'done', message: `${built.articles} articles, ${built.briefs} briefs; ${merged} duplicates merged, ${skipped.length} skipped` });
    return report;
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    if (e instanceof OutputRefused || !(e as NodeJS.ErrnoException).code) throw e;
    throw new OutputRefused(`Could not write the archive ${out}: ${describeIoError(e)}. ${out} was not changed.`, out);
  }
}

/** Reading and the cross-file steps: every page read and prepared, then made into documents. */
async function readAndBuild(src: string, buildDir: string | null, opts: IngestOptions, progress: (p: IngestProgress) => void) {
  // Each page is read and prepared (parsed; a one-article page made into its document) as soon as it is
  // read, in worker threads for a large folder: the folder's raw text is never all in memory.
  // Counts go out on every file for a progress bar (the callback is cheap).
  // Each page's terms are numbered for the index as it arrives, while the workers read on (index-build.ts).
  const dictionary = new TermDictionary();
  const folder = await readPages(src, {
    maxFileBytes: opts.maxFileBytes,
    signal: opts.signal,
    threads: opts.threads,
    reuse: opts.reuse && buildDir ? { ...opts.reuse, to: join(buildDir, REUSE_CACHE_FILE) } : undefined,
    // Re-used pages arrive here too (the cache holds pages from before this step), so a re-import numbers the same terms.
    onPage: (p) => (p.kind === 'article' && p.terms ? { ...p, terms: { title: numbered(p.terms.title, dictionary), body: numbered(p.terms.body, dictionary) } } : p),
    onFile: (done, total, file) => progress({ phase: 'read', message: `read ${done} of ${total} files`, done, total, file }),
  });
  throwIfCancelled(opts.signal);
  const nothingToBuild = (skipped: SkippedFile[]) => {
    const why = skipped.length ? ` (skipped: ${skipped.map((s) => `${s.file}: ${s.reason}`).join('; ')})` : '';
    return new Error(`No readable pages (.txt, .md, .html) in ${src}${why}`);
  };
  if (folder.items.length === 0) throw nothingToBuild(folder.skipped);
  progress({ phase: 'segment', message: `segmenting ${folder.items.length} pages` });
  const files = folder.items.length;
  const built = buildDocsFromPages(folder.items);
  // What only the cross-file steps needed (facet mentions, duplicate keys, scraped pages' paragraphs) goes now.
  folder.items.length = 0;
  throwIfCancelled(opts.signal);
  const skipped = [...folder.skipped, ...built.empty.map((file) => ({ file, reason: 'no article text found' }))];
  // Readable files with no article in them (only navigation, photo names...): an empty
  // archive must not replace the one in `out`.
  if (built.docs.length === 0) throw nothingToBuild(skipped);
  return { folder, built, dictionary, files, skipped };
}

const numbered = (f: AnalyzedField, dictionary: TermDictionary) => ('ids' in f ? f : dictionary.number(f));

/** An archive this program made: its manifest reads as ours. */
async function isOurArchive(dir: string): Promise<boolean> {
  const m = await readManifest(dir);
  return m !== null && typeof m.builder === 'string' && m.builder.startsWith('ingest-');
}
