/**
 * The notes stores against real IndexedDB in Chromium: transactions, the
 * restore step on read, storage errors, and the bad input the issue lists.
 */
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addTagsToAnnotations,
  createAnnotation,
  deleteAnnotation,
  readAnnotations,
  undeleteAnnotation,
  updateAnnotation,
} from './annotations-store';
import { openNotesDatabase, type NotesDatabase } from './database';
import { readDocState, updateDocState } from './doc-state-store';
import { readColors, setColorLabel } from './settings-store';
import { deleteTag, mergeTags, readTagUsage, readTags, renameTag, setTagColor } from './tags-store';
import { freshDb, newAnnotation } from './test-helpers';
import { getWriteStatus } from './write-status';
import { matchNotes, readNotesSummary } from './summary-store';

let db: NotesDatabase;
let dbName: string;
let dispose: () => Promise<void>;

beforeEach(async () => {
  ({ db, name: dbName, dispose } = await freshDb());
});
afterEach(async () => {
  await dispose();
});

/** Make every IndexedDB write throw QuotaExceededError while `fn` runs. */
async function withFullDisk<T>(fn: () => Promise<T>): Promise<T> {
  const proto = IDBObjectStore.prototype;
  const saved = { put: proto.put, add: proto.add };
  const full = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  proto.put = full;
  proto.add = full;
  try {
    return await fn();
  } finally {
    proto.put = saved.put;
    proto.add = saved.add;
  }
}

describe('annotations', () => {
  it('creates, reads back, edits and deletes an annotation', async () => {
    const created = await createAnnotation(db, newAnnotation({ note: 'first', tags: ['CSTO'] }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { rows } = await readAnnotations(db, 'doc-1');
    expect(rows).toEqual([created.value]);

    const edited = await updateAnnotation(db, created.value.id, { note: 'second', color: 'green' });
    expect(edited.ok && edited.value.note).toBe('second');
    expect((await readAnnotations(db, 'doc-1')).rows[0]).toMatchObject({ note: 'second', color: 'green' });

    const deleted = await deleteAnnotation(db, created.value.id);
    expect(deleted.ok).toBe(true);
    expect((await readAnnotations(db, 'doc-1')).rows).toEqual([]);
  });

  it('undo puts the very same annotation back', async () => {
    const created = await createAnnotation(db, newAnnotation({ note: 'keep me', tags: ['x'] }));
    if (!created.ok) throw new Error('create failed');
    const deleted = await deleteAnnotation(db, created.value.id);
    if (!deleted.ok) throw new Error('delete failed');
    await undeleteAnnotation(db, deleted.value);
    expect((await readAnnotations(db)).rows).toEqual([created.value]);
  });

  it('refuses an edit of an annotation deleted meanwhile, without recreating it', async () => {
    const created = await createAnnotation(db, newAnnotation());
    if (!created.ok) throw new Error('create failed');
    await deleteAnnotation(db, created.value.id);
    const edit = await updateAnnotation(db, created.value.id, { note: 'late edit' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await db.annotations.count()).toBe(0);
  });

  it('refuses an empty selection', async () => {
    const r = await createAnnotation(db, newAnnotation({ quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } }));
    expect(r.ok).toBe(false);
    expect(await db.annotations.count()).toBe(0);
  });

  it('keeps a megabyte note, emoji and right-to-left text exactly', async () => {
    const big = 'Заметка 📝 ملاحظة שלום 👩🏽‍🔬 '.repeat(40_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    const created = await createAnnotation(db, newAnnotation({ note: big, tags: ['📌 pinned', 'עברית'] }));
    expect(created.ok).toBe(true);
    const [row] = (await readAnnotations(db)).rows;
    expect(row.note).toBe(big);
    expect(row.tags).toEqual(['📌 pinned', 'עברית']);
  });

  it('survives rapid create and delete: every surviving row is whole', async () => {
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const r = await createAnnotation(db, newAnnotation({ note: `n${i}`, tags: [`t${i % 3}`] }));
        if (!r.ok) throw new Error(r.error.message);
        if (i % 2 === 0) {
          const d = await deleteAnnotation(db, r.value.id);
          if (!d.ok) throw new Error(d.error.message);
        } else ids.push(r.value.id);
      }),
    );
    const { rows, invalid } = await readAnnotations(db);
    expect(invalid).toEqual([]);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(new Set(rows.map((r) => r.note)).size).toBe(30);
    expect((await readTags(db)).map((t) => t.name)).toEqual(['t0', 't1', 't2']);
  });

  it('tags many annotations at once', async () => {
    const a = await createAnnotation(db, newAnnotation());
    const b = await createAnnotation(db, newAnnotation({ tags: ['Review'] }));
    if (!a.ok || !b.ok) throw new Error('create failed');
    const r = await addTagsToAnnotations(db, [a.value.id, b.value.id], ['review', 'Batch']);
    expect(r).toEqual({ ok: true, value: 2 });
    const rows = (await readAnnotations(db)).rows.sort((x, y) => x.created.localeCompare(y.created));
    for (const row of rows) expect(row.tags).toEqual(['Review', 'Batch']);
  });
});

describe('restore on read', () => {
  it('repairs old or odd rows and reports damaged ones, leaving them in the database', async () => {
    await db.annotations.bulkPut([
      // Written by an older or buggy version: missing fields, odd types (the version-3 upgrade gave each its archive).
      { id: 'old', archiveId: 'bundled', docId: 'doc-1', quote: { exact: 'text' }, color: 'mauve', tags: [' a ', 'A', 3], note: 42 } as never,
      { id: 'broken', archiveId: 'bundled', docId: 'doc-1', quote: null, note: 'my words' } as never,
      { id: 'proto', archiveId: 'bundled', docId: 'doc-1', quote: { exact: 'q' }, ['__proto__' as string]: { polluted: true } } as never,
    ]);
    const { rows, invalid } = await readAnnotations(db, 'doc-1');
    const old = rows.find((r) => r.id === 'old')!;
    expect(old).toMatchObject({ color: 'yellow', tags: ['a'], note: '42', quote: { exact: 'text', prefix: '', suffix: '' } });
    expect(invalid).toEqual(['annotation "broken": quote should be an object, not null']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Nothing was deleted: the person's words in the damaged row are still there.
    expect((await db.annotations.get('broken'))?.note).toBe('my words');
  });
});

describe('storage errors', () => {
  it('a full disk becomes a message, and nothing saved before is lost or half-written', async () => {
    const created = await createAnnotation(db, newAnnotation({ note: 'saved before', tags: ['kept'] }));
    if (!created.ok) throw new Error('create failed');

    const failedEdit = await withFullDisk(() => updateAnnotation(db, created.value.id, { note: 'typed while full', tags: ['new tag'] }));
    expect(failedEdit).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(failedEdit.ok ? '' : failedEdit.error.message).toMatch(/disk is full|quota/i);
    expect(getWriteStatus().error).toMatch(/quota/i);

    const failedCreate = await withFullDisk(() => createAnnotation(db, newAnnotation({ tags: ['other'] })));
    expect(failedCreate.ok).toBe(false);

    const { rows } = await readAnnotations(db);
    expect(rows).toEqual([created.value]);
    expect((await readTags(db)).map((t) => t.name)).toEqual(['kept']);

    // The next successful write clears the message.
    const retry = await updateAnnotation(db, created.value.id, { note: 'typed while full' });
    expect(retry.ok).toBe(true);
    expect(getWriteStatus().error).toBeNull();
  });
});

describe('article state', () => {
  it('answers defaults for an untouched article and saves star, tags and note together', async () => {
    expect(await readDocState(db, 'doc-9')).toMatchObject({ starred: false, tags: [], note: '' });
    await Promise.all([
      updateDocState(db, 'doc-9', { starred: true }),
      updateDocState(db, 'doc-9', { tags: ['Summit'] }),
      updateDocState(db, 'doc-9', { note: '# Article note' }),
    ]);
    expect(await readDocState(db, 'doc-9')).toMatchObject({ starred: true, tags: ['Summit'], note: '# Article note' });
  });
});

describe('tags', () => {
  async function seed() {
    const a = await createAnnotation(db, newAnnotation({ tags: ['CSTO', 'summit'] }));
    const b = await createAnnotation(db, newAnnotation({ tags: ['csto'] }));
    await updateDocState(db, 'doc-1', { tags: ['Summit', 'Minsk'] });
    if (!a.ok || !b.ok) throw new Error('seed failed');
    return { a: a.value, b: b.value };
  }

  it('compares case-insensitively: the first spelling is kept', async () => {
    const { b } = await seed();
    expect(b.tags).toEqual(['CSTO']);
    expect((await readTags(db)).map((t) => t.name)).toEqual(['CSTO', 'Minsk', 'summit']);
  });

  it('counts uses per tag', async () => {
    await seed();
    const usage = await readTagUsage(db);
    expect(usage.map((u) => [u.name, u.annotations, u.articles])).toEqual([
      ['CSTO', 2, 0],
      ['Minsk', 0, 1],
      ['summit', 1, 1],
    ]);
  });

  it('renames everywhere, and refuses a rename onto another tag', async () => {
    await seed();
    await setTagColor(db, 'summit', '#ff0000');
    expect(await renameTag(db, 'summit', 'Summits')).toEqual({ ok: true, value: { annotations: 1, articles: 1 } });
    const usage = await readTagUsage(db);
    expect(usage.find((u) => u.name === 'Summits')).toMatchObject({ annotations: 1, articles: 1, color: '#ff0000' });
    expect(usage.some((u) => u.name === 'summit')).toBe(false);
    expect(await renameTag(db, 'Summits', 'minsk')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    // A change of case alone is a rename.
    expect((await renameTag(db, 'csto', 'Csto')).ok).toBe(true);
    expect((await readAnnotations(db)).rows.every((r) => r.tags.includes('Csto'))).toBe(true);
  });

  it('merges tags into one', async () => {
    await seed();
    await mergeTags(db, ['summit', 'Minsk'], 'CSTO');
    const usage = await readTagUsage(db);
    expect(usage.map((u) => [u.name, u.annotations, u.articles])).toEqual([['CSTO', 2, 1]]);
  });

  it('deleting a tag never deletes an annotation', async () => {
    await seed();
    await deleteTag(db, 'csto');
    const { rows } = await readAnnotations(db);
    expect(rows).toHaveLength(2);
    expect(rows.flatMap((r) => r.tags)).toEqual(['summit']);
    expect((await readTags(db)).map((t) => t.name)).toEqual(['Minsk', 'summit']);
  });

  it('refuses a tag colour that is not a plain hex colour (it ends up in a style)', async () => {
    expect((await setTagColor(db, 'x', 'red; background:url(javascript:alert(1))')).ok).toBe(false);
  });
});

describe('colour labels', () => {
  it('starts with the defaults and keeps the person’s names', async () => {
    expect((await readColors(db)).map((c) => c.label)).toContain('Key fact');
    await setColorLabel(db, 'pink', '  Open question ');
    const colors = await readColors(db);
    expect(colors.find((c) => c.id === 'pink')!.label).toBe('Open question');
    expect(colors).toHaveLength(6);
    expect((await setColorLabel(db, 'pink', '   ')).ok).toBe(false);
  });
});

describe('two windows', () => {
  it('a live query on a second connection sees the first one\'s edits, and the later edit wins whole', async () => {
    const other = openNotesDatabase(dbName);
    const seen: string[] = [];
    const sub = liveQuery(() => readAnnotations(other)).subscribe((r) => seen.push(r.rows.map((x) => x.note).join('|')));
    try {
      const created = await createAnnotation(db, newAnnotation({ note: 'from window A' }));
      if (!created.ok) throw new Error('create failed');
      await vi.waitFor(() => expect(seen.at(-1)).toBe('from window A'));
      await Promise.all([
        updateAnnotation(db, created.value.id, { note: 'A typed this' }),
        updateAnnotation(other, created.value.id, { note: 'B typed that' }),
      ]);
      await vi.waitFor(() => expect(seen.at(-1)).toBe('B typed that'));
      const { rows, invalid } = await readAnnotations(db);
      expect(invalid).toEqual([]);
      expect(rows[0].note).toBe('B typed that');
    } finally {
      sub.unsubscribe();
      other.close();
    }
  });
});

describe('notes summary for the library and search', () => {
  it('knows annotated, starred and tagged articles, and finds articles by what the person wrote', async () => {
    await createAnnotation(db, newAnnotation({ docId: 'a', note: 'Bordyuzha on drug trafficking', tags: ['Afghanistan'] }));
    await updateDocState(db, 'b', { starred: true, note: 'Compare with the 2013 summit' });
    await updateDocState(db, 'c', { starred: false });
    const summary = await readNotesSummary(db);
    expect([...summary.keys()].sort()).toEqual(['a', 'b']);
    expect(summary.get('a')).toMatchObject({ annotations: 1, starred: false, tags: ['Afghanistan'] });
    expect(summary.get('b')).toMatchObject({ annotations: 0, starred: true });
    expect(matchNotes(summary, 'drug bordyuzha')).toEqual(['a']);
    expect(matchNotes(summary, 'afghanistan')).toEqual(['a']);
    expect(matchNotes(summary, '2013 summit')).toEqual(['b']);
    expect(matchNotes(summary, 'nowhere')).toEqual([]);
  });
});
