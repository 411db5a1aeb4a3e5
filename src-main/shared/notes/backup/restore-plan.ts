/**
 * What a restore will do, decided before anything is written, so the dialog can
 * show it and the db module can write it in one transaction.
 *
 * - replace: the database becomes exactly the backup (every table cleared, then
 *   the backup's rows put).
 * - merge: nothing is deleted. A backup row whose key is new is added; for a row
 *   both sides have, the newer `modified` wins (annotations, article state);
 *   tags and settings that exist keep the person's current values.
 */
import { PRIMARY_KEY, TABLE_NAMES, emptySnapshot, type Snapshot, type TableName } from './backup-format';

export type RestoreMode = 'merge' | 'replace';

export interface TableChange {
  added: number;
  updated: number;
  unchanged: number;
  /** Rows the database has that will be gone afterwards (replace only). */
  removed: number;
  /** Backup rows not written because the database's row is newer (merge only). */
  keptCurrent: number;
}

export interface RestorePlan {
  mode: RestoreMode;
  /** Clear every table before putting (replace). */
  clearFirst: boolean;
  /** Rows to put (insert or overwrite by primary key). */
  put: Snapshot;
  changes: Record<TableName, TableChange>;
}

const zero = (): TableChange => ({ added: 0, updated: 0, unchanged: 0, removed: 0, keptCurrent: 0 });

/** Rows compare equal when their canonical JSON is the same. */
function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON with object keys sorted, so equal data always gives equal text. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(value).sort()) sorted[k] = (value as Record<string, unknown>)[k];
      return sorted;
    }
    return value;
  });
}

function modifiedOf(row: unknown): string | null {
  const m = (row as { modified?: unknown }).modified;
  return typeof m === 'string' ? m : null;
}

export function planRestore(current: Snapshot, incoming: Snapshot, mode: RestoreMode): RestorePlan {
  const put = emptySnapshot();
  const changes = {} as Record<TableName, TableChange>;
  for (const table of TABLE_NAMES) {
    const key = PRIMARY_KEY[table] as (row: unknown) => string;
    const now = new Map<string, unknown>();
    for (const row of current[table]) now.set(key(row), row);
    const c = zero();
    const rows: unknown[] = [];
    const incomingKeys = new Set<string>();
    for (const row of incoming[table]) {
      const k = key(row);
      incomingKeys.add(k);
      const existing = now.get(k);
      if (existing === undefined) {
        c.added++;
        rows.push(row);
      } else if (same(existing, row)) {
        c.unchanged++;
        if (mode === 'replace') rows.push(row);
      } else if (mode === 'replace') {
        c.updated++;
        rows.push(row);
      } else {
        const mine = modifiedOf(existing);
        const theirs = modifiedOf(row);
        if (mine !== null && theirs !== null && Date.parse(theirs) > Date.parse(mine)) {
          c.updated++;
          rows.push(row);
        } else c.keptCurrent++;
      }
    }
    if (mode === 'replace') for (const k of now.keys()) if (!incomingKeys.has(k)) c.removed++;
    (put[table] as unknown[]) = rows;
    changes[table] = c;
  }
  return { mode, clearFirst: mode === 'replace', put, changes };
}

/** Apply a plan to a snapshot in memory: what the database will hold afterwards (tests, previews). */
export function applyPlan(current: Snapshot, plan: RestorePlan): Snapshot {
  const out = emptySnapshot();
  for (const table of TABLE_NAMES) {
    const key = PRIMARY_KEY[table] as (row: unknown) => string;
    const rows = new Map<string, unknown>();
    if (!plan.clearFirst) for (const r of current[table]) rows.set(key(r), r);
    for (const r of plan.put[table]) rows.set(key(r), r);
    (out[table] as unknown[]) = [...rows.values()];
  }
  return out;
}

/**
 * The database as one canonical string: tables in a fixed order, rows sorted by
 * primary key, object keys sorted. Two databases with the same notes give the
 * same string whatever order rows were written in.
 */
export function canonicalSnapshot(s: Snapshot): string {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLE_NAMES) {
    const key = PRIMARY_KEY[table] as (row: unknown) => string;
    tables[table] = [...s[table]].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return canonicalJson(tables);
}

/** SHA-256 (hex) of canonicalSnapshot: the round-trip tests compare this before and after. */
export async function snapshotHash(s: Snapshot): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalSnapshot(s));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
