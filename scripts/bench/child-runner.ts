/**
 * Starts one benchmark task in a fresh Node process and watches its memory.
 *
 * Peak memory is the larger of the child's own getrusage max RSS and the
 * parent's samples of /proc (every 50 ms) over the child and its descendants
 * (worker processes an engine may start), leaving out the esbuild service that
 * the TypeScript loader runs beside every child alike.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { TaskSpec } from './child';
import { repoRoot } from './paths';

export interface ChildResult<T> {
  value: T;
  /** Peak resident memory of the task's process tree. */
  peakRssBytes: number;
  wallMs: number;
}

export interface RunOptions {
  /** V8 old-space limit in MB: building big Lunr indexes needs more than Node's default. */
  heapMb: number;
  timeoutMs: number;
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** RSS of pid and its descendants in bytes (Linux /proc; 0 where unavailable). */
export function treeRss(pid: number): number {
  const comm = readProc(`/proc/${pid}/comm`)?.trim();
  if (comm === 'esbuild') return 0;
  const status = readProc(`/proc/${pid}/status`);
  const m = status?.match(/VmRSS:\s+(\d+)\s+kB/);
  let total = m ? Number(m[1]) * 1024 : 0;
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return total;
  }
  for (const tid of tasks) {
    const kids = readProc(`/proc/${pid}/task/${tid}/children`)?.trim();
    if (kids) for (const k of kids.split(/\s+/)) total += treeRss(Number(k));
  }
  return total;
}

export async function runChild<T>(spec: TaskSpec, opts: RunOptions): Promise<ChildResult<T>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-task-'));
  const specPath = join(dir, 'spec.json');
  const resultPath = join(dir, 'result.json');
  writeFileSync(specPath, JSON.stringify(spec));
  const root = repoRoot();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${opts.heapMb}`, '--import', 'tsx', join(root, 'scripts', 'bench', 'child.ts'), specPath, resultPath],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // The child's output is progress and engine logs: pass it on to our stderr.
  child.stdout.on('data', (d) => process.stderr.write(d));
  child.stderr.on('data', (d) => process.stderr.write(d));
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, 50);
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, sig) => resolve([c, sig])));
  clearInterval(sampler);
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  let parsed: { ok: boolean; value?: T; error?: string; maxRssBytes?: number } | null = null;
  try {
    parsed = JSON.parse(readFileSync(resultPath, 'utf8'));
  } catch {
    parsed = null;
  }
  rmSync(dir, { recursive: true, force: true });
  // Say how far it got: at 50,000 articles a build that runs out of memory is itself a figure.
  const how = `after ${Math.round(wallMs)} ms, peak RSS ${Math.round(peak / 1024 / 1024)} MB`;
  if (!parsed) throw new Error(`bench task ${spec.task} died (exit ${code ?? signal}) ${how} without a result (out of memory? see stderr)`);
  if (!parsed.ok) throw new Error(`bench task ${spec.task} failed ${how}: ${parsed.error}`);
  return { value: parsed.value as T, peakRssBytes: Math.max(peak, parsed.maxRssBytes ?? 0), wallMs };
}
