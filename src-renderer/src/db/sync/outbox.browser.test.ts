/**
 * The outbox and the pump in real IndexedDB and a real PouchDB (Chromium):
 * every write to a synced table queues its row in the same transaction, a
 * transaction that fails queues nothing, writes received from sync queue
 * nothing, and a second pump with nothing new writes no document; a reading
 * position goes at most every 30 s; with a passphrase's key the mirror holds
 * no readable text, and another key reads nothing.
 */
import PouchDB from 'pouchdb-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation } from '../annotations-store';
import type { NotesDatabase } from '../database';
import { freshDb, newAnnotation } from '../test-helpers';
import { updateDocState } from '../doc-state-store';
import { applyChanges, pump, type SyncDoc } from './mirror';
import { deriveKeys, sealedCodec } from './mirror-codec';
import { POSITION_SYNC_MS } from './pump';
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
    expect((await mirror.get(`annotations:${r.value.id}`)).row?.note).toBe('first');
    await deleteAnnotation(db, r.value.id);
    expect((await pump(db, mirror)).written).toBe(1);
    await expect(mirror.get(`annotations:${r.value.id}`)).rejects.toMatchObject({ status: 404 });
    // The feed applies the mirror's state back without queueing it again.
    await applyChanges(db, mirror);
    expect(await queued()).toEqual([]);
  });
});

describe('reading position', () => {
  it('goes to the mirror at most every 30 s; any other change to the article goes at once', async () => {
    await updateDocState(db, 'doc-1', { readingPosition: 0.1 });
    expect((await pump(db, mirror)).written).toBe(1);
    const written = Date.parse((await db.articleState.get([db.archiveId, 'doc-1']))!.modified);
    await updateDocState(db, 'doc-1', { readingPosition: 0.2 });
    await updateDocState(db, 'doc-1', { readingPosition: 0.3 });
    // Within 30 s of the mirror's version: held, and the pump says when to come back.
    const held = await pump(db, mirror, { now: written + 1_000 });
    expect(held).toMatchObject({ written: 0, deferred: 1, left: 0, wakeAt: written + POSITION_SYNC_MS });
    expect(await queued()).toHaveLength(1);
    // After 30 s: the position current then, in one write.
    const later = await pump(db, mirror, { now: written + POSITION_SYNC_MS + 1 });
    expect(later).toMatchObject({ written: 1, deferred: 0 });
    const id = `articleState:${JSON.stringify([db.archiveId, 'doc-1'])}`;
    expect((await mirror.get(id)).row?.readingPosition).toBe(0.3);
    // A star is not a position: it goes at once, position and all.
    await updateDocState(db, 'doc-1', { starred: true, readingPosition: 0.4 });
    expect((await pump(db, mirror, { now: Date.parse((await db.articleState.get([db.archiveId, 'doc-1']))!.modified) })).written).toBe(1);
    expect((await mirror.get(id)).row).toMatchObject({ starred: true, readingPosition: 0.4 });
  });
});

describe('sealed mirror (a passphrase is set)', () => {
  const salt = new Uint8Array(16).fill(7);

  it('holds no note text, quote or tag; the same key reads every row back; another key reads none and writes nothing', async () => {
    const codec = sealedCodec(await deriveKeys('right passphrase', salt, 1_000));
    const r = await createAnnotation(db, newAnnotation({ note: 'A private remark', tags: ['Secret tag'] }));
    if (!r.ok) throw new Error(r.error.message);
    expect((await pump(db, mirror, { codec })).written).toBe(2);
    const everything = JSON.stringify((await mirror.allDocs({ include_docs: true })).rows);
    for (const text of ['A private remark', 'collective security', 'Secret tag', r.value.id, 'annotations']) expect(everything).not.toContain(text);
    // Pumped again: the same sealed content, nothing written.
    await db.outbox.put({ id: `annotations:${r.value.id}`, table: 'annotations', key: r.value.id, stamp: 'again' });
    expect((await pump(db, mirror, { codec })).written).toBe(0);

    // Each receiving device has a mirror of its own, filled by replication as from the server.
    const copyOf = async (name: string) => {
      const copy = new PouchDB<SyncDoc>(`${db.name}-${name}`);
      await mirror.replicate.to(copy);
      return copy;
    };
    const other = await freshDb();
    const otherMirror = await copyOf('other');
    try {
      const wrong = await applyChanges(other.db, otherMirror, sealedCodec(await deriveKeys('wrong passphrase', salt, 1_000)));
      expect(wrong.applied).toBe(0);
      expect(wrong.refused).toHaveLength(2);
      expect(wrong.refused[0]).toContain('cannot be decrypted');
      expect(await other.db.annotations.count()).toBe(0);
    } finally {
      await otherMirror.destroy();
      await other.dispose();
    }
    const second = await freshDb();
    const secondMirror = await copyOf('second');
    try {
      const right = await applyChanges(second.db, secondMirror, codec);
      expect(right.refused).toEqual([]);
      expect((await second.db.annotations.get(r.value.id))?.note).toBe('A private remark');
      expect((await second.db.tags.toArray()).map((t) => t.name)).toEqual(['Secret tag']);
      // A deletion is sealed too, and still says which row it removes.
      await deleteAnnotation(db, r.value.id);
      expect((await pump(db, mirror, { codec })).written).toBe(1);
      await mirror.replicate.to(secondMirror);
      await applyChanges(second.db, secondMirror, codec);
      expect(await second.db.annotations.get(r.value.id)).toBeUndefined();
    } finally {
      await secondMirror.destroy();
      await second.dispose();
    }
  });
});
