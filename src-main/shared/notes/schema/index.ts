/**
 * The notes' row schemas: one per stored row, one set of limits. Import from
 * here; the row modules say what each row holds.
 */
export * from './limits';
export * from './archive-id';
export * from './colors';
export { describe, isoOr, checkRow, type RowResult, type Restored } from './fields';
export * from './tag-names';
export { tagList, tagName } from './tag-list';
export * from './annotation-row';
export * from './doc-state-row';
export * from './tag-row';
export * from './setting-row';
export * from './tag-rename-row';

/** Restore many rows; the bad ones are listed with their reason, never thrown away. */
export function restoreAll<T>(rows: unknown[], restore: (raw: unknown) => { ok: true; value: T } | { ok: false; reason: string }): { rows: T[]; invalid: string[] } {
  const out: T[] = [];
  const invalid: string[] = [];
  for (const raw of rows) {
    const r = restore(raw);
    if (r.ok) out.push(r.value);
    else invalid.push(r.reason);
  }
  return { rows: out, invalid };
}
