/**
 * The pump: copies outbox rows (outbox-middleware.ts) into the sync mirror,
 * each on top of the document's current winning revision, skipping rows whose
 * content the mirror already has (so a sync with nothing changed writes
 * nothing). An outbox entry is removed only if it was not changed again while
 * it was being copied. Killed at any point, the next pump redoes what was not
 * confirmed, and one document id per row means no duplicates. Rows are
 * written through the mirror codec (mirror-codec.ts), so with a passphrase
 * they are sealed before they reach the mirror.
 *
 * A reading position is written at most every 30 s (issue 16): an article
 * state whose only change is where the person is reading waits in the outbox
 * until 30 s after the mirror's version was made, then goes with whatever
 * position is current. Scrolling through an article costs the server one
 * revision per half minute, not one per pause.
 */
import type { NotesDatabase } from '../database';
import { plainCodec, type MirrorCodec, type SyncDoc } from './mirror-codec';
import { sameContent, syncedFields, type OutboxEntry } from './synced-tables';

const PUMP_BATCH = 500;
/** The least time between two synced versions of an article state that differ only in reading position. */
export const POSITION_SYNC_MS = 30_000;
/** Fields a reading position moves; a change to any other field goes at once. */
const POSITION_FIELDS = new Set(['readingPosition', 'modified']);

export interface PumpReport {
  /** Documents written to the mirror. */
  written: number;
  /** `<id>@<rev>` of each document written (what this device has that the server may not). */
  writtenRevs: string[];
  /** Outbox entries settled (written or already there). */
  settled: number;
  /** Entries left in the outbox (a change from the server arrived while they were written). */
  left: number;
  /** Reading positions held back; the pump should run again at `wakeAt` (ms since the epoch). */
  deferred: number;
  wakeAt: number | null;
}

export interface PumpOptions {
  codec?: MirrorCodec;
  /** The clock (tests pass their own). */
  now?: number;
}

/** Copy the outbox into the mirror until it is empty (or only holds entries that keep failing or wait their turn). */
export async function pump(db: NotesDatabase, mirror: PouchDB.Database<SyncDoc>, options: PumpOptions = {}): Promise<PumpReport> {
  const report: PumpReport = { written: 0, writtenRevs: [], settled: 0, left: 0, deferred: 0, wakeAt: null };
  let after = '';
  for (;;) {
    const batch = await db.outbox.where('id').above(after).limit(PUMP_BATCH).toArray();
    if (batch.length === 0) return report;
    after = batch[batch.length - 1]!.id;
    const { done, deferred } = await pumpBatch(db, mirror, batch, report, options.codec ?? plainCodec, options.now ?? Date.now());
    await db.transaction('rw', db.outbox, async () => {
      for (const entry of done) {
        // Only if unchanged since it was read: a newer edit keeps its place in the outbox.
        if ((await db.outbox.get(entry.id))?.stamp === entry.stamp) await db.outbox.delete(entry.id);
      }
    });
    report.settled += done.length;
    report.deferred += deferred;
    report.left += batch.length - done.length - deferred;
  }
}

/** When a change that only moves the reading position may go, or null when it may go now. */
function positionWait(live: Record<string, unknown>, next: Record<string, unknown>, now: number): number | null {
  const keys = new Set([...Object.keys(live), ...Object.keys(next)]);
  for (const k of keys) if (!POSITION_FIELDS.has(k) && !sameContent(live[k], next[k])) return null;
  const since = Date.parse(String(live.modified ?? ''));
  if (!Number.isFinite(since)) return null;
  const at = since + POSITION_SYNC_MS;
  return at > now ? at : null;
}

/** Writes one batch; answers the entries settled and how many reading positions wait. */
async function pumpBatch(
  db: NotesDatabase,
  mirror: PouchDB.Database<SyncDoc>,
  batch: OutboxEntry[],
  report: PumpReport,
  codec: MirrorCodec,
  now: number,
): Promise<{ done: OutboxEntry[]; deferred: number }> {
  const rows = new Map<string, Record<string, unknown> | undefined>();
  for (const table of new Set(batch.map((e) => e.table))) {
    const entries = batch.filter((e) => e.table === table);
    const found = await db.table(table).bulkGet(entries.map((e) => e.key));
    entries.forEach((e, i) => rows.set(e.id, found[i] as Record<string, unknown> | undefined));
  }
  const docIds = await Promise.all(batch.map((e) => codec.docId(e.id)));
  const current = await mirror.allDocs({ keys: docIds, include_docs: true });
  const writes: SyncDoc[] = [];
  const settledWithoutWrite: OutboxEntry[] = [];
  const writeFor = new Map<string, OutboxEntry>();
  let deferred = 0;
  for (const [i, entry] of batch.entries()) {
    const have = current.rows[i] as { value?: { rev: string; deleted?: boolean }; doc?: SyncDoc | null } | undefined;
    const rev = have?.value?.rev;
    const liveDoc = have?.value && !have.value.deleted ? (have.doc ?? undefined) : undefined;
    // A document this device cannot read is written over, as a missing one would be (its revisions stay on the server).
    const live = liveDoc ? await codec.open(liveDoc).catch(() => null) : null;
    const row = rows.get(entry.id);
    const _id = docIds[i]!;
    writeFor.set(_id, entry);
    if (!row) {
      if (liveDoc) writes.push({ _id, _rev: rev, _deleted: true, ...(await codec.body(entry.id, entry.table, {})) });
      else settledWithoutWrite.push(entry);
      continue;
    }
    const fields = syncedFields(entry.table, row);
    if (live && sameContent(live.row, fields)) {
      settledWithoutWrite.push(entry);
      continue;
    }
    const wait = live && entry.table === 'articleState' ? positionWait(live.row, fields, now) : null;
    if (wait !== null) {
      deferred++;
      report.wakeAt = Math.min(report.wakeAt ?? wait, wait);
      continue;
    }
    writes.push({ _id, ...(rev ? { _rev: rev } : {}), ...(await codec.body(entry.id, entry.table, fields)) });
  }
  if (writes.length === 0) return { done: settledWithoutWrite, deferred };
  const results = await mirror.bulkDocs(writes);
  const written = results.filter((r): r is PouchDB.Core.Response => 'ok' in r && r.ok === true);
  report.written += written.length;
  for (const r of written) report.writtenRevs.push(`${r.id}@${r.rev}`);
  // A conflict (a change arrived from the server in between) stays in the outbox: the next pump writes on top of it.
  return { done: [...settledWithoutWrite, ...written.map((r) => writeFor.get(r.id)!)], deferred };
}
