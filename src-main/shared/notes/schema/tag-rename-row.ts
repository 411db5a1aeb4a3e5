/**
 * One tag rename as sync carries it between devices: "the tag `from` is now
 * called `to`, since `modified`". Tags are keyed by name (tag rows, and the
 * names on every annotation and article), so a rename on one device must also
 * reach rows another device writes later with the old name; the record does
 * that on every device (src-renderer/src/db/tag-renames.ts). Keyed by the old
 * name's case-insensitive key, so renaming the same tag on two devices meets
 * in one sync document, where the newer rename wins (row-merge.ts) and the
 * other new name becomes an alias of it.
 */
import * as v from 'valibot';
import { checkRow, describe, timestamp, type RowResult } from './fields';
import { tagName } from './tag-list';
import { tagKey } from './tag-names';

export const tagRenameRow = v.pipe(
  v.strictObject({
    /** tagKey(from): the old name, compared without regard to case. */
    key: v.string((i) => `should be text, not ${describe(i.input)}`),
    from: tagName,
    to: tagName,
    /** When the rename was made: the newer of two renames of one tag wins. */
    modified: timestamp,
  }),
  v.check((r) => r.key === tagKey(r.from), 'key should be the old name in lower case'),
);

export type TagRename = v.InferOutput<typeof tagRenameRow>;

export function validateTagRename(raw: unknown): RowResult<TagRename> {
  return checkRow(tagRenameRow, raw);
}
