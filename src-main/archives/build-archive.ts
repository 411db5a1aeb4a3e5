/**
 * One import's build, wherever it runs (the import worker thread, or in
 * process for tests and hosts without the worker): the archive there before
 * (if any) is read for its ids and content hashes, the folder is built with
 * ingestFolder (which writes to a temporary sibling and swaps it in last,
 * re-using the earlier build's per-file work for unchanged files), and the two
 * are compared for the report.
 */
import { ingestFolder, type FolderReport, type IngestProgress } from '../archive/index';
import { readManifest, readSummaries } from '../archive/store/layout';
import { diffArchives, type ReimportCounts } from './reimport-diff';

export interface BuildRequest {
  src: string;
  out: string;
  maxFileBytes?: number;
}

export interface BuildResult {
  report: Pick<FolderReport, 'files' | 'articles' | 'briefs' | 'skipped'> & { duplicatesMerged: number };
  counts: ReimportCounts;
  reimport: boolean;
}

export async function buildArchive(req: BuildRequest, onProgress: (p: IngestProgress) => void, signal: AbortSignal): Promise<BuildResult> {
  const before = (await readManifest(req.out)) ? await readSummaries(req.out).catch(() => []) : [];
  // The archive being replaced lends its per-file work to every file whose bytes are unchanged (reuse-cache.ts).
  const report = await ingestFolder(req.src, req.out, { onProgress, signal, maxFileBytes: req.maxFileBytes, reuse: { from: req.out } });
  const after = await readSummaries(req.out);
  return {
    report: {
      files: report.files,
      articles: report.articles,
      briefs: report.briefs,
      skipped: report.skipped,
      duplicatesMerged: report.duplicates.reduce((n, g) => n + g.merged.length, 0),
    },
    counts: diffArchives(before, after),
    reimport: before.length > 0,
  };
}
