/**
 * The sync engine's status line while notes arrive (real IndexedDB, real
 * PouchDB; a PouchDB in the same browser stands in for the server): an empty
 * profile receiving another device's notes has nothing of its own to send, so
 * "N pending" stays 0 all through the pull, and it ends "synced" with every
 * note. (The engine against the real host and server: tests/e2e/sync*.e2e.)
 */
import PouchDB from 'pouchdb-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../../src-main/shared/notes/annotation-model';
import { freshDb, newAnnotation } from '../test-helpers';
import { pump, type SyncDoc } from './mirror';
import { SyncEngine, type SyncStatus } from './sync-engine';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const NOTES = 1_500;

/** `count` notes of one device, spread over `docs` articles, all made at one moment. */
function notes(count: number, archiveId: string, docs: number): Annotation[] {
  const at = '2026-11-30T10:00:00.000Z';
  return Array.from({ length: count }, (_, i) => ({
    ...newAnnotation({ docId: `doc-${i % docs}` }),
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    archiveId,
    note: `note ${i}`,
    tags: [],
    created: at,
    modified: at,
  }));
}

describe('sync engine status', () => {
  it('a pull onto an empty profile never counts the arriving notes as pending', async () => {
    // Device A writes its notes to the "server".
    const a = await freshDb();
    cleanup.push(a.dispose);
    const rows = notes(NOTES, a.db.archiveId, 40);
    await a.db.transaction('rw', a.db.annotations, () => a.db.annotations.bulkPut(rows));
    const mirrorA = new PouchDB<SyncDoc>(`${a.name}-mirror`);
    cleanup.push(() => mirrorA.destroy());
    await pump(a.db, mirrorA);
    const serverName = `server-${a.name}`;
    const server = new PouchDB<SyncDoc>(serverName);
    // A new handle: the engine's own handle on this database closes the shared connection when it stops.
    cleanup.push(() => new PouchDB(serverName).destroy());
    await mirrorA.replicate.to(server);

    // Device B: empty, sync on.
    const b = await freshDb();
    cleanup.push(b.dispose);
    const seen: SyncStatus[] = [];
    const engine = new SyncEngine(b.db, { remoteUrl: serverName, onStatus: (s) => seen.push({ ...s }) });
    cleanup.push(async () => {
      // The engine closes its mirror; the test browser's profile is thrown away after the run.
      await engine.stop();
    });
    await engine.start();
    await vi.waitFor(async () => expect(await b.db.annotations.count()).toBe(NOTES), { timeout: 60_000, interval: 200 });
    await vi.waitFor(() => expect(engine.getStatus().state).toBe('synced'), { timeout: 30_000, interval: 100 });
    expect(engine.getStatus().pending).toBe(0);
    // Counted more than once on the way (the push side wakes during the pull), and never above 0.
    expect(seen.filter((s) => s.state === 'syncing' || s.state === 'synced').length).toBeGreaterThan(1);
    expect(Math.max(...seen.map((s) => s.pending))).toBe(0);
    expect(engine.getStatus().written).toBe(0);
  }, 120_000);
});

describe('sync engine pending count', () => {
  it('a count taken while a pulled batch is in the mirror but not yet reported by the pull is 0', async () => {
    // The pull writes a batch into the mirror, then reports it; a count in between used to read the
    // whole batch as this device's changes ("500 pending" on a profile with nothing to send).
    // The gap is held open here: every count the test takes happens inside it.
    const a = await freshDb();
    cleanup.push(a.dispose);
    const rows = notes(60, a.db.archiveId, 4);
    await a.db.annotations.bulkPut(rows);
    const mirrorA = new PouchDB<SyncDoc>(`${a.name}-mirror`);
    cleanup.push(() => mirrorA.destroy());
    await pump(a.db, mirrorA);
    const serverName = `server-${a.name}`;
    await mirrorA.replicate.to(new PouchDB<SyncDoc>(serverName));
    cleanup.push(() => new PouchDB(serverName).destroy());

    const b = await freshDb();
    cleanup.push(b.dispose);
    const engine = new SyncEngine(b.db, { remoteUrl: serverName });
    const countPending = () => (engine as unknown as { countPending(): Promise<number> }).countPending();
    const counts: number[] = [];
    // PouchDB makes bulkDocs per database: it is wrapped on the engine's mirror once made, before replication starts.
    const inner = engine as unknown as { replicate(): void; countPending(): Promise<number> };
    const replicate = inner.replicate;
    inner.replicate = function () {
      const mirror = engine.mirror as unknown as { bulkDocs: (...args: unknown[]) => Promise<unknown> };
      const original = mirror.bulkDocs;
      mirror.bulkDocs = async (...args: unknown[]) => {
        const result = await original.apply(mirror, args);
        // Replication writes with new_edits: false.
        if ((args[0] as { new_edits?: boolean }).new_edits === false) counts.push(await inner.countPending());
        return result;
      };
      replicate.call(engine);
    };
    cleanup.push(() => engine.stop());
    await engine.start();
    await vi.waitFor(async () => expect(await b.db.annotations.count()).toBe(60), { timeout: 60_000, interval: 100 });
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual(counts.map(() => 0));
  }, 120_000);
});
