/**
 * Per-article state the person controls: article tags, article note, star and
 * reading position. A row appears on the first change; reading one that does
 * not exist answers the defaults. Writes are read-modify-write inside one
 * transaction, so two quick changes (a star and a tag) never undo each other.
 * Rows are keyed [archiveId+docId]; every function here works in the
 * database's archive (`db.archiveId`).
 */
import type { DocState } from '../../../src-main/shared/notes/annotation-model';
import type { Result } from '../../../src-main/shared/result';
import type { NotesDatabase } from './database';
import { BUNDLED_ARCHIVE_ID, NOTES_LIMITS, normalizeTags, restoreAll, restoreDocState } from '../../../src-main/shared/notes/schema';
import { ensureTagRows } from './tags-store';
import { err, guardedWrite, ok } from './write-status';

export type DocStatePatch = Partial<Pick<DocState, 'tags' | 'note' | 'starred' | 'readingPosition' | 'readAt'>>;

export function emptyDocState(docId: string, archiveId: string = BUNDLED_ARCHIVE_ID): DocState {
  return { archiveId, docId, tags: [], note: '', starred: false, readingPosition: null, modified: new Date(0).toISOString() };
}

export async function readDocState(db: NotesDatabase, docId: string): Promise<DocState> {
  const r = restoreDocState(await db.articleState.get([db.archiveId, docId]));
  return r.ok ? r.value : emptyDocState(docId, db.archiveId);
}

/** Every article state of the database's archive. */
export async function readAllDocStates(db: NotesDatabase): Promise<DocState[]> {
  return restoreAll(await db.articleState.where('archiveId').equals(db.archiveId).toArray(), (r) => restoreDocState(r)).rows;
}

export async function updateDocState(db: NotesDatabase, docId: string, patch: DocStatePatch): Promise<Result<DocState>> {
  if (!docId) return err('invalid-argument', 'No article to save this for.');
  if (patch.note !== undefined && (typeof patch.note !== 'string' || patch.note.length > NOTES_LIMITS.noteChars)) {
    return err('invalid-argument', 'The note is too long to save.');
  }
  if (patch.readingPosition !== undefined && patch.readingPosition !== null && !Number.isFinite(patch.readingPosition)) {
    return err('invalid-argument', 'Bad reading position.');
  }
  if (patch.readAt !== undefined && patch.readAt !== null && !Number.isFinite(Date.parse(patch.readAt))) {
    return err('invalid-argument', 'Bad date for "read".');
  }
  return guardedWrite(() =>
    db.transaction('rw', db.articleState, db.tags, db.tagRenames, async () => {
      const current = restoreDocState(await db.articleState.get([db.archiveId, docId]));
      const base = current.ok ? current.value : emptyDocState(docId, db.archiveId);
      const next: DocState = { ...base, modified: new Date().toISOString() };
      if (patch.tags !== undefined) next.tags = await ensureTagRows(db, normalizeTags(patch.tags));
      if (patch.note !== undefined) next.note = patch.note;
      if (patch.starred !== undefined) next.starred = patch.starred === true;
      if (patch.readingPosition !== undefined) {
        next.readingPosition = patch.readingPosition === null ? null : Math.min(1, Math.max(0, patch.readingPosition));
      }
      if (patch.readAt !== undefined) next.readAt = patch.readAt;
      await db.articleState.put(next);
      return ok(next);
    }),
  );
}
