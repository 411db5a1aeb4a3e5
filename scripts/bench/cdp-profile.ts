/**
 * Where the page's time goes during one interaction: a V8 CPU profile taken
 * through the DevTools protocol (the same profile DevTools' Performance panel
 * records), reduced to self time per function and the totals of idle time,
 * garbage collection and the browser's own work ("(program)": layout, style,
 * paint bookkeeping outside JavaScript). The figures explain a missed target;
 * they are not targets themselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { Page } from 'playwright-core';
import { repoRoot } from './paths';

export interface ProfileEntry {
  fn: string;
  /** file:line of the function: its source file when the bundle's hidden source map says, else the bundle's file. */
  at: string;
  selfMs: number;
}

export interface ProfileSummary {
  wallMs: number;
  idleMs: number;
  gcMs: number;
  programMs: number;
  scriptMs: number;
  top: ProfileEntry[];
  /** Time with the function anywhere on the stack (the app's own functions: which component or step costs what). */
  inclusive: ProfileEntry[];
}

interface CpuProfile {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

type CallFrame = CpuProfile['nodes'][number]['callFrame'];

/**
 * The renderer is minified with hidden source maps beside its chunks
 * (electron.vite.config.ts): a frame of a chunk is named by its source's
 * file, line and (where the map has it) original name. Frames of other
 * scripts keep the bundle's position.
 */
function sourceNamer(dir = join(repoRoot(), 'out', 'renderer', 'assets')) {
  const maps = new Map<string, TraceMap | null>();
  const mapOf = (file: string) => {
    if (!maps.has(file)) {
      const path = join(dir, `${file}.map`);
      maps.set(file, existsSync(path) ? new TraceMap(readFileSync(path, 'utf8')) : null);
    }
    return maps.get(file) ?? null;
  };
  const named = new Map<string, { fn: string; at: string }>();
  return (f: CallFrame): { fn: string; at: string } => {
    const key = `${f.functionName}@${f.url}:${f.lineNumber}:${f.columnNumber}`;
    let v = named.get(key);
    if (!v) {
      const file = f.url ? f.url.replace(/^.*\//, '') : '';
      const map = file ? mapOf(file) : null;
      const o = map && f.lineNumber >= 0 && f.columnNumber >= 0 ? originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber }) : null;
      v = o?.source
        ? { fn: o.name ?? (f.functionName || '(anonymous)'), at: `${o.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '')}:${o.line}` }
        : { fn: f.functionName || '(anonymous)', at: file ? `${file}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '' };
      named.set(key, v);
    }
    return v;
  };
}

export function summarizeProfile(profile: CpuProfile, topN = 20): ProfileSummary {
  const nameOf = sourceNamer();
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, ProfileEntry>();
  const self = new Map<string, ProfileEntry>();
  let idle = 0;
  let gc = 0;
  let program = 0;
  let script = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = byId.get(profile.samples[i]);
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!frame) continue;
    const { fn: name, at } = nameOf(frame);
    if (name === '(idle)') idle += ms;
    else if (name === '(garbage collector)') gc += ms;
    else if (name === '(program)') program += ms;
    else script += ms;
    const key = `${name}@${at}`;
    const e = self.get(key) ?? { fn: name, at, selfMs: 0 };
    e.selfMs += ms;
    self.set(key, e);
    // Each named function of the page's own scripts on this sample's stack, once.
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id);
      if (!f || !f.url || !f.functionName || !/^https?:/.test(f.url)) continue;
      const k = `${f.functionName}@${f.url}:${f.lineNumber}:${f.columnNumber}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const ie = inclusive.get(k) ?? { ...nameOf(f), selfMs: 0 };
      ie.selfMs += ms;
      inclusive.set(k, ie);
    }
  }
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    wallMs: r((profile.endTime - profile.startTime) / 1000),
    idleMs: r(idle),
    gcMs: r(gc),
    programMs: r(program),
    scriptMs: r(script),
    top: [...self.values()]
      .filter((e) => !['(idle)', '(program)', '(root)'].includes(e.fn))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, topN)
      .map((e) => ({ ...e, selfMs: r(e.selfMs) })),
    inclusive: [...inclusive.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, 40)
      .map((e) => ({ ...e, selfMs: r(e.selfMs) })),
  };
}

/** Runs `during` with the page's CPU profiler on (sampling every 100 µs) and summarizes it. */
export async function profileDuring(page: Page, during: () => Promise<void>): Promise<ProfileSummary> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  try {
    await during();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    return summarizeProfile(profile);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
