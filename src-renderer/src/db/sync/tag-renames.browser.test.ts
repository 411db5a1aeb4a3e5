/**
 * Tag renames across two devices, in real IndexedDB and real PouchDB
 * (Chromium): each device has its notes database and its mirror, and a third
 * PouchDB stands in for the server (the end-to-end test, sync-tags.e2e, runs
 * the same through the real host and server). A rename reaches highlights the
 * other device tagged with the old name meanwhile; the same tag renamed on
 * both ends with the newer name everywhere and the other kept as an alias.
 * A deleted tag stays deleted where the other device only edited the same
 * highlights, and stays where the other device put it on anew.
 */
import PouchDB from 'pouchdb-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotation, readAnnotations, updateAnnotation } from '../annotations-store';
import type { NotesDatabase } from '../database';
import { deleteTag, readTags, renameTag } from '../tags-store';
import { freshDb, newAnnotation } from '../test-helpers';
import { applyChanges, pump, type SyncDoc } from './mirror';

interface Device {
  db: NotesDatabase;
  mirror: PouchDB.Database<SyncDoc>;
  dispose: () => Promise<void>;
}

const devices: Device[] = [];
let server: PouchDB.Database<SyncDoc>;

async function device(): Promise<Device> {
  const { db, dispose } = await freshDb();
  const d = { db, mirror: new PouchDB<SyncDoc>(`${db.name}-mirror`), dispose };
  devices.push(d);
  return d;
}

afterEach(async () => {
  for (const d of devices.splice(0)) {
    await d.mirror.destroy();
    await d.dispose();
  }
  await server?.destroy();
});

/** One device's sync, to the end: outbox to mirror, mirror to and from the server, received rows into the notes. */
async function syncOnce(d: Device): Promise<void> {
  await pump(d.db, d.mirror);
  await d.mirror.replicate.to(server);
  await d.mirror.replicate.from(server);
  await applyChanges(d.db, d.mirror);
  await pump(d.db, d.mirror);
  await d.mirror.replicate.to(server);
}

/** Both devices, a few rounds, until neither has anything left to send. */
async function settle(...ds: Device[]): Promise<void> {
  for (let round = 0; round < 4; round++) for (const d of ds) await syncOnce(d);
  for (const d of ds) expect(await d.db.outbox.count()).toBe(0);
}

const tagsOnHighlights = async (d: Device) => (await readAnnotations(d.db)).rows.map((a) => a.tags.join(',')).sort();
const tagNames = async (d: Device) => (await readTags(d.db)).map((t) => t.name);

async function highlight(d: Device, tags: string[], docId = 'doc-1'): Promise<void> {
  const r = await createAnnotation(d.db, newAnnotation({ docId, tags }));
  if (!r.ok) throw new Error(r.error.message);
}

describe('tag renames between devices', () => {
  it('renamed on A while B tags new highlights with the old name: every highlight ends with the new name on both', async () => {
    server = new PouchDB<SyncDoc>(`server-${Date.now()}-${Math.random()}`);
    const a = await device();
    const b = await device();
    await highlight(a, ['Minsk']);
    await settle(a, b);
    expect(await tagsOnHighlights(b)).toEqual(['Minsk']);

    // Apart: A renames, B (not yet told) tags two new highlights with the old name.
    expect((await renameTag(a.db, 'Minsk', 'Minsk summit')).ok).toBe(true);
    await highlight(b, ['Minsk'], 'doc-2');
    await highlight(b, ['minsk', 'Treaty'], 'doc-3');
    await settle(a, b);

    for (const d of [a, b]) {
      expect(await tagsOnHighlights(d)).toEqual(['Minsk summit', 'Minsk summit', 'Minsk summit,Treaty']);
      expect(await tagNames(d)).toEqual(['Minsk summit', 'Treaty']);
    }
    // The server keeps no live row of the old tag.
    await expect(server.get('tags:Minsk')).rejects.toMatchObject({ status: 404 });
    // Typed again later, the old name is the new tag.
    await highlight(b, ['Minsk'], 'doc-4');
    expect((await readAnnotations(b.db)).rows.find((r) => r.docId === 'doc-4')?.tags).toEqual(['Minsk summit']);
  });

  it('the same tag renamed on both: the newer name everywhere, the other an alias of it', async () => {
    server = new PouchDB<SyncDoc>(`server-${Date.now()}-${Math.random()}`);
    const a = await device();
    const b = await device();
    await highlight(a, ['border']);
    await settle(a, b);

    expect((await renameTag(a.db, 'border', 'Borders')).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 5)); // B's rename is the later one
    expect((await renameTag(b.db, 'border', 'Frontier')).ok).toBe(true);
    await highlight(a, ['Borders'], 'doc-2');
    await settle(a, b);

    for (const d of [a, b]) {
      expect(await tagsOnHighlights(d)).toEqual(['Frontier', 'Frontier']);
      expect(await tagNames(d)).toEqual(['Frontier']);
    }
    // A's name is an alias now: typed on either device, it gives the winner.
    await highlight(a, ['borders'], 'doc-3');
    expect((await readAnnotations(a.db)).rows.find((r) => r.docId === 'doc-3')?.tags).toEqual(['Frontier']);
  });

  it('renaming a tag back to its old name works and does not loop', async () => {
    server = new PouchDB<SyncDoc>(`server-${Date.now()}-${Math.random()}`);
    const a = await device();
    const b = await device();
    await highlight(a, ['CSTO']);
    expect((await renameTag(a.db, 'CSTO', 'ODKB')).ok).toBe(true);
    await settle(a, b);
    expect((await renameTag(b.db, 'ODKB', 'CSTO')).ok).toBe(true);
    await settle(a, b);
    for (const d of [a, b]) expect(await tagsOnHighlights(d)).toEqual(['CSTO']);
  });
});

describe('tag deletions between devices', () => {
  it("deleted on A while B edits the same highlights: the tag stays gone, B's edits stay, and B's new use of it is kept", async () => {
    server = new PouchDB<SyncDoc>(`server-${Date.now()}-${Math.random()}`);
    const a = await device();
    const b = await device();
    await highlight(a, ['draft', 'Minsk'], 'doc-1');
    await highlight(a, ['draft'], 'doc-2');
    await settle(a, b);
    const onB = (await readAnnotations(b.db)).rows;
    expect(onB.map((r) => r.tags.join(',')).sort()).toEqual(['draft', 'draft,Minsk']);

    // Apart: A deletes the tag; B, not yet told, writes a note on both highlights and tags a new one "draft".
    expect((await deleteTag(a.db, 'draft')).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 5)); // B's edits are the later ones
    for (const r of onB) expect((await updateAnnotation(b.db, r.id, { note: `Checked on B (${r.docId}).` })).ok).toBe(true);
    await highlight(b, ['draft'], 'doc-3');
    await settle(a, b);

    for (const d of [a, b]) {
      const rows = (await readAnnotations(d.db)).rows.sort((x, y) => x.docId.localeCompare(y.docId));
      expect(rows.map((r) => [r.docId, r.tags.join(','), r.note])).toEqual([
        ['doc-1', 'Minsk', 'Checked on B (doc-1).'],
        ['doc-2', '', 'Checked on B (doc-2).'],
        ['doc-3', 'draft', ''],
      ]);
    }
  });
});
