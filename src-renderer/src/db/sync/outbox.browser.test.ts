/**
 * The outbox and the pump in real IndexedDB and a real PouchDB (Chromium):
 * every write to a synced table queues its row in the same transaction, a
 * transaction that fails queues nothing, writes received from sync queue
 * nothing, and a second pump with nothing new writes no document.
 */
import PouchDB from 'pouchdb-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation } from '../annotations-store';
import type { NotesDatabase } from '../database';
import { freshDb, newAnnotation } from '../test-helpers';
import { applyChanges, pump, type SyncDoc } from './mirror';
import { markFromSync } from './outbox-middleware';

let db: NotesDatabase;
let dispose: () => Promise<void>;
let mirror: PouchDB.Database<SyncDoc>;

beforeEach(async () => {
  ({ db, dispose } = await freshDb());
  mirror = new PouchDB<SyncDoc>(`${db.name}-mirror-test`);
});
afterEach(async () => {
  await mirror.destroy();
  await dispose();
});

const queued = async () => (await db.outbox.toArray()).map((e) => e.id).sort();

describe('outbox', () => {
  it('a new highlight with a tag queues the annotation and the tag row, in the same write', async () => {
    const r = await createAnnotation(db, newAnnotation({ note: 'n', tags: ['CSTO'] }));
    if (!r.ok) throw new Error(r.error.message);
    expect(await queued()).toEqual([`annotations:${r.value.id}`, 'tags:CSTO']);
  });

  it('a transaction that fails queues nothing', async () => {
    await expect(
      db.transaction('rw', db.annotations, async () => {
        const { docId, color, quote, position, textHash } = newAnnotation();
        const at = '2026-01-01T00:00:00.000Z';
        await db.annotations.put({ id: 'will-fail', archiveId: db.archiveId, docId, color, quote, position, textHash, note: '', tags: [], created: at, modified: at });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await queued()).toEqual([]);
  });

  it('rows written from sync queue nothing', async () => {
    await db.transaction('rw', db.settings, async (tx) => {
      markFromSync(tx.idbtrans);
      await db.settings.put({ key: 'dossier', value: [] });
    });
    expect(await queued()).toEqual([]);
  });

  it('the pump copies each row once, a second pump writes nothing, and a delete reaches the mirror', async () => {
    const r = await createAnnotation(db, newAnnotation({ note: 'first' }));
    if (!r.ok) throw new Error(r.error.message);
    expect((await pump(db, mirror)).written).toBe(1);
    expect(await queued()).toEqual([]);
    // Queued again with the same content (e.g. applied back from the feed): nothing to write.
    await db.outbox.put({ id: `annotations:${r.value.id}`, table: 'annotations', key: r.value.id, stamp: 'again' });
    expect((await pump(db, mirror)).written).toBe(0);
    expect((await mirror.get(`annotations:${r.value.id}`)).row.note).toBe('first');
    await deleteAnnotation(db, r.value.id);
    expect((await pump(db, mirror)).written).toBe(1);
    await expect(mirror.get(`annotations:${r.value.id}`)).rejects.toMatchObject({ status: 404 });
    // The feed applies the mirror's state back without queueing it again.
    await applyChanges(db, mirror);
    expect(await queued()).toEqual([]);
  });
});
