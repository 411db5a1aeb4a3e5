/**
 * Backup drill (issue 7, "automatic backups exist and restore"): notes written
 * through the app's real storage module in one Chromium profile; the real app
 * (out/renderer, served by the real web host) opened on them makes its own
 * automatic backup into the host's data folder (app/auto-backups.ts ->
 * backupWrite with reason 'auto'); a second, empty profile restores the newest
 * automatic backup through the real restore code (the Backup panel's source:
 * contractBackups + restoreFromText, replace); the canonical hash of the
 * restored database (shared/notes/backup's snapshotHash) must equal the original's
 * and the backup file's.
 *
 *   npm test: 60 highlights; npm run test:soak: 2,000 (DRILL_NOTES=n to choose).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../src-main/shared/contract';
import type { WebHost } from '../../src-main/web/server';
import { parseBackup } from '../../src-main/shared/notes/backup/backup-parse';
import { snapshotHash } from '../../src-main/shared/notes/backup/restore-plan';
import { startChromium, stopAllChromium } from './chromium-process';
import { buildHarnessSite, startSiteHost, type HarnessSite } from './harness-site';

const SOAK = process.env.SOAK === '1';
const NOTES = Number(process.env.DRILL_NOTES ?? (SOAK ? 2000 : 60));
const SEED = 7_2026;
const VERSION = '0.1.0-drill';

interface Hashed {
  hash: string;
  counts: Record<string, number>;
  skipped: string[];
}
interface HarnessWindow {
  document: { body: { dataset: Record<string, string | undefined> } };
  __harness: {
    drill: {
      write(n: number, seed: number): Promise<void>;
      hash(): Promise<Hashed>;
      editOne(): Promise<void>;
      restoreLatestAutomatic(appVersion: string): Promise<{ name: string; reason: string; changes: unknown }>;
    };
  };
}

let site: HarnessSite;
let host: WebHost;
const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

async function api<T>(method: string, arg?: unknown): Promise<T> {
  const res = await fetch(`${host.url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(arg ?? null) });
  const r = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

beforeAll(async () => {
  site = await buildHarnessSite({ needApp: true });
  host = await startSiteHost(site, { dataDir: tmp('drill-data-') });
});

afterAll(async () => {
  await stopAllChromium();
  await host?.close();
  site?.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe(`backup drill: ${NOTES} highlights, automatic backup, restore into an empty profile`, () => {
  it('restores the newest automatic backup into a fresh profile with the same canonical hash', async () => {
    const t0 = Date.now();
    // 1. The person's notes, in their profile.
    const a = await startChromium(tmp('drill-profile-a-'));
    const pa = a.context.pages()[0] ?? (await a.context.newPage());
    await pa.goto(`${host.url}harness/`);
    await pa.waitForFunction(() => (globalThis as unknown as HarnessWindow).document.body.dataset.ready === 'yes');
    await pa.evaluate(({ n, seed }) => (globalThis as unknown as HarnessWindow).__harness.drill.write(n, seed), { n: NOTES, seed: SEED });
    const original = await pa.evaluate(() => (globalThis as unknown as HarnessWindow).__harness.drill.hash());
    expect(original.skipped).toEqual([]);
    expect(original.counts.annotations).toBeGreaterThan(NOTES / 2);
    expect(await api<BackupEntry[]>('backupList')).toEqual([]);

    // 2. The real app, opened on them, makes its automatic backup by itself (first check 5 s after start).
    const errors: string[] = [];
    pa.on('pageerror', (e) => errors.push(e.message));
    await pa.goto(host.url);
    let auto: BackupEntry | undefined;
    for (let waited = 0; !auto && waited < 60_000; waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      auto = (await api<BackupEntry[]>('backupList')).find((e) => e.reason === 'auto');
    }
    expect(auto, 'the app wrote no automatic backup within 60 s').toBeDefined();
    expect(auto!.counts).toEqual(original.counts);
    expect(readdirSync(host.backupsDir)).toContain(auto!.name);
    expect(errors).toEqual([]);
    const file = await api<{ text: string }>('backupRead', { name: auto!.name });
    const parsed = parseBackup(file.text);
    if (!parsed.ok) throw new Error(parsed.message);
    const fileHash = await snapshotHash(parsed.snapshot);
    await a.close();

    // 3. A fresh, empty profile (a new machine, a wiped disk) restores the newest automatic backup.
    const b = await startChromium(tmp('drill-profile-b-'));
    const pb = b.context.pages()[0] ?? (await b.context.newPage());
    await pb.goto(`${host.url}harness/`);
    await pb.waitForFunction(() => (globalThis as unknown as HarnessWindow).document.body.dataset.ready === 'yes');
    const empty = await pb.evaluate(() => (globalThis as unknown as HarnessWindow).__harness.drill.hash());
    expect(empty.counts).toEqual({ annotations: 0, docState: 0, tags: 0, settings: 0 });
    expect(empty.hash).not.toBe(original.hash);
    const restored = await pb.evaluate((v) => (globalThis as unknown as HarnessWindow).__harness.drill.restoreLatestAutomatic(v), VERSION);
    expect(restored.name).toBe(auto!.name);
    const after = await pb.evaluate(() => (globalThis as unknown as HarnessWindow).__harness.drill.hash());

    // The comparison can fail: one edited note changes the hash.
    await pb.evaluate(() => (globalThis as unknown as HarnessWindow).__harness.drill.editOne());
    const edited = await pb.evaluate(() => (globalThis as unknown as HarnessWindow).__harness.drill.hash());
    await b.close();

    console.log(
      `backup drill: ${original.counts.annotations} highlights, ${original.counts.docState} article states, ${original.counts.tags} tags, ` +
        `${original.counts.settings} settings; automatic backup ${auto!.name} written by the app; ` +
        `hash original ${original.hash.slice(0, 16)}, backup file ${fileHash.slice(0, 16)}, restored ${after.hash.slice(0, 16)}; ` +
        `time ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    expect(fileHash).toBe(original.hash);
    expect(after.counts).toEqual(original.counts);
    expect(after.hash).toBe(original.hash);
    expect(edited.hash).not.toBe(original.hash);
  }, (SOAK ? 900 : 180) * 1000);
});
