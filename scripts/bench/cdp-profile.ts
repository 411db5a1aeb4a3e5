/**
 * Where the page's time goes during one interaction: a V8 CPU profile taken
 * through the DevTools protocol (the same profile DevTools' Performance panel
 * records), reduced to self time per function and the totals of idle time,
 * garbage collection and the browser's own work ("(program)": layout, style,
 * paint bookkeeping outside JavaScript). The figures explain a missed target;
 * they are not targets themselves.
 */
import type { Page } from 'playwright-core';

export interface ProfileEntry {
  fn: string;
  /** file:line of the function, the bundle's file when the renderer is minified. */
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

export function summarizeProfile(profile: CpuProfile, topN = 20): ProfileSummary {
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
    const name = frame.functionName || '(anonymous)';
    if (name === '(idle)') idle += ms;
    else if (name === '(garbage collector)') gc += ms;
    else if (name === '(program)') program += ms;
    else script += ms;
    const file = frame.url ? frame.url.replace(/^.*\//, '') : '';
    const at = file ? `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : '';
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
      const ie = inclusive.get(k) ?? { fn: f.functionName, at: `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`, selfMs: 0 };
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
