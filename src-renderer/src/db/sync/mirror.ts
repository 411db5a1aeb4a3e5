/**
 * The sync mirror: a PouchDB database in this browser profile that holds one
 * document per synced row and replicates with the person's CouchDB. Dexie stays
 * the app's store; the mirror only carries rows between the two.
 *
 *  - `pump` copies outbox rows (outbox-middleware.ts) into the mirror, each on
 *    top of the document's current winning revision, skipping rows whose
 *    content the mirror already has (so a sync with nothing changed writes
 *    nothing). An outbox entry is removed only if it was not changed again
 *    while it was being copied. Killed at any point, the next pump redoes what
 *    was not confirmed, and a document id per row means no duplicates.
 *  - `applyChanges` takes the mirror's changes feed from a saved position and
 *    writes winning revisions into Dexie (marked, so they queue nothing). A row
 *    with a change of its own still in the outbox is left alone: the pump
 *    will write it on top. A received row that fails its schema is reported,
 *    never written. A document with conflicting revisions goes to the
 *    resolver (resolver.ts) first. Tag names go through the rename records
 *    (tag-renames.ts) on the way in: a row another device wrote with a
 *    renamed tag's old name is stored under the new one and queued, so the
 *    corrected row goes back out; a tag row under an old name is not stored
 *    (and its document is deleted). Renames that arrive are applied to every
 *    stored row after the batch.
 */
import type { NotesDatabase } from '../database';
import type { TagRename } from '../../../../src-main/shared/notes/annotation-model';
import { tagKey, validateAnnotation, validateDocState, validateSetting, validateTagDef, validateTagRename } from '../../../../src-main/shared/notes/schema';
import { aliasFor, currentName } from '../../../../src-main/shared/notes/tag-renames';
import { applyRenames, readRenames, renamedRow } from '../tag-renames';
import { markFromSync } from './outbox-middleware';
import { resolveConflicts } from './resolver';
import { isSyncedTable, mergeIncoming, outboxEntry, sameContent, syncedFields, type OutboxEntry, type SyncedTable } from './synced-tables';

/** One synced row in the mirror. */
export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  table: SyncedTable;
  row: Record<string, unknown>;
}

const VALIDATE: Record<SyncedTable, (raw: unknown) => { ok: true } | { ok: false; message: string }> = {
  annotations: validateAnnotation,
  articleState: validateDocState,
  tags: validateTagDef,
  settings: validateSetting,
  tagRenames: validateTagRename,
};

const PUMP_BATCH = 500;
const APPLIED_POSITION = '_local/archive-reader-applied';

export interface PumpReport {
  /** Documents written to the mirror. */
  written: number;
  /** Outbox entries settled (written or already there). */
  settled: number;
  /** Entries left in the outbox (a change from the server arrived while they were written). */
  left: number;
}

/** Copy the outbox into the mirror until it is empty (or only holds entries that keep failing). */
export async function pump(db: NotesDatabase, mirror: PouchDB.Database<SyncDoc>): Promise<PumpReport> {
  const report: PumpReport = { written: 0, settled: 0, left: 0 };
  let after = '';
  for (;;) {
    const batch = await db.outbox.where('id').above(after).limit(PUMP_BATCH).toArray();
    if (batch.length === 0) return report;
    after = batch[batch.length - 1]!.id;
    const done = await pumpBatch(db, mirror, batch, report);
    await db.transaction('rw', db.outbox, async () => {
      for (const entry of done) {
        // Only if unchanged since it was read: a newer edit keeps its place in the outbox.
        if ((await db.outbox.get(entry.id))?.stamp === entry.stamp) await db.outbox.delete(entry.id);
      }
    });
    report.settled += done.length;
    report.left += batch.length - done.length;
  }
}

async function pumpBatch(db: NotesDatabase, mirror: PouchDB.Database<SyncDoc>, batch: OutboxEntry[], report: PumpReport): Promise<OutboxEntry[]> {
  const rows = new Map<string, Record<string, unknown> | undefined>();
  for (const table of new Set(batch.map((e) => e.table))) {
    const entries = batch.filter((e) => e.table === table);
    const found = await db.table(table).bulkGet(entries.map((e) => e.key));
    entries.forEach((e, i) => rows.set(e.id, found[i] as Record<string, unknown> | undefined));
  }
  const current = await mirror.allDocs({ keys: batch.map((e) => e.id), include_docs: true });
  const writes: SyncDoc[] = [];
  const settledWithoutWrite: OutboxEntry[] = [];
  const writeFor = new Map<string, OutboxEntry>();
  batch.forEach((entry, i) => {
    const have = current.rows[i] as { value?: { rev: string; deleted?: boolean }; doc?: SyncDoc | null } | undefined;
    const rev = have?.value?.rev;
    const live = have?.value && !have.value.deleted ? have.doc ?? undefined : undefined;
    const row = rows.get(entry.id);
    if (!row) {
      if (live) writes.push({ _id: entry.id, _rev: rev, _deleted: true, table: entry.table, row: {} });
      else settledWithoutWrite.push(entry);
    } else {
      const fields = syncedFields(entry.table, row);
      if (live && sameContent(live.row, fields)) settledWithoutWrite.push(entry);
      else writes.push({ _id: entry.id, ...(rev ? { _rev: rev } : {}), table: entry.table, row: fields });
    }
  });
  for (const w of writes) writeFor.set(w._id, batch.find((e) => e.id === w._id)!);
  if (writes.length === 0) return settledWithoutWrite;
  const results = await mirror.bulkDocs(writes);
  const written = results.filter((r): r is PouchDB.Core.Response => 'ok' in r && r.ok === true);
  report.written += written.length;
  // A conflict (a change arrived from the server in between) stays in the outbox: the next pump writes on top of it.
  return [...settledWithoutWrite, ...written.map((r) => writeFor.get(r.id)!)];
}

export interface ApplyReport {
  applied: number;
  /** Documents that could not be written into the notes, each with its id and reason. */
  refused: string[];
  /** Notes whose versions could not be merged (both kept, the other under "Conflicting version"). */
  conflicts: number;
  /** Sync ids of rows deleted here and edited on another device: the edit won, the row is back. */
  restored: string[];
  /** Rows this batch created here (checked for a lost delete afterwards). */
  appliedNew: string[];
  /** Stored rows brought under a renamed tag's new name after renames arrived. */
  renamed: number;
}

/** Write the mirror's changes since the saved position into Dexie; saves the new position. */
export async function applyChanges(db: NotesDatabase, mirror: PouchDB.Database<SyncDoc>): Promise<ApplyReport> {
  const report: ApplyReport = { applied: 0, refused: [], conflicts: 0, restored: [], appliedNew: [], renamed: 0 };
  const saved = await mirror.get<{ seq: string | number }>(APPLIED_POSITION).catch(() => null);
  let since: string | number = saved?.seq ?? 0;
  for (;;) {
    const feed = await mirror.changes({ since, include_docs: true, limit: PUMP_BATCH, conflicts: true });
    if (feed.results.length === 0) return report;
    const docs: SyncDoc[] = [];
    for (const c of feed.results) {
      const doc = c.doc as (SyncDoc & { _conflicts?: string[] }) | undefined;
      if (!doc) continue;
      // A conflicted document is merged first; its merged revision comes back through this feed and is applied then.
      if (doc._conflicts?.length && !doc._deleted) {
        const r = await resolveConflicts(mirror, doc._id);
        if (r.conflicted) report.conflicts++;
        if (r.resolved) continue;
      }
      docs.push(doc);
    }
    const renamesArrived = await applyBatch(db, docs, report);
    if (renamesArrived) report.renamed += await applyRenames(db);
    // Deleted here, edited elsewhere: CouchDB lets the edit win; a deleted leaf beside it means this device's delete lost.
    for (const id of report.appliedNew.splice(0)) {
      const leaves = await mirror.get(id, { open_revs: 'all' }).catch(() => []);
      if (leaves.some((l) => 'ok' in l && l.ok._deleted)) report.restored.push(id);
    }
    since = feed.last_seq;
    const position = await mirror.get<{ seq: string | number }>(APPLIED_POSITION).catch(() => null);
    await mirror.put({ _id: APPLIED_POSITION, ...(position ? { _rev: position._rev } : {}), seq: since } as never);
  }
}

/** Answers whether rename records arrived (the caller then renames every stored row). */
async function applyBatch(db: NotesDatabase, docs: SyncDoc[], report: ApplyReport): Promise<boolean> {
  const tables = [...new Set(docs.map((d) => tableOf(d)).filter((t): t is SyncedTable => !!t))];
  if (tables.length === 0) return false;
  // Renames first, so the rows of the same batch already follow them.
  const ordered = [...docs].sort((a, b) => Number(tableOf(b) === 'tagRenames') - Number(tableOf(a) === 'tagRenames'));
  let renamesArrived = false;
  const scope = [...new Set([...tables, 'tags', 'tagRenames'])].map((t) => db.table(t));
  await db.transaction('rw', [...scope, db.outbox], async (tx) => {
    markFromSync(tx.idbtrans);
    const renames = await readRenames(db);
    for (const doc of ordered) {
      const table = tableOf(doc);
      if (!table) continue; // a table this version does not know: it stays in the mirror for a newer app
      if (await db.outbox.get(doc._id)) continue;
      const key = doc._id.slice(table.length + 1);
      const primary = db.table(table).schema.primKey;
      const dexieKey = primary.compound ? JSON.parse(key) : key;
      const local = (await db.table(table).get(dexieKey)) as Record<string, unknown> | undefined;
      if (doc._deleted) {
        if (local) {
          await db.table(table).delete(dexieKey);
          report.applied++;
          if (table === 'tagRenames') renames.delete(key);
        }
        continue;
      }
      let row = mergeIncoming(table, doc.row, local);
      const checked = VALIDATE[table](row);
      if (!checked.ok) {
        report.refused.push(`${doc._id}: ${checked.message}`);
        continue;
      }
      if (table === 'tagRenames') {
        const incoming = row as unknown as TagRename;
        renames.set(incoming.key, incoming);
        renamesArrived ||= !local || !sameContent(local, row);
        // The same tag renamed here too, to another name: that name becomes an alias of the winner's.
        const alias = aliasFor(local as TagRename | undefined, incoming);
        if (alias) await queueLocal(db, 'tagRenames', alias.key, alias, renames);
      } else if (table === 'tags') {
        const name = currentName(renames, String(row.name));
        if (tagKey(name) !== tagKey(String(row.name))) {
          // A tag row under an old name: the new name gets the row (if it has none), and the old document goes.
          if (!(await db.tags.get(name))) await queueLocal(db, 'tags', name, { ...row, name });
          if (local) await db.tags.delete(dexieKey);
          await db.outbox.put(outboxEntry('tags', dexieKey));
          continue;
        }
      } else {
        const renamed = renamedRow(renames, row);
        if (renamed) {
          row = renamed;
          // Written with an old tag name elsewhere: stored under the new one, and sent back corrected.
          await db.outbox.put(outboxEntry(table, dexieKey));
        }
      }
      if (local && sameContent(local, row)) continue;
      if (!local) report.appliedNew.push(doc._id);
      await db.table(table).put(row);
      report.applied++;
    }
  });
  return renamesArrived;
}

/** A row written here on sync's behalf (inside applyBatch's transaction): stored, and queued to be sent. */
async function queueLocal(db: NotesDatabase, table: SyncedTable, key: string, row: object, renames?: Map<string, TagRename>): Promise<void> {
  await db.table(table).put(row);
  await db.outbox.put(outboxEntry(table, key));
  if (renames) renames.set(key, row as TagRename);
}

function tableOf(doc: SyncDoc): SyncedTable | null {
  const name = doc._id.slice(0, doc._id.indexOf(':'));
  return isSyncedTable(name) ? name : null;
}
