/**
 * Migration from a real schema-version-1 database (fixtures/notes-v1.json) to
 * the current version, checked row by row; an interrupted upgrade leaves the
 * old database intact and runs again to completion.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { readAnnotations } from './annotations-store';
import { deleteNotesDatabase, openNotesDatabase, type NotesDatabase } from './database';
import { readDocState } from './doc-state-store';
import fixture from './fixtures/notes-v1.json';
import { createFixtureDatabase, type NotesFixture } from './fixtures/load-fixture';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema';
import { readColors } from './settings-store';
import { readTagUsage } from './tags-store';

const v1 = fixture as unknown as NotesFixture;
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
  expect(byId.get('01')).toEqual({ ...src, tags: ['CSTO', 'Minsk summit'] });
  // Row 02: emoji and right-to-left text byte for byte.
  expect(byId.get('02')!.note).toBe('Six members 🇦🇲🇧🇾🇰🇿🇰🇬🇷🇺🇹🇯 — and in Hebrew: שלום עולם');
  // Row 03 lacked `modified`: it becomes the creation time. Its note is stored as written (rendering makes it inert).
  expect(byId.get('03')).toMatchObject({ modified: '2024-04-11T09:00:00.000Z', note: expect.stringContaining('<script>') });
  // Row 04 lacked note, tags and context: defaults.
  expect(byId.get('04')).toMatchObject({ note: '', tags: [], quote: { prefix: '', suffix: '' } });

  expect(await readDocState(db, '7e7c3fc6c71971c6')).toEqual(v1.tables.docState[0]);

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

  it('version 3 queues every row that existed before sync, so the first sync carries it', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v1);
    const db = await upgraded(name);
    const expected: string[] = [];
    for (const table of ['annotations', 'docState', 'tags', 'settings'] as const) {
      for (const key of (await db.table(table).toCollection().primaryKeys()) as string[]) expected.push(`${table}:${key}`);
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

  it('running the upgrade again over upgraded data changes nothing', async () => {
    const name = dbName();
    await createFixtureDatabase(name, v1);
    const db = await upgraded(name);
    const before = { a: await db.annotations.toArray(), d: await db.docState.toArray(), t: await db.tags.toArray() };
    await db.transaction('rw', db.annotations, db.docState, db.tags, (tx) => SCHEMA_VERSIONS[1].upgrade!(tx));
    expect({ a: await db.annotations.toArray(), d: await db.docState.toArray(), t: await db.tags.toArray() }).toEqual(before);
  });
});
