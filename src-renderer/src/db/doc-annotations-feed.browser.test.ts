/**
 * The shared live read of an article's annotations (doc-annotations-feed.ts)
 * against real IndexedDB in Chromium: what was read ahead is there for the
 * first watcher, every watcher sees a write, and a failed read is not kept.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnotation, deleteAnnotation } from './annotations-store';
import type { NotesDatabase } from './database';
import { docAnnotationsState, readAheadDocAnnotations, watchDocAnnotations } from './doc-annotations-feed';
import { freshDb, newAnnotation } from './test-helpers';

let db: NotesDatabase;
let dispose: () => Promise<void>;
const unwatch: (() => void)[] = [];

beforeEach(async () => {
  ({ db, dispose } = await freshDb());
});
afterEach(async () => {
  unwatch.splice(0).forEach((u) => u());
  await dispose();
});

const ids = (docId: string) => (docAnnotationsState(db, docId).value?.rows ?? []).map((a) => a.id).sort();

describe("an article's annotations, read once for every watcher", () => {
  it('has the rows read ahead ready for the first watcher, and shows each watcher every later write', async () => {
    const a = await createAnnotation(db, newAnnotation({ docId: 'doc-1' }));
    await createAnnotation(db, newAnnotation({ docId: 'doc-2' }));
    if (!a.ok) throw new Error('create failed');
    readAheadDocAnnotations(db, 'doc-1');
    await vi.waitFor(() => expect(ids('doc-1')).toEqual([a.value.id]));

    // Two watchers (the reader's painter and its sidebar) join the read already made.
    const seen = [0, 0];
    unwatch.push(watchDocAnnotations(db, 'doc-1', () => seen[0]++));
    unwatch.push(watchDocAnnotations(db, 'doc-1', () => seen[1]++));
    expect(ids('doc-1')).toEqual([a.value.id]);

    const b = await createAnnotation(db, newAnnotation({ docId: 'doc-1' }));
    if (!b.ok) throw new Error('create failed');
    await vi.waitFor(() => expect(ids('doc-1')).toEqual([a.value.id, b.value.id].sort()));
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[1]).toBe(seen[0]);

    await deleteAnnotation(db, a.value.id);
    await vi.waitFor(() => expect(ids('doc-1')).toEqual([b.value.id]));
    // Another article's rows never show up in this one's.
    expect(ids('doc-2')).toEqual([]);
  });

  it('shows a failed read to its watchers, then reads again for the next one instead of keeping the failure', async () => {
    await createAnnotation(db, newAnnotation({ docId: 'doc-1' }));
    // The storage fails every read (as a damaged or evicted store does) while the first watcher looks.
    const proto = IDBIndex.prototype;
    const saved = { getAll: proto.getAll, openCursor: proto.openCursor };
    const fail = () => {
      throw new DOMException('The storage could not be read.', 'UnknownError');
    };
    proto.getAll = fail;
    proto.openCursor = fail;
    let stop: () => void;
    try {
      stop = watchDocAnnotations(db, 'doc-1', () => undefined);
      await vi.waitFor(() => expect(String(docAnnotationsState(db, 'doc-1').error)).toMatch(/could not be read/));
    } finally {
      Object.assign(proto, saved);
    }
    // The watcher leaves (its error boundary unmounted it); the next one reads again and gets the rows.
    stop();
    unwatch.push(watchDocAnnotations(db, 'doc-1', () => undefined));
    await vi.waitFor(() => expect(ids('doc-1')).toHaveLength(1));
    expect(docAnnotationsState(db, 'doc-1').error).toBeUndefined();
  });
});
