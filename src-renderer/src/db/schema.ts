/**
 * Every schema version the notes database has had, oldest first, with the
 * upgrade that carries data from the previous one. Never edit a shipped
 * version: add a new one (and a fixture in fixtures/ for it, so the migration
 * tests start from real data at that version).
 *
 * Upgrades must be idempotent: IndexedDB runs an upgrade inside one
 * versionchange transaction, so a crash rolls it back and it runs again on
 * the next start, possibly over rows it has already seen.
 *
 * Versions:
 *  1  annotations, docState, tags (the first layout).
 *  2  adds `settings` (colour labels); normalizes tag names on annotations and
 *     articles and creates a tag row for every tag in use, so the tag manager
 *     sees every tag.
 *  3  notes carry the archive they were made in (archiveId), because two
 *     archives can share a document id. Annotations gain `archiveId` and an
 *     [archiveId+docId] index (their key, a random UUID, is unchanged).
 *     Article state moves to `articleState`, keyed [archiveId+docId] (IndexedDB
 *     cannot change a table's key in place, so `docState` is copied and then
 *     dropped; Dexie drops removed tables after every upgrade has run). Every
 *     existing row was made in the bundled archive: archiveId "bundled".
 *     Keys are the same on every device (sync relies on it).
 *  4  adds `outbox` (sync): one row per synced row changed since it was last
 *     copied to the sync mirror, keyed `<table>:<key>` so repeated edits of one
 *     row coalesce. The upgrade queues every existing row, so the first sync
 *     carries the notes made before sync existed.
 *  5  adds `tagRenames` (TagRename, by `key`, the old name in lower case):
 *     a rename or merge of a tag, synced, so it reaches rows another device
 *     writes later with the old name (tag-renames.ts). Nothing to carry over:
 *     renames made before this version are already in every row.
 */
import type { Transaction } from 'dexie';
import { BUNDLED_ARCHIVE_ID, DEFAULT_TAG_COLOR, normalizeTags, tagKey } from '../../../src-main/shared/notes/schema';
import { OUTBOX_TABLE, outboxEntry, type OutboxEntry } from './sync/synced-tables';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      annotations: 'id, docId, color, *tags, created, modified',
      docState: 'docId, starred, *tags, modified',
      tags: 'name',
    },
  },
  {
    version: 2,
    stores: {
      annotations: 'id, docId, color, *tags, created, modified',
      docState: 'docId, starred, *tags, modified',
      tags: 'name',
      settings: 'key',
    },
    upgrade: async (tx) => {
      const used = new Map<string, string>();
      const note = (names: string[]) => {
        for (const n of names) if (!used.has(tagKey(n))) used.set(tagKey(n), n);
      };
      await tx
        .table('annotations')
        .toCollection()
        .modify((row: { tags?: unknown }) => {
          row.tags = normalizeTags(row.tags);
          note(row.tags as string[]);
        });
      await tx
        .table('docState')
        .toCollection()
        .modify((row: { tags?: unknown }) => {
          row.tags = normalizeTags(row.tags);
          note(row.tags as string[]);
        });
      // Tag rows themselves: one row per case-insensitive name, normalized.
      const existing = new Set<string>();
      for (const row of (await tx.table('tags').toArray()) as { name: unknown; color?: unknown; created?: unknown }[]) {
        const name = normalizeTags([row.name])[0];
        if (!name || existing.has(tagKey(name))) {
          await tx.table('tags').delete(row.name as string);
          continue;
        }
        existing.add(tagKey(name));
        if (name !== row.name) {
          await tx.table('tags').delete(row.name as string);
          await tx.table('tags').put({ ...row, name });
        }
      }
      const created = new Date().toISOString();
      const missing = [...used.values()].filter((n) => !existing.has(tagKey(n)));
      await tx.table('tags').bulkPut(missing.map((name) => ({ name, color: DEFAULT_TAG_COLOR, created })));
    },
  },
  {
    version: 3,
    stores: {
      annotations: 'id, archiveId, [archiveId+docId], docId, color, *tags, created, modified',
      docState: null,
      articleState: '[archiveId+docId], archiveId, starred, *tags, modified',
      tags: 'name',
      settings: 'key',
    },
    upgrade: async (tx) => {
      // Idempotent: a row that already names its archive keeps it; one that does not was made in the bundled archive.
      await tx
        .table('annotations')
        .toCollection()
        .modify((row: { archiveId?: unknown }) => {
          if (typeof row.archiveId !== 'string' || !row.archiveId) row.archiveId = BUNDLED_ARCHIVE_ID;
        });
      // Rows are copied as stored (restore-on-read still repairs them on every read); docId was the old key,
      // so every row has one.
      const rows = (await tx.table('docState').toArray()) as Record<string, unknown>[];
      const moved = rows.map((row) => ({
        ...row,
        archiveId: typeof row.archiveId === 'string' && row.archiveId ? row.archiveId : BUNDLED_ARCHIVE_ID,
      }));
      await tx.table('articleState').bulkPut(moved);
    },
  },
  {
    version: 4,
    stores: {
      annotations: 'id, archiveId, [archiveId+docId], docId, color, *tags, created, modified',
      articleState: '[archiveId+docId], archiveId, starred, *tags, modified',
      tags: 'name',
      settings: 'key',
      outbox: 'id',
    },
    upgrade: async (tx) => {
      // Put, not add: a rerun after a crash rewrites the same rows.
      // The tables that synced at version 4, spelled out: SYNCED_TABLES grows (tagRenames, version 5), this upgrade must not.
      for (const table of ['annotations', 'articleState', 'tags', 'settings'] as const) {
        const keys = (await tx.table(table).toCollection().primaryKeys()) as OutboxEntry['key'][];
        await tx.table(OUTBOX_TABLE).bulkPut(keys.map((key) => outboxEntry(table, key)));
      }
    },
  },
  {
    version: 5,
    stores: {
      annotations: 'id, archiveId, [archiveId+docId], docId, color, *tags, created, modified',
      articleState: '[archiveId+docId], archiveId, starred, *tags, modified',
      tags: 'name',
      settings: 'key',
      outbox: 'id',
      tagRenames: 'key',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;
