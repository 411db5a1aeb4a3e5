/**
 * Entry of the benchmark's fresh child processes: one task per process, so
 * build memory, load time and resident memory are those of a process that did
 * nothing else. Reads a task spec (JSON file), writes the result (JSON file);
 * everything the engine prints goes to stderr, never into the result.
 *
 *   node --import tsx scripts/bench/child.ts <spec.json> <result.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runBrowserBench } from './browser-bench';
import { engineBuild, engineOpen } from './engine-tasks';
import { miniBuild, miniOpen } from './minisearch-tasks';
import type { BenchQuery, BoundedQuery, MiniSearchQuery } from './queries';

export type TaskSpec =
  | { task: 'engine-build'; src: string; out: string }
  | { task: 'engine-open'; dir: string; firstQuery: string; queries: BenchQuery[] | null; bounded: BoundedQuery[] | null }
  | { task: 'mini-build'; src: string; out: string }
  | { task: 'mini-open'; file: string; first: MiniSearchQuery; queries: BenchQuery[] | null; bounded: BoundedQuery[] | null }
  | { task: 'browser'; archiveDir: string; quick: boolean };

async function run(spec: TaskSpec): Promise<unknown> {
  switch (spec.task) {
    case 'engine-build':
      return engineBuild(spec.src, spec.out);
    case 'engine-open':
      return engineOpen(spec.dir, spec.firstQuery, spec.queries, spec.bounded);
    case 'mini-build':
      return miniBuild(spec.src, spec.out);
    case 'mini-open':
      return miniOpen(spec.file, spec.first, spec.queries, spec.bounded);
    case 'browser':
      return runBrowserBench({ archiveDir: spec.archiveDir, quick: spec.quick });
  }
}

const [specPath, resultPath] = process.argv.slice(2);
// Keep stdout for nothing: engines that log must not corrupt results.
console.log = (...args: unknown[]) => console.error(...args);
try {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as TaskSpec;
  const value = await run(spec);
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  writeFileSync(resultPath, JSON.stringify({ ok: true, value, maxRssBytes }));
  process.exit(0);
} catch (e) {
  const err = e as Error;
  writeFileSync(resultPath, JSON.stringify({ ok: false, error: String(err?.stack ?? err) }));
  process.exit(1);
}
