/**
 * Annotation writes and reads. Each write is one Dexie transaction over the
 * tables it touches (an annotation and the tag rows its tags need), so it is
 * saved whole or not at all; each read passes rows through restore.ts.
 * Deleting returns the deleted row so the UI can offer "Undo", which puts the
 * very same row back. Every read and write is scoped to the database's archive
 * (`db.archiveId`): a highlight of another archive is, here, not found.
 */
import type {
  Annotation,
  ColorId,
  TextPositionSelector,
  TextQuoteSelector,
} from '../../../src-main/shared/notes/annotation-model';
import type { Result } from '../../../src-main/shared/result';
import type { NotesDatabase } from './database';
import { NOTES_LIMITS, COLOR_IDS, normalizeTags, restoreAll, restoreAnnotation } from '../../../src-main/shared/notes/schema';
import { ensureTagRows } from './tags-store';
import { err, guardedWrite, ok } from './write-status';

export interface NewAnnotation {
  docId: string;
  color: ColorId;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  textHash: string;
  note?: string;
  tags?: string[];
}

export interface AnnotationPatch {
  color?: ColorId;
  note?: string;
  tags?: string[];
  /** Re-attaching an orphan sets all three. */
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
  textHash?: string;
}

export interface RowsRead<T> {
  rows: T[];
  /** Reasons for rows that could not be read; they stay in the database untouched. */
  invalid: string[];
}

const newId = (): string => crypto.randomUUID();

function checkPatch(patch: AnnotationPatch): string | null {
  if (patch.note !== undefined && typeof patch.note !== 'string') return 'A note must be text.';
  if (patch.note !== undefined && patch.note.length > NOTES_LIMITS.noteChars) {
    return `The note is too long (${patch.note.length.toLocaleString('en')} characters; at most ${NOTES_LIMITS.noteChars.toLocaleString('en')}).`;
  }
  if (patch.color !== undefined && !COLOR_IDS.includes(patch.color)) return `Unknown colour: ${String(patch.color)}.`;
  if (patch.quote !== undefined && (!patch.quote.exact || patch.quote.exact.length > NOTES_LIMITS.quoteChars)) {
    return 'Select some text (not too much) to highlight.';
  }
  return null;
}

export async function createAnnotation(db: NotesDatabase, input: NewAnnotation): Promise<Result<Annotation>> {
  const problem = checkPatch(input);
  if (problem) return err('invalid-argument', problem);
  const now = new Date().toISOString();
  const restored = restoreAnnotation({ ...input, id: newId(), archiveId: db.archiveId, note: input.note ?? '', tags: input.tags ?? [], created: now, modified: now });
  if (!restored.ok) return err('invalid-argument', `Cannot save this highlight: ${restored.reason}.`);
  const row = restored.value;
  return guardedWrite(() =>
    db.transaction('rw', db.annotations, db.tags, db.tagRenames, async () => {
      row.tags = await ensureTagRows(db, row.tags);
      await db.annotations.add(row);
      return ok(row);
    }),
  );
}

export async function updateAnnotation(db: NotesDatabase, id: string, patch: AnnotationPatch): Promise<Result<Annotation>> {
  const problem = checkPatch(patch);
  if (problem) return err('invalid-argument', problem);
  return guardedWrite(() =>
    db.transaction('rw', db.annotations, db.tags, db.tagRenames, async () => {
      const current = restoreAnnotation(await ownRow(db, id));
      if (!current.ok) return err('not-found', 'This highlight no longer exists (it was deleted, perhaps in another window).');
      const next: Annotation = { ...current.value, modified: new Date().toISOString() };
      if (patch.color !== undefined) next.color = patch.color;
      if (patch.note !== undefined) next.note = patch.note;
      if (patch.tags !== undefined) next.tags = await ensureTagRows(db, normalizeTags(patch.tags));
      if (patch.quote !== undefined) next.quote = patch.quote;
      if (patch.position !== undefined) next.position = patch.position;
      if (patch.textHash !== undefined) next.textHash = patch.textHash;
      await db.annotations.put(next);
      return ok(next);
    }),
  );
}

/** Delete one annotation; answers the deleted row (for Undo). */
export async function deleteAnnotation(db: NotesDatabase, id: string): Promise<Result<Annotation>> {
  return guardedWrite(() =>
    db.transaction('rw', db.annotations, async () => {
      const raw = await ownRow(db, id);
      if (!raw) return err('not-found', 'This highlight was already deleted.');
      await db.annotations.delete(id);
      const restored = restoreAnnotation(raw);
      return restored.ok ? ok(restored.value) : err('internal', `Deleted a damaged highlight (${restored.reason}).`);
    }),
  );
}

/** Undo a delete: put the same row back (same id), unless one with that id exists again. */
export async function undeleteAnnotation(db: NotesDatabase, row: Annotation): Promise<Result<Annotation>> {
  const restored = restoreAnnotation(row);
  if (!restored.ok) return err('invalid-argument', restored.reason);
  return guardedWrite(() =>
    db.transaction('rw', db.annotations, db.tags, db.tagRenames, async () => {
      if (await db.annotations.get(row.id)) return ok(restored.value);
      restored.value.tags = await ensureTagRows(db, restored.value.tags);
      await db.annotations.add(restored.value);
      return ok(restored.value);
    }),
  );
}

/** Add tags to many annotations at once (Notebook multi-select), in one transaction. */
export async function addTagsToAnnotations(db: NotesDatabase, ids: string[], tags: string[]): Promise<Result<number>> {
  const names = normalizeTags(tags);
  if (names.length === 0) return err('invalid-argument', 'Type a tag name first.');
  return guardedWrite(() =>
    db.transaction('rw', db.annotations, db.tags, db.tagRenames, async () => {
      const canonical = await ensureTagRows(db, names);
      const now = new Date().toISOString();
      let changed = 0;
      for (const raw of await db.annotations.bulkGet(ids)) {
        const r = restoreAnnotation(raw);
        if (!r.ok || r.value.archiveId !== db.archiveId) continue;
        const tagsNext = normalizeTags([...r.value.tags, ...canonical]);
        if (tagsNext.length === r.value.tags.length) continue;
        await db.annotations.put({ ...r.value, tags: tagsNext, modified: now });
        changed++;
      }
      return ok(changed);
    }),
  );
}

/** The stored row with this id, if it belongs to the database's archive (rows of every archive share one table). */
async function ownRow(db: NotesDatabase, id: string): Promise<unknown> {
  const raw: unknown = await db.annotations.get(id);
  return typeof raw === 'object' && raw !== null && (raw as { archiveId?: unknown }).archiveId === db.archiveId ? raw : undefined;
}

/** The open archive's annotations: all of them, or one article's. */
export async function readAnnotations(db: NotesDatabase, docId?: string): Promise<RowsRead<Annotation>> {
  const raw =
    docId === undefined
      ? await db.annotations.where('archiveId').equals(db.archiveId).toArray()
      : await db.annotations.where('[archiveId+docId]').equals([db.archiveId, docId]).toArray();
  return restoreAll(raw, (r) => restoreAnnotation(r));
}

export async function readAnnotation(db: NotesDatabase, id: string): Promise<Annotation | null> {
  const r = restoreAnnotation(await ownRow(db, id));
  return r.ok ? r.value : null;
}
