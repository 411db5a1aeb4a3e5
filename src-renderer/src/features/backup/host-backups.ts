/**
 * Automatic backups through the contract (backupWrite / backupList /
 * backupRead): the AutoBackupSource the Backup panel lists and restores
 * from, the daily automatic backup (autoBackupDue: at most once a day, only
 * when there are notes to keep), and the backup the Electron host asks for
 * before quitting (`backup-before-quit`). A host that answers `unsupported`
 * simply has no automatic backups: the panel hides the list.
 */
import { useEffect, useState } from 'react';
import type { ApiClient, BackupReason } from '../../../../src-main/shared/contract';
import { ok, type Result } from '../../../../src-main/shared/result';
import type { NotesDatabase } from '../../db/database';
import { autoBackupDue } from '../../../../src-main/shared/notes/backup/auto-backup-policy';
import type { AutoBackupSource } from './backup-host';
import { createBackupText, currentContents } from '../../db/backup-db';
import { hasNotes } from '../../../../src-main/shared/notes/backup/backup-format';

type BackupClient = Pick<ApiClient, 'backupList' | 'backupRead' | 'backupWrite'>;

export function contractBackups(client: BackupClient): AutoBackupSource {
  return {
    async list() {
      const r = await client.backupList();
      if (!r.ok) return r;
      return ok(r.value.map((e) => ({ name: e.name, createdAt: e.createdAt, counts: e.counts, reason: e.reason })));
    },
    async read(name) {
      const r = await client.backupRead({ name });
      return r.ok ? ok(r.value.text) : r;
    },
    async write(text) {
      const r = await client.backupWrite({ text, reason: 'safety' });
      return r.ok ? ok({ name: r.value.entry.name }) : r;
    },
  };
}

/** The host's backups, or undefined when it has none (answers `unsupported`) — decided once. */
export function useHostBackups(client: BackupClient): AutoBackupSource | undefined {
  const [source, setSource] = useState<AutoBackupSource | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void client.backupList().then((r) => {
      if (live && (r.ok || r.error.code !== 'unsupported')) setSource(contractBackups(client));
    });
    return () => {
      live = false;
    };
  }, [client]);
  return source;
}

/**
 * Write a backup of the notes into the host's folder. Unless `evenIfEmpty`,
 * an empty database writes nothing. The quit backup is always written: the
 * Electron host holds the window until it arrives (bounded, but a wait the
 * person would notice on every quit).
 */
export async function writeHostBackup(
  db: NotesDatabase,
  client: BackupClient,
  appVersion: string,
  reason: BackupReason,
  opts: { evenIfEmpty?: boolean } = {},
): Promise<Result<string | null>> {
  // Reading positions alone are no notes: a backup of nothing else is not worth a place among the 10 kept.
  if (!opts.evenIfEmpty && !hasNotes(await currentContents(db))) return ok(null);
  const made = await createBackupText(db, appVersion);
  if (!made.ok) return made;
  const r = await client.backupWrite({ text: made.value.text, reason });
  return r.ok ? ok(r.value.entry.name) : r;
}

/** An automatic backup now, if the newest automatic one is a day old (or there is none). */
export async function autoBackupIfDue(db: NotesDatabase, client: BackupClient, appVersion: string, now = new Date()): Promise<Result<string | null>> {
  const list = await client.backupList();
  if (!list.ok) return list;
  const automatic = list.value.filter((e) => e.reason === 'auto' || e.reason === 'quit');
  const contents = await currentContents(db);
  if (!autoBackupDue(automatic, now, hasNotes(contents) ? contents.firstAt : null)) return ok(null);
  return writeHostBackup(db, client, appVersion, 'auto');
}
