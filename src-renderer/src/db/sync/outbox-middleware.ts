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
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
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

async function changedKeys(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  switch (req.type) {
    case 'add':
    case 'put': {
      if (req.keys) return req.keys;
      const extract = table.schema.primaryKey.extractKey;
      return extract ? req.values.map((v) => extract(v)) : [];
    }
    case 'delete':
      return req.keys;
    case 'deleteRange': {
      const found = await table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } });
      return found.result;
    }
  }
}

export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'sync-outbox',
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
          async mutate(req) {
            if (fromSync(req.trans)) return table.mutate(req);
            const keys = await changedKeys(table, req);
            const result = await table.mutate(req);
            const failed = new Set(Object.keys(result.failures ?? {}).map(Number));
            const values: OutboxEntry[] = keys
              .filter((k, i) => k !== undefined && !failed.has(i))
              .map((k) => outboxEntry(name, k as OutboxEntry['key']));
            if (values.length > 0) await down.table(OUTBOX_TABLE).mutate({ type: 'put', trans: req.trans, values });
            return result;
          },
        };
      },
    };
  },
};
