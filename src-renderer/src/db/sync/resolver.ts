/**
 * Resolves a mirror document that has conflicting revisions (the same row
 * changed on two devices before they saw each other's change): each losing
 * revision is merged into the winner against their common ancestor by the
 * one conflict policy (`mergeRows`, src-main/shared/notes/merge), the merge is
 * written on top of the winner and the losers are closed, in one bulk write.
 * Every device resolves the same pair the same way (CouchDB picks the same
 * winner everywhere and PouchDB's revision ids follow the content), so two
 * devices resolving at once agree instead of conflicting again (sealed
 * documents too: their IV follows the content, mirror-codec.ts). The merge
 * needs the text, so every revision is opened through the codec first and the
 * merge sealed again; a revision that cannot be opened leaves the document as
 * it is (reported by the feed, never merged as garbage).
 */
import { mergeRows } from '../../../../src-main/shared/notes/merge/row-merge';
import type { MirrorCodec, SyncDoc } from './mirror-codec';

type WithRevisions = SyncDoc & { _revisions?: { start: number; ids: string[] } };

function revList(doc: WithRevisions): string[] {
  const r = doc._revisions;
  return r ? r.ids.map((id, i) => `${r.start - i}-${id}`) : [doc._rev ?? ''];
}

/** Merge the conflicting revisions of `id` into its winner. Answers whether any text could not be merged. */
export async function resolveConflicts(mirror: PouchDB.Database<SyncDoc>, id: string, codec: MirrorCodec): Promise<{ resolved: boolean; conflicted: boolean }> {
  const current = await mirror.get(id, { conflicts: true, revs: true });
  const losers = current._conflicts ?? [];
  if (losers.length === 0) return { resolved: false, conflicted: false };
  const opened = await codec.open(current).catch(() => null);
  if (!opened) return { resolved: false, conflicted: false };
  let winner = current as WithRevisions;
  let row = opened.row;
  let conflicted = false;
  const leaves = await mirror.get(id, { open_revs: losers, revs: true });
  for (const leaf of leaves) {
    if (!('ok' in leaf)) continue;
    const other = leaf.ok as WithRevisions;
    if (other._deleted) continue;
    const otherRow = (await codec.open(other).catch(() => null))?.row;
    if (!otherRow) return { resolved: false, conflicted: false };
    const winnerRevs = new Set(revList(winner));
    const common = revList(other).find((r) => winnerRevs.has(r));
    const ancestorDoc = common ? await mirror.get(id, { rev: common }).catch(() => null) : null;
    const ancestor = ancestorDoc ? ((await codec.open(ancestorDoc).catch(() => null))?.row ?? null) : null;
    const when = typeof otherRow.modified === 'string' ? otherRow.modified.replace('T', ' ').slice(0, 16) : 'unknown time';
    const merged = mergeRows({ ancestor, winner: row, other: otherRow, otherLabel: `another device, ${when} UTC` });
    row = merged.row;
    conflicted ||= merged.conflicted;
    winner = { ...winner, row };
  }
  await mirror.bulkDocs([
    { _id: id, _rev: current._rev, ...(await codec.body(opened.syncId, opened.table, row)) },
    // Closed without a body: the same tombstone (and revision) on every device.
    ...losers.map((rev) => ({ _id: id, _rev: rev, _deleted: true })),
  ]);
  return { resolved: true, conflicted };
}
