/**
 * Sizes on disk of a built archive. The archive core's layout is its own
 * business, so the index size is read from its file names (anything named
 * index, lunr or shard), with the whole folder and a per-file list beside it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DiskFigures {
  totalBytes: number;
  /** Files that look like the search index (null when none do). */
  indexBytes: number | null;
  files: Record<string, number>;
}

const INDEX_NAME = /index|lunr|shard/i;

export function diskFigures(dir: string): DiskFigures {
  const files: Record<string, number> = {};
  let totalBytes = 0;
  let indexBytes = 0;
  let anyIndex = false;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const size = statSync(p).size;
        const rel = relative(dir, p);
        totalBytes += size;
        if (INDEX_NAME.test(rel)) {
          indexBytes += size;
          anyIndex = true;
        }
        files[rel] = size;
      }
    }
  };
  walk(dir);
  // Folders of many shards would flood the report: keep the 20 largest files.
  const top = Object.entries(files).sort((a, b) => b[1] - a[1]).slice(0, 20);
  return { totalBytes, indexBytes: anyIndex ? indexBytes : null, files: Object.fromEntries(top) };
}
