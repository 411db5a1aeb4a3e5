/**
 * The conflict policy of sync, as one pure function over two versions of a
 * row and their common ancestor (issue 16). It never deletes text:
 *  - text fields (a note): a three-way merge by lines against the ancestor
 *    (node-diff3); edits in different paragraphs merge cleanly. If the same
 *    lines changed on both sides, the winner's text is kept and the other
 *    version is appended under "Conflicting version (…)", which is also how
 *    the Notebook finds notes that need a look (CONFLICT_MARKER);
 *  - lists of names (tags): three-way against the ancestor, compared
 *    case-insensitively: a name added on either side is kept, a name taken
 *    off on either side stays off (deleting a tag on one device is not undone
 *    by an edit of the same highlight on another); without an ancestor, the
 *    union;
 *  - every other field (colour, star, …): the newer row's value (`modified`);
 *  - `modified`: the later of the two.
 * Generic over fields, so a field added to a row later merges by these rules.
 */
import { diff3Merge } from 'node-diff3';
import { tagKey } from '../schema/tag-names';

export const CONFLICT_MARKER = 'Conflicting version (';

/** Fields holding a person's text, merged by lines. */
const TEXT_FIELDS = new Set(['note']);

export interface MergeOutcome {
  row: Record<string, unknown>;
  /** True when some text could not be merged and the other version was appended. */
  conflicted: boolean;
}

export interface MergeSides {
  ancestor: Record<string, unknown> | null;
  winner: Record<string, unknown>;
  other: Record<string, unknown>;
  /** Words naming where the other version came from, e.g. "another device, 2026-11-30 21:04". */
  otherLabel: string;
}

export function mergeRows({ ancestor, winner, other, otherLabel }: MergeSides): MergeOutcome {
  const newerIsOther = String(other.modified ?? '') > String(winner.modified ?? '');
  const row: Record<string, unknown> = {};
  let conflicted = false;
  for (const key of new Set([...Object.keys(winner), ...Object.keys(other)])) {
    const w = winner[key];
    const o = other[key];
    const base = ancestor ? ancestor[key] : undefined;
    if (JSON.stringify(w) === JSON.stringify(o)) row[key] = w;
    else if (key === 'modified') row[key] = newerIsOther ? o : w;
    else if (TEXT_FIELDS.has(key) && typeof w === 'string' && typeof o === 'string') {
      const merged = mergeText(typeof base === 'string' ? base : null, w, o, otherLabel);
      row[key] = merged.text;
      conflicted ||= merged.conflicted;
    } else if (isNameList(w) && isNameList(o)) row[key] = mergeNames(isNameList(base) ? base : null, w, o);
    else row[key] = newerIsOther ? o : w;
  }
  return { row, conflicted };
}

function isNameList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** A name stays when both sides have it or one side added it (it is not in the ancestor); without one, every name stays. */
function mergeNames(base: string[] | null, a: string[], b: string[]): string[] {
  if (!base) return unionNames(a, b);
  const inBase = new Set(base.map(tagKey));
  const keyed = (names: string[]) => new Set(names.map(tagKey));
  const [inA, inB] = [keyed(a), keyed(b)];
  const kept = (names: string[], other: Set<string>) => names.filter((n) => other.has(tagKey(n)) || !inBase.has(tagKey(n)));
  return unionNames(kept(a, inB), kept(b, inA));
}

function unionNames(a: string[], b: string[]): string[] {
  const seen = new Set(a.map(tagKey));
  return [...a, ...b.filter((n) => !seen.has(tagKey(n)) && seen.add(tagKey(n)))];
}

/** A three-way merge of two texts by lines; unmergeable: the winner's text with the other appended. */
export function mergeText(ancestor: string | null, winner: string, other: string, otherLabel: string): { text: string; conflicted: boolean } {
  if (winner === other) return { text: winner, conflicted: false };
  if (ancestor !== null) {
    if (ancestor === winner) return { text: other, conflicted: false };
    if (ancestor === other) return { text: winner, conflicted: false };
    const regions = diff3Merge(winner.split('\n'), ancestor.split('\n'), other.split('\n'), { excludeFalseConflicts: true });
    if (regions.every((r) => !r.conflict)) return { text: regions.flatMap((r) => r.ok ?? []).join('\n'), conflicted: false };
  }
  // Already appended on an earlier merge (another device resolved the same pair): do not append twice.
  if (winner.includes(other)) return { text: winner, conflicted: true };
  return { text: `${winner}\n\n---\n\n**${CONFLICT_MARKER}${otherLabel})**\n\n${other}`, conflicted: true };
}
