/**
 * Turns storage failures into state the UI shows, instead of crashes or
 * silent loss. Every store write goes through `guardedWrite`: it answers a
 * Result (errors as data, like the API contract), and the latest failure is
 * published here so a banner can say "not saved: the disk is full" while the
 * editor keeps the person's unsaved text. A later successful write clears it.
 */
import { err, ok, type Result } from '../../../src-main/shared/result';

export interface WriteStatus {
  /** Message for the person, or null when the last write went through. */
  error: string | null;
  /** ISO time of the failure. */
  at: string | null;
}

let status: WriteStatus = { error: null, at: null };
const listeners = new Set<() => void>();

function publish(next: WriteStatus): void {
  if (next.error === status.error && next.at === status.at) return;
  status = next;
  for (const l of listeners) l();
}

export function getWriteStatus(): WriteStatus {
  return status;
}

export function subscribeWriteStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function clearWriteStatus(): void {
  publish({ error: null, at: null });
}

function errorNames(e: unknown): string[] {
  const names: string[] = [];
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const c = cur as { name?: unknown; inner?: unknown; failures?: unknown[] };
    if (typeof c.name === 'string') names.push(c.name);
    if (Array.isArray(c.failures)) for (const f of c.failures) names.push(...errorNames(f));
    cur = c.inner;
  }
  return names;
}

/** A sentence for the person about a storage failure. */
export function storageErrorMessage(e: unknown): string {
  const names = errorNames(e);
  if (names.includes('QuotaExceededError')) {
    return 'Not saved: the disk is full or the storage quota is used up. Free some space; your text is kept here until it saves.';
  }
  if (names.includes('InvalidStateError') || names.includes('DatabaseClosedError') || names.includes('OpenFailedError')) {
    return 'Not saved: the notes database could not be opened. Your text is kept here; try again or restart the app.';
  }
  const detail = e instanceof Error ? e.message : String(e);
  return `Not saved: ${detail || 'storage error'}. Your text is kept here.`;
}

/**
 * Run one write. A thrown error becomes an 'io' Result and a visible status;
 * a Result the write itself returns (e.g. not-found) passes through.
 */
export async function guardedWrite<T>(write: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const result = await write();
    if (result.ok) clearWriteStatus();
    return result;
  } catch (e) {
    const message = storageErrorMessage(e);
    publish({ error: message, at: new Date().toISOString() });
    return err('io', message);
  }
}

export { ok, err };
