/**
 * What a re-import changed, by document id and content hash: ids are made
 * from a file's path and title (archive/ingest/ids.ts), never from the order
 * files are read in, so the same source file keeps its id and its notes; the
 * text hash says whether its text changed.
 */
export interface DocHash {
  id: string;
  textHash: string;
}

export interface ReimportCounts {
  imported: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export function diffArchives(before: readonly DocHash[], after: readonly DocHash[]): ReimportCounts {
  const old = new Map(before.map((d) => [d.id, d.textHash]));
  const now = new Set<string>();
  const counts: ReimportCounts = { imported: 0, updated: 0, unchanged: 0, removed: 0 };
  for (const d of after) {
    now.add(d.id);
    const was = old.get(d.id);
    if (was === undefined) counts.imported++;
    else if (was === d.textHash) counts.unchanged++;
    else counts.updated++;
  }
  for (const id of old.keys()) if (!now.has(id)) counts.removed++;
  return counts;
}
