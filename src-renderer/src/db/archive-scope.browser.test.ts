/**
 * Two archives in one notes database (real IndexedDB in Chromium): each
 * NotesDatabase instance reads and writes only its archive's notes, so two
 * archives that share a document id never show each other's highlights,
 * article notes, stars or reading places; a backup holds both, and a restore
 * puts each back in its own archive.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation, readAnnotation, readAnnotations, updateAnnotation, addTagsToAnnotations } from './annotations-store';
import { createBackupText, importAnnotations, readSnapshot, restoreFromText } from './backup-db';
import { deleteNotesDatabase, openNotesDatabase, type NotesDatabase } from './database';
import { readAllDocStates, readDocState, updateDocState } from './doc-state-store';
import { readNotesSummary } from './summary-store';
import { newAnnotation } from './test-helpers';
import { ok } from '../../../src-main/shared/result';

const SHARED_DOC = 'news-001-summit';
let name: string;
let bundled: NotesDatabase;
let other: NotesDatabase;

beforeEach(async () => {
  name = `archive-scope-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  bundled = openNotesDatabase(name);
  other = openNotesDatabase(name, undefined, 'dir-0a1b2c3d');
  await bundled.open();
  await other.open();
});
afterEach(async () => {
  bundled.close();
  other.close();
  await deleteNotesDatabase(name);
});

const noSafetyFile = { appVersion: 'test', saveSafetyBackup: async () => ok(null) };

describe('notes scoped to the open archive', () => {
  it('two archives sharing a document id keep separate highlights, article notes and reading places', async () => {
    const mine = await createAnnotation(bundled, newAnnotation({ docId: SHARED_DOC, note: 'bundled note' }));
    const theirs = await createAnnotation(other, newAnnotation({ docId: SHARED_DOC, note: 'other note', color: 'green' }));
    if (!mine.ok || !theirs.ok) throw new Error('create failed');
    expect(mine.value.archiveId).toBe('bundled');
    expect(theirs.value.archiveId).toBe('dir-0a1b2c3d');

    expect((await readAnnotations(bundled, SHARED_DOC)).rows.map((a) => a.note)).toEqual(['bundled note']);
    expect((await readAnnotations(other, SHARED_DOC)).rows.map((a) => a.note)).toEqual(['other note']);
    expect((await readAnnotations(bundled)).rows).toHaveLength(1);

    await updateDocState(bundled, SHARED_DOC, { note: 'bundled article note', starred: true, readingPosition: 0.5 });
    await updateDocState(other, SHARED_DOC, { note: 'other article note' });
    expect(await readDocState(bundled, SHARED_DOC)).toMatchObject({ archiveId: 'bundled', note: 'bundled article note', starred: true, readingPosition: 0.5 });
    expect(await readDocState(other, SHARED_DOC)).toMatchObject({ archiveId: 'dir-0a1b2c3d', note: 'other article note', starred: false, readingPosition: null });
    expect((await readAllDocStates(other)).map((d) => d.note)).toEqual(['other article note']);

    const summary = await readNotesSummary(other);
    expect(summary.get(SHARED_DOC)).toMatchObject({ annotations: 1, starred: false });
    expect(summary.get(SHARED_DOC)!.text).not.toContain('bundled');
  });

  it('a highlight of another archive cannot be read, edited, deleted or tagged through this one', async () => {
    const theirs = await createAnnotation(other, newAnnotation({ docId: SHARED_DOC, note: 'other note' }));
    if (!theirs.ok) throw new Error(theirs.error.message);
    expect(await readAnnotation(bundled, theirs.value.id)).toBeNull();
    expect(await updateAnnotation(bundled, theirs.value.id, { note: 'overwritten' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await deleteAnnotation(bundled, theirs.value.id)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await addTagsToAnnotations(bundled, [theirs.value.id], ['leak'])).toEqual({ ok: true, value: 0 });
    // A W3C import with the same id into this archive leaves the other archive's highlight alone.
    expect(await importAnnotations(bundled, [{ ...theirs.value, note: 'imported', modified: new Date(Date.now() + 60_000).toISOString() }])).toEqual({
      ok: true,
      value: { added: 0, updated: 0, kept: 1 },
    });
    expect(await readAnnotation(other, theirs.value.id)).toMatchObject({ note: 'other note', tags: [] });
  });

  it('a backup holds both archives; replace-restore from the other archive puts each row back in its own archive', async () => {
    await createAnnotation(bundled, newAnnotation({ docId: SHARED_DOC, note: 'bundled note' }));
    await createAnnotation(other, newAnnotation({ docId: SHARED_DOC, note: 'other note' }));
    await updateDocState(bundled, SHARED_DOC, { note: 'bundled article note' });
    await updateDocState(other, SHARED_DOC, { note: 'other article note' });
    const made = await createBackupText(other, 'test');
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.counts).toMatchObject({ annotations: 2, docState: 2 });

    // Wipe everything, then restore while the other archive is open.
    await bundled.transaction('rw', [bundled.annotations, bundled.articleState], async () => {
      await bundled.annotations.clear();
      await bundled.articleState.clear();
    });
    const restored = await restoreFromText(other, made.value.text, 'replace', noSafetyFile);
    expect(restored.ok).toBe(true);
    expect((await readAnnotations(bundled, SHARED_DOC)).rows.map((a) => a.note)).toEqual(['bundled note']);
    expect((await readAnnotations(other, SHARED_DOC)).rows.map((a) => a.note)).toEqual(['other note']);
    expect((await readDocState(bundled, SHARED_DOC)).note).toBe('bundled article note');
    expect((await readDocState(other, SHARED_DOC)).note).toBe('other article note');
    expect((await readSnapshot(bundled)).snapshot.docState).toHaveLength(2);
  });
});
