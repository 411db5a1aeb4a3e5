/**
 * The one running sync of this window: started from the host's Settings >
 * Sync when sync is on, restarted when the settings change, and its status
 * published for the status line. The renderer reaches the server through the
 * host's proxy (`<origin>/sync/db`), so this module never sees a password.
 * The encryption passphrase it does ask for (the renderer seals rows itself)
 * and hands to the engine in memory; it is never stored in the page.
 */
import { useSyncExternalStore } from 'react';
import type { ApiClient } from '../../../../src-main/shared/contract';
import type { NotesDatabase } from '../../db';
// Not through db's index: PouchDB loads only where sync runs, never in Node tests of modules that import db,
// and only once sync is on (a dynamic import below: its chunk is a quarter of the renderer's code).
import type { SyncEngine, SyncStatus } from '../../db/sync/sync-engine';

function sayRestored(ids: string[]): void {
  const n = ids.length;
  // The toasts come with the annotations feature, loaded on its own: this module loads right after the first page.
  void import('../annotations').then(({ showToast }) => showToast(
    n === 1
      ? 'A note you deleted here was edited on another device, so it was restored.'
      : `${n} notes you deleted here were edited on another device, so they were restored.`,
  ));
}

const OFF: SyncStatus = { state: 'stopped', pending: 0, lastSync: null, error: null, written: 0 };

let engine: SyncEngine | null = null;
let status: SyncStatus = OFF;
let turn = Promise.resolve();
const listeners = new Set<() => void>();

function publish(next: SyncStatus): void {
  status = next;
  for (const l of listeners) l();
}

/** Start (or stop) sync to match the host's settings. Calls run one after another. */
export function refreshSync(api: ApiClient, db: NotesDatabase): Promise<void> {
  turn = turn.then(async () => {
    if (engine) {
      const old = engine;
      engine = null;
      await old.stop();
      publish(OFF);
    }
    const settings = await api.syncSettingsGet();
    if (!settings.ok || !settings.value.enabled) return;
    let passphrase: string | null = null;
    if (settings.value.hasPassphrase) {
      const secret = await api.syncPassphrase();
      if (!secret.ok) return publish({ ...OFF, state: 'error', error: `Sync could not start: ${secret.error.message}` });
      passphrase = secret.value.passphrase;
    }
    const { SyncEngine } = await import('../../db/sync/sync-engine');
    engine = new SyncEngine(db, { remoteUrl: `${location.origin}/sync/db`, passphrase, onStatus: publish, onRestored: sayRestored });
    await engine.start();
  }).catch((e: unknown) => publish({ ...OFF, state: 'error', error: `Sync could not start: ${String(e)}` }));
  return turn;
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => status,
  );
}
