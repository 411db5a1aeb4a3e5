/**
 * Migration from real databases at schema versions 1, 2 and 3
 * (fixtures/notes-v*.json) to the current version, checked row by row; an
 * interrupted upgrade leaves the old database intact and runs again to
 * completion.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { readAnnotations } from './annotations-store';
import { deleteNotesDatabase, openNotesDatabase, type NotesDatabase } from './database';
import { readDocState } from './doc-state-store';
import fixture from './fixtures/notes-v1.json';
import fixtureV2 from './fixtures/notes-v2.json';
import fixtureV3 from './fixtures/notes-v3.json';
import { createFixtureDatabase, type NotesFixture } from './fixtures/load-fixture';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema';
import { readColors } from './settings-store';
import { readTagUsage } from './tags-store';

const v1 = fixture as unknown as NotesFixture;
const v2 = fixtureV2 as unknown as NotesFixture;
const v3 = fixtureV3 as unknown as NotesFixture;
const names: string[] = [];
const opened: Dexie[] = [];

function dbName(): string {
  const n = `migration-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
}

afterEach(async () => {
  for (const d of opened.splice(0)) d.close();
  for (const n of names.splice(0)) await deleteNotesDatabase(n);
});

async function upgraded(name: string): Promise<NotesDatabase> {
  const db = openNotesDatabase(name);
  opened.push(db);
  await db.open();
  return db;
}

async function checkUpgraded(db: NotesDatabase): Promise<void> {
  expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
  const { rows, invalid } = await readAnnotations(db);
  const byId = new Map(rows.map((r) => [r.id.slice(-2), r]));
  expect(rows).toHaveLength(4);
  // The damaged row is reported, and still stored with its note.
  expect(invalid).toEqual(['annotation "0b6f2a8e-4f0e-4d47-9a59-2f0b1c6a7e05": quote should be an object, not null']);
  expect((await db.annotations.get('0b6f2a8e-4f0e-4d47-9a59-2f0b1c6a7e05'))?.note).toBe('a row damaged beyond repair: no quote');

  // Row 01: padded, case-duplicated tags collapse to one spelling; everything else kept.
  const src = v1.tables.annotations[0] as Record<string, unknown>;
  expect(byId.get('01')).toEqual({ ...src, archiveId: 'bundled', tags: ['CSTO', 'Minsk summit'] });
  // Row 02: emoji and right-to-left text byte for byte.
  expect(byId.get('02')!.note).toBe('Six members 🇦🇲🇧🇾🇰🇿🇰🇬🇷🇺🇹🇯 — and in Hebrew: שלום עולם');
  // Row 03 lacked `modified`: it becomes the creation time. Its note is stored as written (rendering makes it inert).
  expect(byId.get('03')).toMatchObject({ modified: '2024-04-11T09:00:00.000Z', note: expect.stringContaining('<script>') });
  // Row 04 lacked note, tags and context: defaults.
  expect(byId.get('04')).toMatchObject({ note: '', tags: [], quote: { prefix: '', suffix: '' } });

  expect(await readDocState(db, '7e7c3fc6c71971c6')).toEqual({ archiveId: 'bundled', ...(v1.tables.docState[0] as object) });

  // Every tag in use has a row; " members" was normalized and kept its colour.
  const usage = await readTagUsage(db);
  expect(usage.map((u) => [u.name, u.annotations, u.articles, u.color])).toEqual([
    ['Afghanistan', 1, 0, '#868e96'],
    ['CSTO', 1, 0, '#1c7ed6'],
    // The damaged row's tag gets a row too (its annotation is kept, so is its tag).
    ['damaged', 0, 0, '#868e96'],
    ['drugs', 1, 0, '#868e96'],
    ['members', 1, 0, '#2f9e44'],
    ['Minsk summit', 1, 1, '#e8590c'],
    ['summits', 0, 1, '#868e96'],
  ]);
  const tagRows = await db.tags.toArray();
  expect(tagRows.map((t) => t.name).sort()).toEqual(['Afghanistan', 'CSTO', 'Minsk summit', 'damaged', 'drugs', 'members', 'summits']);
  expect((await readColors(db)).map((c) => c.id)).toEqual(['yellow', 'green', 'blue', 'pink', 'purple', 'orange']);
}

describe('schema migrations', () => {
  it('the fixture really is a version-1 database', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v1);
    const raw = new Dexie(name);
    opened.push(raw);
    await raw.open();
    expect(raw.verno).toBe(1);
    expect(raw.tables.map((t) => t.name).sort()).toEqual(['annotations', 'docState', 'tags']);
  });

  it('upgrades version 1 to the current version, row by row', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v1);
    await checkUpgraded(await upgraded(name));
  });

  it('version 4 queues every row that existed before sync, so the first sync carries it', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v1);
    const db = await upgraded(name);
    const expected: string[] = [];
    for (const table of ['annotations', 'articleState', 'tags', 'settings'] as const) {
      for (const key of await db.table(table).toCollection().primaryKeys()) expected.push(`${table}:${typeof key === 'string' ? key : JSON.stringify(key)}`);
    }
    expect(expected.length).toBeGreaterThan(0);
    expect((await db.outbox.toCollection().primaryKeys()).sort()).toEqual(expected.sort());
  });

  it('an upgrade killed halfway leaves version 1 intact, and the next start finishes it', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v1);

    // An app whose upgrade dies after doing part of its work.
    const crashing = new Dexie(name);
    opened.push(crashing);
    crashing.version(1).stores(SCHEMA_VERSIONS[0].stores);
    crashing
      .version(2)
      .stores(SCHEMA_VERSIONS[1].stores)
      .upgrade(async (tx) => {
        await SCHEMA_VERSIONS[1].upgrade!(tx);
        throw new Error('power cut');
      });
    await expect(crashing.open()).rejects.toThrow();
    crashing.close();

    const still = new Dexie(name);
    opened.push(still);
    await still.open();
    expect(still.verno).toBe(1);
    expect(await still.table('annotations').get('0b6f2a8e-4f0e-4d47-9a59-2f0b1c6a7e01')).toMatchObject({
      tags: ['CSTO', ' csto ', 'Minsk summit'],
    });
    still.close();

    await checkUpgraded(await upgraded(name));
  });

  it('running the version-2 upgrade again over its own result changes nothing', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v1);
    // Declared up to version 2, the version whose upgrade is run again (version 3 drops its docState table).
    const db = openNotesDatabase(name, 2);
    opened.push(db);
    await db.open();
    const all = async () => ({ a: await db.table('annotations').toArray(), d: await db.table('docState').toArray(), t: await db.tags.toArray() });
    const before = await all();
    await db.transaction('rw', ['annotations', 'docState', 'tags'], (tx) => SCHEMA_VERSIONS[1].upgrade!(tx));
    expect(await all()).toEqual(before);
  });
});

describe('version 2 to 3: every note names its archive', () => {
  it('the fixture really is a version-2 database', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v2);
    const raw = new Dexie(name);
    opened.push(raw);
    await raw.open();
    expect(raw.verno).toBe(2);
    expect(raw.tables.map((t) => t.name).sort()).toEqual(['annotations', 'docState', 'settings', 'tags']);
  });

  it('moves every row to the bundled archive, keeps every field and key, and drops the old table', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v2);
    const db = await upgraded(name);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['annotations', 'articleState', 'outbox', 'settings', 'tagRenames', 'tags']);
    // Raw rows: the fixture's rows, each with archiveId "bundled", nothing else changed (ids unchanged: sync keys).
    const annotations = await db.annotations.toArray();
    expect(annotations).toEqual(v2.tables.annotations.map((r) => ({ ...(r as object), archiveId: 'bundled' })));
    expect(await db.articleState.toArray()).toEqual(v2.tables.docState.map((r) => ({ ...(r as object), archiveId: 'bundled' })));
    expect(await db.articleState.get(['bundled', '7e7c3fc6c71971c6'])).toMatchObject({ readAt: '2025-03-02T08:40:00.000Z', starred: true });

    // Read through the stores: the bundled archive sees them all (the damaged one reported, kept); another archive none.
    const read = await readAnnotations(db);
    expect(read.rows.map((r) => r.id.slice(-2))).toEqual(['01', '02']);
    expect(read.invalid).toEqual(['annotation "5d0c1f7e-2a1b-4c3d-8e9f-0a1b2c3d4e03": quote should be an object, not null']);
    expect((await readAnnotations(db, 'dd9f77a6c879bfad')).rows[0].note).toBe('Сравни с 2019 годом 🚆');
    expect(await readDocState(db, 'dd9f77a6c879bfad')).toMatchObject({ archiveId: 'bundled', readingPosition: 0.3 });
    const elsewhere = openNotesDatabase(name, undefined, 'dir-0a1b2c3d');
    opened.push(elsewhere);
    expect((await readAnnotations(elsewhere)).rows).toEqual([]);
    expect(await readDocState(elsewhere, '7e7c3fc6c71971c6')).toMatchObject({ archiveId: 'dir-0a1b2c3d', note: '', starred: false });
    expect((await readColors(db)).find((c) => c.id === 'green')?.label).toBe('Evidence');
  });

  it('an upgrade killed halfway leaves version 2 intact, and the next start finishes it', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v2);
    const crashing = new Dexie(name);
    opened.push(crashing);
    crashing.version(1).stores(SCHEMA_VERSIONS[0].stores);
    crashing.version(2).stores(SCHEMA_VERSIONS[1].stores).upgrade(SCHEMA_VERSIONS[1].upgrade!);
    crashing
      .version(3)
      .stores(SCHEMA_VERSIONS[2].stores)
      .upgrade(async (tx) => {
        await SCHEMA_VERSIONS[2].upgrade!(tx);
        throw new Error('power cut');
      });
    await expect(crashing.open()).rejects.toThrow();
    crashing.close();
    const still = new Dexie(name);
    opened.push(still);
    await still.open();
    expect(still.verno).toBe(2);
    expect(await still.table('docState').count()).toBe(2);
    expect((await still.table('annotations').toArray()).every((r: { archiveId?: string }) => r.archiveId === undefined)).toBe(true);
    still.close();

    // The next start runs the whole upgrade again, from version 2's rows, to the same result.
    const db = await upgraded(name);
    expect(await db.annotations.toArray()).toEqual(v2.tables.annotations.map((r) => ({ ...(r as object), archiveId: 'bundled' })));
    expect(await db.articleState.toArray()).toEqual(v2.tables.docState.map((r) => ({ ...(r as object), archiveId: 'bundled' })));
  });
});

describe('version 3 to today: sync comes to a database with notes', () => {
  it('the fixture really is a version-3 database', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v3);
    const raw = new Dexie(name);
    opened.push(raw);
    await raw.open();
    expect(raw.verno).toBe(3);
    expect(raw.tables.map((t) => t.name).sort()).toEqual(['annotations', 'articleState', 'settings', 'tags']);
  });

  it('keeps every row as it was, queues each one for the first sync, and starts with no tag renames', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v3);
    const db = await upgraded(name);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    // Every row byte for byte, the damaged highlight and the other archive's rows included.
    expect(await db.annotations.toArray()).toEqual(v3.tables.annotations);
    expect(await db.articleState.toArray()).toEqual(v3.tables.articleState);
    expect(await db.tags.toArray()).toEqual(v3.tables.tags);
    expect(await db.settings.toArray()).toEqual(v3.tables.settings);
    expect(await db.tagRenames.count()).toBe(0);
    // The outbox: one entry per row of every table that synced at version 4, keyed as the sync documents are.
    const rowIds = [
      ...v3.tables.annotations.map((r) => `annotations:${(r as { id: string }).id}`),
      ...v3.tables.articleState.map((r) => {
        const { archiveId, docId } = r as { archiveId: string; docId: string };
        return `articleState:${JSON.stringify([archiveId, docId])}`;
      }),
      ...v3.tables.tags.map((r) => `tags:${(r as { name: string }).name}`),
      ...v3.tables.settings.map((r) => `settings:${(r as { key: string }).key}`),
    ];
    expect((await db.outbox.toCollection().primaryKeys()).sort()).toEqual(rowIds.sort());
    // Opened again (the next start), nothing is queued twice and nothing moves.
    db.close();
    const again = await upgraded(name);
    expect(await again.outbox.count()).toBe(rowIds.length);
    expect(await again.annotations.toArray()).toEqual(v3.tables.annotations);
  });
});
