/**
 * The sync mirror: a PouchDB database in this browser profile that holds one
 * document per synced row and replicates with the person's CouchDB. Dexie stays
 * the app's store; the mirror only carries rows between the two. Rows go in
 * through the pump (pump.ts) and come out here, both through the mirror codec
 * (mirror-codec.ts: plain, or sealed with the passphrase's key).
 *
 *  - `applyChanges` takes the mirror's changes feed from a saved position and
 *    writes winning revisions into Dexie (marked, so they queue nothing). A row
 *    with a change of its own still in the outbox is left alone: the pump
 *    will write it on top. A received row that fails its schema is reported,
 *    never written, and so is one that cannot be decrypted. A document with conflicting revisions goes to the
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
import { plainCodec, type MirrorCodec, type OpenedDoc, type SyncDoc } from './mirror-codec';
import { resolveConflicts } from './resolver';
import { mergeIncoming, outboxEntry, sameContent, type SyncedTable } from './synced-tables';

export type { SyncDoc } from './mirror-codec';
export { pump, type PumpReport } from './pump';

/** A received document as a row: `deleted` rows are removed here. */
interface Incoming extends OpenedDoc {
  deleted: boolean;
  /** The mirror document's id (the sync id, or its HMAC when sealed). */
  docId: string;
}

const VALIDATE: Record<SyncedTable, (raw: unknown) => { ok: true } | { ok: false; message: string }> = {
  annotations: validateAnnotation,
  articleState: validateDocState,
  tags: validateTagDef,
  settings: validateSetting,
  tagRenames: validateTagRename,
};

const FEED_BATCH = 500;
const APPLIED_POSITION = '_local/archive-reader-applied';

export interface ApplyReport {
  applied: number;
  /** Documents that could not be written into the notes, each with its id and reason. */
  refused: string[];
  /** Notes whose versions could not be merged (both kept, the other under "Conflicting version"). */
  conflicts: number;
  /** Sync ids of rows deleted here and edited on another device: the edit won, the row is back. */
  restored: string[];
  /** Mirror ids of rows this batch created here (checked for a lost delete afterwards). */
  appliedNew: string[];
  /** Stored rows brought under a renamed tag's new name after renames arrived. */
  renamed: number;
}

/** Write the mirror's changes since the saved position into Dexie; saves the new position. */
export async function applyChanges(db: NotesDatabase, mirror: PouchDB.Database<SyncDoc>, codec: MirrorCodec = plainCodec): Promise<ApplyReport> {
  const report: ApplyReport = { applied: 0, refused: [], conflicts: 0, restored: [], appliedNew: [], renamed: 0 };
  const saved = await mirror.get<{ seq: string | number }>(APPLIED_POSITION).catch(() => null);
  let since: string | number = saved?.seq ?? 0;
  for (;;) {
    const feed = await mirror.changes({ since, include_docs: true, limit: FEED_BATCH, conflicts: true });
    if (feed.results.length === 0) return report;
    const rows: Incoming[] = [];
    for (const c of feed.results) {
      const doc = c.doc as (SyncDoc & { _conflicts?: string[] }) | undefined;
      if (!doc) continue;
      // A conflicted document is merged first; its merged revision comes back through this feed and is applied then.
      if (doc._conflicts?.length && !doc._deleted) {
        const r = await resolveConflicts(mirror, doc._id, codec);
        if (r.conflicted) report.conflicts++;
        if (r.resolved) continue;
      }
      try {
        const opened = await codec.open(doc);
        // Not a row (the encryption marker, a table this version does not know): it stays in the mirror for a newer app.
        if (opened) rows.push({ ...opened, deleted: doc._deleted === true, docId: doc._id });
      } catch (e) {
        report.refused.push(`${doc._id}: ${(e as Error).message}`);
      }
    }
    const renamesArrived = await applyBatch(db, rows, report);
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
async function applyBatch(db: NotesDatabase, docs: Incoming[], report: ApplyReport): Promise<boolean> {
  const tables = [...new Set(docs.map((d) => d.table))];
  if (tables.length === 0) return false;
  // Renames first, so the rows of the same batch already follow them.
  const ordered = [...docs].sort((a, b) => Number(b.table === 'tagRenames') - Number(a.table === 'tagRenames'));
  let renamesArrived = false;
  const scope = [...new Set([...tables, 'tags', 'tagRenames'])].map((t) => db.table(t));
  await db.transaction('rw', [...scope, db.outbox], async (tx) => {
    markFromSync(tx.idbtrans);
    const renames = await readRenames(db);
    for (const doc of ordered) {
      const { table, syncId } = doc;
      if (await db.outbox.get(syncId)) continue;
      const key = syncId.slice(table.length + 1);
      const primary = db.table(table).schema.primKey;
      const dexieKey = primary.compound ? JSON.parse(key) : key;
      const local = (await db.table(table).get(dexieKey)) as Record<string, unknown> | undefined;
      if (doc.deleted) {
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
        report.refused.push(`${syncId}: ${checked.message}`);
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
      if (!local) report.appliedNew.push(doc.docId);
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
