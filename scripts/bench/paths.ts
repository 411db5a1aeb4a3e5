/** Where the benchmark finds the repository and keeps its generated files. */
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** Default work directory: generated articles and built indexes (large at 50,000 articles). */
export function defaultWorkDir(): string {
  return join(tmpdir(), 'archive-reader-bench');
}
