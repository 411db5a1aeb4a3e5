/**
 * Tags: their rows (name, colour) and the operations that touch every use of
 * a tag at once (rename, merge, delete). Those run as one transaction over
 * tags, annotations and article states, so a tag is never half renamed. Tags are
 * the person's, shared by every archive: a rename, merge or delete reaches the
 * tag's uses in every archive, and usage counts count them all. Tags compare
 * case-insensitively; the spelling of the tag row is the one shown and stored.
 * Deleting a tag removes it from annotations and articles and never deletes
 * an annotation. A rename or merge also leaves a rename record
 * (tag-renames.ts), which sync carries, so rows another device writes later
 * with the old name follow too; a name typed here goes through the records
 * as well, so an old name is an alias of the new one.
 */
import type { TagDef } from '../../../src-main/shared/notes/annotation-model';
import type { Result } from '../../../src-main/shared/result';
import type { NotesDatabase } from './database';
import {
  DEFAULT_TAG_COLOR,
  tagColorFor,
  normalizeCssColor,
  normalizeTagName,
  normalizeTags,
  restoreAll,
  restoreAnnotation,
  restoreDocState,
  restoreTagDef,
  tagKey,
} from '../../../src-main/shared/notes/schema';
import { currentName } from '../../../src-main/shared/notes/tag-renames';
import { readRenames, recordRename } from './tag-renames';
import { err, guardedWrite, ok } from './write-status';

export interface TagUsage {
  name: string;
  color: string;
  annotations: number;
  articles: number;
}

/**
 * Inside a transaction over db.tags and db.tagRenames: create rows for tags
 * not yet known and answer the names in their canonical spelling (an existing
 * "CSTO" wins over a newly typed "csto"; a renamed tag's old name gives the
 * new one).
 */
export async function ensureTagRows(db: NotesDatabase, names: string[]): Promise<string[]> {
  if (normalizeTags(names).length === 0) return [];
  const renames = await readRenames(db);
  const wanted = normalizeTags(normalizeTags(names).map((n) => currentName(renames, n)));
  const byKey = new Map<string, string>();
  await db.tags.each((row) => {
    byKey.set(tagKey(row.name), row.name);
  });
  const created = new Date().toISOString();
  const out: string[] = [];
  for (const name of wanted) {
    const existing = byKey.get(tagKey(name));
    if (existing) {
      out.push(existing);
      continue;
    }
    await db.tags.put({ name, color: tagColorFor(name), created });
    byKey.set(tagKey(name), name);
    out.push(name);
  }
  return normalizeTags(out);
}

export async function readTags(db: NotesDatabase): Promise<TagDef[]> {
  const { rows } = restoreAll(await db.tags.toArray(), (r) => restoreTagDef(r));
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

/** Every tag with how many annotations and articles carry it (tags in use but lacking a row included). */
export async function readTagUsage(db: NotesDatabase): Promise<TagUsage[]> {
  const usage = new Map<string, TagUsage>();
  const entry = (name: string, color = DEFAULT_TAG_COLOR): TagUsage => {
    const key = tagKey(name);
    let u = usage.get(key);
    if (!u) usage.set(key, (u = { name, color, annotations: 0, articles: 0 }));
    return u;
  };
  for (const t of await readTags(db)) entry(t.name, t.color);
  await db.annotations.each((raw) => {
    const r = restoreAnnotation(raw);
    if (r.ok) for (const t of r.value.tags) entry(t).annotations++;
  });
  await db.articleState.each((raw) => {
    const r = restoreDocState(raw);
    if (r.ok) for (const t of r.value.tags) entry(t).articles++;
  });
  return [...usage.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

/**
 * Replace tags whose key is in `from` with `to`, everywhere, in one
 * transaction. The tag rows of `from` go; `to` keeps its row, or gets one
 * (with `inheritColor`), or takes the spelling of an existing tag with its key.
 */
async function replaceTags(
  db: NotesDatabase,
  from: string[],
  to: string | null,
  inheritColor?: string,
): Promise<Result<{ annotations: number; articles: number }>> {
  const fromKeys = new Set(from.map(tagKey));
  return guardedWrite(() =>
    db.transaction('rw', [db.tags, db.annotations, db.articleState, db.tagRenames], async () => {
      const rows = await db.tags.toArray();
      let target: string | null = null;
      if (to) {
        const exact = rows.find((r) => r.name === to);
        const sameKey = rows.find((r) => tagKey(r.name) === tagKey(to) && !fromKeys.has(tagKey(r.name)));
        target = exact?.name ?? sameKey?.name ?? to;
        if (!exact && !sameKey) {
          await db.tags.put({ name: to, color: inheritColor ?? tagColorFor(to), created: new Date().toISOString() });
        }
      }
      const now = new Date().toISOString();
      const swap = (tags: string[]): string[] | null => {
        if (!tags.some((t) => fromKeys.has(tagKey(t)))) return null;
        const kept = tags.filter((t) => !fromKeys.has(tagKey(t)));
        return normalizeTags(target ? [...kept, target] : kept);
      };
      let annotations = 0;
      let articles = 0;
      for (const raw of await db.annotations.toArray()) {
        const r = restoreAnnotation(raw);
        const next = r.ok ? swap(r.value.tags) : null;
        if (!r.ok || !next) continue;
        await db.annotations.put({ ...r.value, tags: next, modified: now });
        annotations++;
      }
      for (const raw of await db.articleState.toArray()) {
        const r = restoreDocState(raw);
        const next = r.ok ? swap(r.value.tags) : null;
        if (!r.ok || !next) continue;
        await db.articleState.put({ ...r.value, tags: next, modified: now });
        articles++;
      }
      for (const row of rows) {
        if (fromKeys.has(tagKey(row.name)) && row.name !== target) await db.tags.delete(row.name);
      }
      if (target) await recordRename(db, from, target, now);
      return ok({ annotations, articles });
    }),
  );
}

/**
 * Rename a tag everywhere (a change of case included). Renaming to a name
 * another tag already has is a merge, which the UI must confirm first: this
 * refuses it.
 */
export async function renameTag(db: NotesDatabase, from: string, to: string): Promise<Result<{ annotations: number; articles: number }>> {
  const name = normalizeTagName(to);
  if (!name) return err('invalid-argument', 'A tag needs a name.');
  const usage = await readTagUsage(db);
  const source = usage.find((t) => tagKey(t.name) === tagKey(from));
  if (!source) return err('not-found', `There is no tag "${from}".`);
  const clash = usage.find((t) => tagKey(t.name) === tagKey(name) && t !== source);
  if (clash) return err('invalid-argument', `A tag "${clash.name}" already exists: merge the two instead.`);
  if (source.name === name) return ok({ annotations: 0, articles: 0 });
  return replaceTags(db, [source.name], name, source.color);
}

/** Merge tags into one (which may be one of them or a new name). */
export function mergeTags(db: NotesDatabase, from: string[], into: string): Promise<Result<{ annotations: number; articles: number }>> {
  const name = normalizeTagName(into);
  if (!name) return Promise.resolve(err('invalid-argument', 'Choose the tag to merge into.'));
  return replaceTags(db, from.filter((f) => tagKey(f) !== tagKey(name)), name);
}

/** Remove a tag from every annotation and article, and its row. Annotations stay. */
export function deleteTag(db: NotesDatabase, name: string): Promise<Result<{ annotations: number; articles: number }>> {
  return replaceTags(db, [name], null);
}

export async function setTagColor(db: NotesDatabase, name: string, color: string): Promise<Result<TagDef>> {
  const css = normalizeCssColor(color, '');
  if (!css) return err('invalid-argument', 'Choose a colour as #rrggbb.');
  return guardedWrite(() =>
    db.transaction('rw', db.tags, async () => {
      const rows = await db.tags.toArray();
      const row = rows.find((r) => tagKey(r.name) === tagKey(name));
      const next: TagDef = row
        ? { ...row, color: css }
        : { name: normalizeTagName(name), color: css, created: new Date().toISOString() };
      if (!next.name) return err('invalid-argument', 'A tag needs a name.');
      await db.tags.put(next);
      return ok(next);
    }),
  );
}
