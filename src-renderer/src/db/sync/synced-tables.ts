/**
 * Which tables sync, and the one mapping between a Dexie row and its sync
 * document. Written generically on purpose: a document's `_id` is
 * `<table>:<Dexie's own primary key>` and it carries every field of the row
 * except the per-machine ones, so a field or table added later (an archive id,
 * a compound key) flows through without a change here. Keys are the same on
 * every device (uuids, document ids, tag names, setting keys): nothing
 * auto-increments in a synced table.
 */

/** The tables whose rows travel between devices. */
export const SYNCED_TABLES = ['annotations', 'articleState', 'tags', 'settings', 'tagRenames'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

export const OUTBOX_TABLE = 'outbox';

/** Fields that stay on the machine that wrote them (none in the rows yet; the window and theme live in localStorage). */
const PER_MACHINE_FIELDS: Readonly<Record<SyncedTable, readonly string[]>> = {
  annotations: [],
  articleState: [],
  tags: [],
  settings: [],
  tagRenames: [],
};

export function isSyncedTable(name: string): name is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(name);
}

/** A row of the outbox: this row changed since it was last copied to the mirror. `stamp` tells a later change apart. */
export interface OutboxEntry {
  id: string;
  table: SyncedTable;
  key: string | number | (string | number)[];
  stamp: string;
}

/** The sync document id of a row: `<table>:<key>`; a compound key is its parts as JSON. */
export function syncDocId(table: string, key: unknown): string {
  return `${table}:${typeof key === 'string' ? key : JSON.stringify(key)}`;
}

export function outboxEntry(table: SyncedTable, key: OutboxEntry['key']): OutboxEntry {
  return { id: syncDocId(table, key), table, key, stamp: crypto.randomUUID() };
}

/** The synced part of a row: every field but the per-machine ones. */
export function syncedFields(table: SyncedTable, row: Record<string, unknown>): Record<string, unknown> {
  const drop = PER_MACHINE_FIELDS[table];
  if (drop.length === 0) return { ...row };
  return Object.fromEntries(Object.entries(row).filter(([k]) => !drop.includes(k)));
}

/** A row as the mirror holds it: the row itself, with the per-machine fields this device has kept out of it. */
export function mergeIncoming(table: SyncedTable, incoming: Record<string, unknown>, local: Record<string, unknown> | undefined): Record<string, unknown> {
  const keep = PER_MACHINE_FIELDS[table];
  if (!local || keep.length === 0) return incoming;
  return { ...incoming, ...Object.fromEntries(keep.filter((k) => k in local).map((k) => [k, local[k]])) };
}

/** Same content, whatever the key order (rows round-trip through JSON on the server). */
export function sameContent(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
