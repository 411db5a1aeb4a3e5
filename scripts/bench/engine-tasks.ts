/**
 * This project's engine, driven only through the archive core's public
 * functions (src-main/archive/index.ts: ingestFolder, openArchive). Whatever
 * the inside becomes (sharding, workers, a compact index), these tasks measure
 * it unchanged, so each engine change shows up as new figures.
 *
 * Runs inside a fresh child process (see child.ts); nothing here is timed in
 * the parent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArchiveService } from '../../src-main/archive/types';
import type { BenchQuery, BoundedQuery } from './queries';
import { timeQueries, type BoundedResult, type LatencyResult } from './query-timing';
import { repoRoot } from './paths';

/** The part of the archive core's public surface the benchmark uses. */
interface EngineModule {
  openArchive(dir: string): Promise<ArchiveService>;
  ingestFolder(srcDir: string, outDir: string, opts?: { onProgress?: (p: unknown) => void }): Promise<unknown>;
}

/** The archive core's entry; BENCH_ENGINE_ENTRY may point at another module with the same exports (to compare an experiment). */
export function engineEntry(): string {
  return process.env.BENCH_ENGINE_ENTRY || join(repoRoot(), 'src-main', 'archive', 'index.ts');
}

export function engineAvailable(): boolean {
  return existsSync(engineEntry());
}

async function loadEngine(): Promise<EngineModule> {
  const mod = (await import(pathToFileURL(engineEntry()).href)) as Partial<EngineModule>;
  if (typeof mod.openArchive !== 'function' || typeof mod.ingestFolder !== 'function') {
    throw new Error('src-main/archive/index.ts does not export openArchive and ingestFolder');
  }
  return mod as EngineModule;
}

export async function engineBuild(src: string, out: string): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const engine = await loadEngine();
  let last = 0;
  let lastPhase: unknown;
  // Milliseconds spent in each phase the ingester reports (read, segment, write, index).
  const phasesMs: Record<string, number> = {};
  let phaseStart = performance.now();
  const result = await engine.ingestFolder(src, out, {
    onProgress: (p: unknown) => {
      const now = performance.now();
      const phase = (p as { phase?: unknown } | null)?.phase;
      if (phase !== lastPhase && typeof lastPhase === 'string') {
        phasesMs[lastPhase] = Math.round(now - phaseStart);
        phaseStart = now;
      }
      // Every phase change, and otherwise at most one line a second.
      if (phase !== lastPhase || now - last > 1000) {
        last = now;
        lastPhase = phase;
        process.stderr.write(`  engine build (${Math.round(now - t0)} ms): ${typeof p === 'object' ? JSON.stringify(p) : String(p)}\n`);
      }
    },
  });
  const buildMs = performance.now() - t0;
  return { buildMs, result: { ...(summarize(result) as object), phasesMs } };
}

/** Keeps counts and messages from ingestFolder's answer, not whole article lists. */
function summarize(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value ?? null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === null) out[k] = v;
    else if (Array.isArray(v)) out[k] = v.length;
  }
  return out;
}

export interface OpenFigures {
  /** Import + openArchive + the first page of the library listed. */
  openMs: number;
  /** Until searchReady resolved and a first search answered. */
  searchReadyMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  articles: number | null;
  firstQuery: string;
}

export async function engineOpen(
  dir: string,
  firstQuery: string,
  queries: BenchQuery[] | null,
  bounded: BoundedQuery[] | null,
): Promise<{ open: OpenFigures; latency: LatencyResult | null; bounded: BoundedResult[] | null }> {
  const t0 = performance.now();
  const engine = await loadEngine();
  const svc = await engine.openArchive(dir);
  const deadline = Date.now() + 600_000;
  while (svc.info().status === 'loading' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  const info = svc.info();
  if (info.status !== 'ready') throw new Error(`archive did not open: ${info.status} ${info.message ?? ''}`);
  svc.list({ limit: 50 });
  const openMs = performance.now() - t0;
  await svc.searchReady;
  await svc.search({ query: firstQuery, limit: 20 });
  const searchReadyMs = performance.now() - t0;
  const mem = process.memoryUsage();
  const open: OpenFigures = {
    openMs,
    searchReadyMs,
    rssBytes: mem.rss,
    heapUsedBytes: mem.heapUsed,
    articles: svc.info().articles,
    firstQuery,
  };
  const run = async (q: string) => {
    const res = await svc.search({ query: q, limit: 20 });
    return { total: res.total, note: res.notice ?? res.interpretedAs };
  };
  const timed = await timeQueries(run, queries?.map((q) => ({ kind: q.kind, text: q.lunr })) ?? null, bounded?.map((b) => ({ label: b.label, text: b.lunr })) ?? null);
  await svc.close();
  return { open, ...timed };
}
