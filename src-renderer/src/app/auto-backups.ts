/**
 * Automatic backups while the app runs: shortly after start and then every
 * hour, a backup into the host's data folder if the newest automatic one is a
 * day old (at most daily); and the backup the Electron host asks for before
 * quitting (`backup-before-quit`). Hosts without backups answer `unsupported`
 * and nothing happens.
 */
import { useEffect } from 'react';
import type { CommandMessage } from '../../../src-main/shared/commands';
import { useNotesDb } from '../db';
import { useApi } from '../platform/api-context';
import { useArchiveStatus } from '../platform/archive-status';
import { COMMAND_EVENT } from './host-commands';

// The backup code (backup format, restore plan) is not needed for the first page: loaded when first used.
const backups = () => import('../features/backup');

const FIRST_CHECK_MS = 5_000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export function useAutoBackups(): void {
  const db = useNotesDb();
  const api = useApi();
  const version = useArchiveStatus().info?.version;

  useEffect(() => {
    if (version === undefined) return;
    const check = () => void backups().then((b) => b.autoBackupIfDue(db, api, version)).catch(() => undefined);
    const first = setTimeout(check, FIRST_CHECK_MS);
    const every = setInterval(check, CHECK_EVERY_MS);
    const onCommand = (e: Event) => {
      if ((e as CustomEvent<CommandMessage>).detail?.command === 'backup-before-quit') {
        void backups().then((b) => b.writeHostBackup(db, api, version, 'quit', { evenIfEmpty: true })).catch(() => undefined);
      }
    };
    window.addEventListener(COMMAND_EVENT, onCommand);
    return () => {
      clearTimeout(first);
      clearInterval(every);
      window.removeEventListener(COMMAND_EVENT, onCommand);
    };
  }, [db, api, version]);
}
