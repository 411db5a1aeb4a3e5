/**
 * Tag renames as stored rows (`tagRenames`, synced like every note row): read
 * the records, write them when a tag is renamed or merged here, and bring
 * every stored row up to date when records arrive from another device. What a
 * record means for a name is src-main/shared/notes/tag-renames.ts.
 *
 * The sweep writes like any local change (so the corrected rows are queued
 * and sent) but keeps each row's `modified`: a tag following its rename is
 * not an edit of the note, and must not win a "newest wins" field merge.
 */
import type { TagRename } from '../../../src-main/shared/notes/annotation-model';
import { renameMap, renamedTags, renameRecords, type RenameMap } from '../../../src-main/shared/notes/tag-renames';
import { restoreAll, tagKey, validateTagRename } from '../../../src-main/shared/notes/schema';
import type { NotesDatabase } from './database';

/** Every valid rename record (inside a transaction that includes db.tagRenames, or on its own). */
export async function readRenames(db: NotesDatabase): Promise<Map<string, TagRename>> {
  const { rows } = restoreAll(await db.tagRenames.toArray(), (raw) => {
    const r = validateTagRename(raw);
    return r.ok ? { ok: true, value: r.row } : { ok: false, reason: r.message };
  });
  return renameMap(rows);
}

/** Inside the rename's transaction: record that `from` is now `to`. */
export async function recordRename(db: NotesDatabase, from: readonly string[], to: string, modified: string): Promise<void> {
  const { put, drop } = renameRecords(from, to, modified);
  await db.tagRenames.bulkDelete(drop);
  await db.tagRenames.bulkPut(put);
}

/**
 * Every annotation, article state and tag row under the current names. Run
 * after rename records arrive; answers how many rows it changed. One
 * transaction, so a tag is never half renamed.
 */
export async function applyRenames(db: NotesDatabase): Promise<number> {
  return db.transaction('rw', [db.annotations, db.articleState, db.tags, db.tagRenames], async () => {
    const map = await readRenames(db);
    if (map.size === 0) return 0;
    let changed = 0;
    for (const table of [db.annotations, db.articleState] as const) {
      const rows = (await table.toArray()) as { tags?: unknown }[];
      for (const row of rows) {
        const next = renamedRow(map, row);
        if (!next) continue;
        await (table as typeof db.annotations).put(next as never);
        changed++;
      }
    }
    const tags = await db.tags.toArray();
    const names = new Set(tags.map((t) => tagKey(t.name)));
    for (const tag of tags) {
      const name = renamedTags(map, [tag.name])[0];
      if (!name || name === tag.name) continue;
      // The renamed tag keeps its colour unless the new name already has a row of its own.
      if (!names.has(tagKey(name))) await db.tags.put({ ...tag, name });
      names.add(tagKey(name));
      await db.tags.delete(tag.name);
      changed++;
    }
    return changed;
  });
}

/** A row with its tags under their current names, or null when nothing changes. */
export function renamedRow<T extends { tags?: unknown }>(map: RenameMap, row: T): T | null {
  if (!Array.isArray(row.tags) || map.size === 0) return null;
  const tags = row.tags as string[];
  const next = renamedTags(map, tags);
  if (next.length === tags.length && next.every((t, i) => t === tags[i])) return null;
  return { ...row, tags: next };
}
