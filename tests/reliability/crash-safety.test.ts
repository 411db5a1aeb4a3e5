/**
 * Crash safety (issue 7, "nothing lost"): a real Chromium with a persistent
 * profile makes annotation writes through the app's real storage module
 * (the harness page, tests/reliability/harness/, served by the real web host on
 * the app's origin) and is killed with SIGKILL, whole process group, at random
 * moments. After each restart the database must open at the current schema
 * version, and every write the page reported as saved (reported only once its
 * transaction resolved) must be there with exactly the content the test planned
 * for it (crash-plan.ts). A write that was under way at the kill may be there or
 * not, but nothing else.
 *
 *   npm test:           CRASH_WRITES=200,  CRASH_KILLS=3  (quick)
 *   npm run test:soak:  CRASH_WRITES=1000, CRASH_KILLS=20 (the promise)
 *   CRASH_SEED=n replays a run (the op plan and the kill points follow the seed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src-main/shared/notes/annotation-model';
import { DB_NAME } from '../../src-main/shared/origin';
import type { WebHost } from '../../src-main/web/server';
import { startChromium, stopAllChromium, type OwnedChromium } from './chromium-process';
import { crashOp, type CrashOp } from './crash-plan';
import { buildHarnessSite, startSiteHost, type HarnessSite } from './harness-site';
import { makeRng } from './rng';

const SOAK = process.env.SOAK === '1';
const WRITES = Number(process.env.CRASH_WRITES ?? (SOAK ? 1000 : 200));
const KILLS = Number(process.env.CRASH_KILLS ?? (SOAK ? 20 : 3));
const SEED = Number(process.env.CRASH_SEED ?? 20261123);

interface Verified {
  name: string;
  version: number;
  expectedVersion: number;
  annotations: Annotation[];
  invalid: string[];
  tags: string[];
}

interface HarnessWindow {
  document: { body: { dataset: Record<string, string | undefined> } };
  __harness: {
    crash: {
      run(seed: number, start: number, end: number, ids: Record<number, string>): Promise<number>;
      verify(): Promise<Verified>;
    };
  };
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );
const sameTags = (a: string[], b: string[]) => canonical([...a].sort()) === canonical([...b].sort());

/** Does a stored row hold what op `op` (create or update) writes? */
function holdsOp(row: Annotation, op: CrashOp): boolean {
  if (row.note !== op.note || row.color !== op.color || !sameTags(row.tags, op.tags)) return false;
  return op.kind === 'update' || (row.docId === op.docId && row.quote.exact === op.exact && row.position.start === op.start);
}

let site: HarnessSite;
let host: WebHost;
let dataDir: string;
let profile: string;

beforeAll(async () => {
  site = await buildHarnessSite({ needApp: false });
  dataDir = mkdtempSync(join(tmpdir(), 'crash-data-'));
  profile = mkdtempSync(join(tmpdir(), 'crash-profile-'));
  host = await startSiteHost(site, { dataDir });
});

afterAll(async () => {
  await stopAllChromium();
  await host?.close();
  site?.cleanup();
  for (const d of [dataDir, profile]) if (d) rmSync(d, { recursive: true, force: true });
});

describe(`crash safety: ${WRITES} annotation writes, Chromium SIGKILLed ${KILLS} times`, () => {
  it('after every restart the database opens and every write reported saved is there, intact', async () => {
    const t0 = Date.now();
    const rand = makeRng(SEED ^ 0x5eed);
    const ids: Record<number, string> = {};
    const expected = new Map<string, Annotation>();
    const problems: string[] = [];
    let next = 0; // the next op index to run
    let reportedSaved = 0;
    let kills = 0;
    let restarts = 0;
    let checks = 0;
    let inFlightFound = 0; // writes under way at a kill that turned out saved
    let lastCheckFound = 0;
    let pending: { i: number; target: string | null } | null = null;
    let killsMidWrite = 0; // kills that landed while a write was under way (started, not yet reported)

    const check = (v: Verified, when: string) => {
      checks++;
      if (v.name !== DB_NAME) problems.push(`${when}: database "${v.name}", expected "${DB_NAME}"`);
      if (v.version !== v.expectedVersion) problems.push(`${when}: schema version ${v.version}, expected ${v.expectedVersion}`);
      for (const r of v.invalid) problems.push(`${when}: unreadable row: ${r}`);
      const byId = new Map(v.annotations.map((a) => [a.id, a]));
      for (const [id, want] of expected) {
        const got = byId.get(id);
        if (!got) {
          problems.push(`${when}: LOST ${id} (reported saved)`);
          continue;
        }
        if (canonical(got) === canonical(want)) continue;
        // The update under way at the kill may have landed: then the row holds exactly that op.
        if (pending && pending.target === id && holdsOp(got, crashOp(SEED, pending.i))) {
          expected.set(id, got);
          inFlightFound++;
          continue;
        }
        problems.push(`${when}: CHANGED ${id}: ${canonical(got).slice(0, 300)} != ${canonical(want).slice(0, 300)}`);
      }
      const extras = v.annotations.filter((a) => !expected.has(a.id));
      for (const a of extras) {
        // Only a create under way at some kill may leave a row the test was never told about.
        expected.set(a.id, a);
        inFlightFound++;
      }
      if (inFlightFound > kills) problems.push(`${when}: ${inFlightFound} rows from writes under way at a kill, but only ${kills} kills`);
      const tagKeys = new Set(v.tags.map((t) => t.toLowerCase()));
      for (const a of v.annotations) for (const t of a.tags) if (!tagKeys.has(t.toLowerCase())) problems.push(`${when}: tag "${t}" of ${a.id} has no tag row`);
      lastCheckFound = [...expected.keys()].filter((id) => byId.has(id)).length;
    };

    for (let session = 0; ; session++) {
      const chrome: OwnedChromium = await startChromium(profile);
      if (session > 0) restarts++;
      const page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
      let sessionSaved = 0;
      let killAfter = Infinity;
      let killing: Promise<void> | null = null;
      await page.exposeFunction('__crashReport', (json: string) => {
        const m = JSON.parse(json) as { phase: string; i: number; target?: string | null; row?: Annotation; message?: string };
        if (m.phase === 'start') pending = { i: m.i, target: m.target ?? null };
        else if (m.phase === 'error') problems.push(`write ${m.i} refused: ${m.message}`);
        else if (m.phase === 'saved' && m.row) {
          const op = crashOp(SEED, m.i);
          if (!holdsOp(m.row, op)) problems.push(`write ${m.i}: the store answered a row that is not what was written`);
          if (op.kind === 'create') ids[m.i] = m.row.id;
          expected.set(m.row.id, m.row);
          pending = null;
          reportedSaved++;
          next = m.i + 1;
          if (++sessionSaved >= killAfter && !killing) {
            kills++;
            // Land somewhere in the next write(s): 0-25 ms after this one was reported.
            killing = new Promise((r) => setTimeout(r, Math.floor(rand() * 25))).then(() => {
              if (pending) killsMidWrite++;
              return chrome.kill();
            });
          }
        }
      });
      await page.goto(`${host.url}harness/`);
      await page.waitForFunction(() => (globalThis as unknown as HarnessWindow).document.body.dataset.ready === 'yes');
      check(await page.evaluate(() => (globalThis as unknown as HarnessWindow).__harness.crash.verify()), session === 0 ? 'first start' : `restart ${restarts}`);

      if (kills < KILLS) {
        const quota = Math.max(1, Math.ceil((WRITES - next) / (KILLS - kills)));
        killAfter = Math.max(1, Math.round(quota * (0.5 + rand())));
        // Enough ops to reach the kill point (the kill ends the run; `end` is a bound, not a goal).
        const end = next + killAfter + 100;
        pending = null;
        await page.evaluate(({ seed, start, end, ids }) => (globalThis as unknown as HarnessWindow).__harness.crash.run(seed, start, end, ids), { seed: SEED, start: next, end, ids }).catch(() => undefined);
        if (!killing) {
          // The run ended before the kill point (the last stretch): kill now, mid-idle.
          kills++;
          killing = chrome.kill();
        }
        await killing;
        continue;
      }
      // All kills done and verified: write what is left, close normally, and check once more.
      if (next < WRITES) {
        await page.evaluate(({ seed, start, end, ids }) => (globalThis as unknown as HarnessWindow).__harness.crash.run(seed, start, end, ids), { seed: SEED, start: next, end: WRITES, ids });
        await chrome.close();
        const again = await startChromium(profile);
        restarts++;
        const p2 = again.context.pages()[0] ?? (await again.context.newPage());
        await p2.goto(`${host.url}harness/`);
        await p2.waitForFunction(() => (globalThis as unknown as HarnessWindow).document.body.dataset.ready === 'yes');
        pending = null;
        check(await p2.evaluate(() => (globalThis as unknown as HarnessWindow).__harness.crash.verify()), 'after a normal close');
        await again.close();
      } else {
        await chrome.close();
      }
      break;
    }

    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    const lost = problems.filter((p) => p.includes('LOST')).length;
    console.log(
      `crash safety (seed ${SEED}): writes reported saved ${reportedSaved} (target ${WRITES}), ` +
        `rows checked present and intact at the last check ${lastCheckFound}/${expected.size}, lost ${lost}, other problems ${problems.length - lost}, ` +
        `writes under way at a kill found saved ${inFlightFound}, kills ${kills} (${killsMidWrite} mid-write), restarts ${restarts}, database checks ${checks}, time ${seconds} s`,
    );
    expect(problems).toEqual([]);
    expect(kills).toBe(KILLS);
    expect(reportedSaved).toBeGreaterThanOrEqual(WRITES);
    expect(checks).toBe(restarts + 1);
    expect(lastCheckFound).toBe(expected.size);

    // The checker itself notices loss: without the profile's IndexedDB folder, every row is reported missing.
    rmSync(join(profile, 'Default', 'IndexedDB'), { recursive: true, force: true });
    const wiped = await startChromium(profile);
    const page = wiped.context.pages()[0] ?? (await wiped.context.newPage());
    await page.goto(`${host.url}harness/`);
    await page.waitForFunction(() => (globalThis as unknown as HarnessWindow).document.body.dataset.ready === 'yes');
    const before = problems.length;
    check(await page.evaluate(() => (globalThis as unknown as HarnessWindow).__harness.crash.verify()), 'wiped profile');
    await wiped.close();
    expect(problems.slice(before).filter((p) => p.includes('LOST'))).toHaveLength(expected.size);
  }, (SOAK ? 1800 : 300) * 1000);
});
