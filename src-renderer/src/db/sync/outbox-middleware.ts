/**
 * The outbox, written inside every write transaction of a synced table. A
 * Dexie DBCore middleware, so no store has to remember it: every readwrite
 * transaction that touches a synced table also takes the outbox, and each
 * put, add or delete of a synced row puts `<table>:<key>` into it in the same
 * transaction. The row and its outbox entry are saved together or not at all,
 * so a change can never be made without being queued for sync (crash safety
 * rests on this). Writes that come *from* sync are marked (`markFromSync`)
 * and queue nothing, or every received change would be sent back.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { OUTBOX_TABLE, isSyncedTable, outboxEntry, type OutboxEntry } from './synced-tables';

const FROM_SYNC = Symbol('archive-reader:from-sync');

/** Mark a Dexie transaction (its `idbtrans`) as applying changes received from sync. */
export function markFromSync(idbtrans: unknown): void {
  (idbtrans as Record<symbol, boolean>)[FROM_SYNC] = true;
}

function fromSync(trans: DBCoreTransaction): boolean {
  const t = trans as unknown as Record<symbol, boolean> & { mode?: string };
  // A schema upgrade queues its rows itself (schema.ts, version 3); older upgrades run before the outbox exists.
  return t[FROM_SYNC] === true || t.mode === 'versionchange';
}

/** Keys a put, add or delete names; null for a range delete, whose keys must be looked up. */
function namedKeys(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] | null {
  switch (req.type) {
    case 'add':
    case 'put': {
      if (req.keys) return req.keys;
      const extract = table.schema.primaryKey.extractKey;
      return extract ? req.values.map((v) => extract(v)) : [];
    }
    case 'delete':
      return req.keys;
    case 'deleteRange':
      return null;
  }
}

export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'sync-outbox',
  // Below Dexie's hooks middleware (level 2): that one needs Dexie's zone, which an await here would lose; only IndexedDB is below us.
  level: 1,
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const needsOutbox = mode === 'readwrite' && stores.some(isSyncedTable) && !stores.includes(OUTBOX_TABLE);
        return down.transaction(needsOutbox ? [...stores, OUTBOX_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!isSyncedTable(name)) return table;
        return {
          ...table,
          // No await in here: Dexie's middlewares above keep their transaction zone only through promise chains.
          mutate(req) {
            if (fromSync(req.trans)) return table.mutate(req);
            const queue = (keys: unknown[], result: DBCoreMutateResponse) => {
              const failed = new Set(Object.keys(result.failures ?? {}).map(Number));
              const values: OutboxEntry[] = keys
                .filter((k, i) => k !== undefined && !failed.has(i))
                .map((k) => outboxEntry(name, k as OutboxEntry['key']));
              if (values.length === 0) return result;
              return down.table(OUTBOX_TABLE).mutate({ type: 'put', trans: req.trans, values }).then(() => result);
            };
            const keys = namedKeys(table, req);
            if (keys) return table.mutate(req).then((result) => queue(keys, result));
            const range = req as Extract<DBCoreMutateRequest, { type: 'deleteRange' }>;
            return table
              .query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: range.range } })
              .then((found) => table.mutate(req).then((result) => queue(found.result, result)));
          },
        };
      },
    };
  },
};
