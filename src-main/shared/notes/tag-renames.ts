/**
 * What a set of tag renames means for a tag name (pure; the rename records
 * are src-main/shared/notes/schema/tag-rename-row.ts, and the renderer's
 * db/tag-renames.ts applies them to stored rows).
 *
 * Why records rather than stable tag ids: every row, backup, export and the
 * W3C/CSV formats carry tag *names*, and two devices create the same tag
 * independently (typing "CSTO" on each), so an id would need its own
 * reconciliation. A rename record keeps names as the data and makes a rename
 * reach rows written anywhere, at any time, with the old name: each device
 * maps names through the records on every write it receives and on every tag
 * typed, so an old name is an alias of the new one.
 */
import type { TagRename } from './schema/tag-rename-row';
import { normalizeTags, tagKey } from './schema/tag-names';

/** Rename records by the old name's key. */
export type RenameMap = ReadonlyMap<string, TagRename>;

export function renameMap(rows: readonly TagRename[]): Map<string, TagRename> {
  return new Map(rows.map((r) => [r.key, r]));
}

/** The name a tag has now: the renames followed to the end (a loop, which two devices can make, stops where it closes). */
export function currentName(map: RenameMap, name: string): string {
  let now = name;
  const seen = new Set<string>();
  for (let step = map.get(tagKey(now)); step && !seen.has(step.key); step = map.get(tagKey(now))) {
    seen.add(step.key);
    now = step.to;
  }
  return now;
}

/** A tag list with every renamed tag under its current name (duplicates folded, first spelling kept). */
export function renamedTags(map: RenameMap, tags: readonly string[]): string[] {
  if (map.size === 0) return [...tags];
  return normalizeTags(tags.map((t) => currentName(map, t)));
}

/**
 * The records a rename (or a merge) of `from` into `to` writes: one per old
 * name whose key differs from the new one (a change of case needs none). The
 * new name is a tag again, so a record renaming *it* away (an earlier rename
 * the other way) is dropped, which keeps "rename back" from looping.
 */
export function renameRecords(from: readonly string[], to: string, modified: string): { put: TagRename[]; drop: string[] } {
  const put = from.filter((f) => tagKey(f) !== tagKey(to)).map((f) => ({ key: tagKey(f), from: f, to, modified }));
  return { put, drop: [tagKey(to)] };
}

/**
 * The same tag renamed on two devices: the synced record now says `incoming`
 * (the newer rename won), while this device had applied `local`. The name this
 * device gave becomes an alias of the winning one, so its rows follow.
 */
export function aliasFor(local: TagRename | undefined, incoming: TagRename): TagRename | null {
  if (!local || tagKey(local.to) === tagKey(incoming.to) || local.modified > incoming.modified) return null;
  return { key: tagKey(local.to), from: local.to, to: incoming.to, modified: incoming.modified };
}
