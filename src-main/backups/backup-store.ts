/**
 * Backups in the app's data folder (Electron: <userData>/backups; the web host:
 * <--data>/backups), shared by both hosts. Plain Node, no electron import.
 *
 * The notes database lives in the renderer; the renderer makes the backup text
 * (createBackupText) and hands it over. This module is the host's half:
 *  - it checks the text really is a backup of our format, every row, with the
 *    same parser a restore uses (shared/notes/backup/backup-parse.ts), so a broken
 *    file can never take the place of a good one;
 *  - it writes atomically (temporary file, fsync, rename, fsync of the folder):
 *    a crash or a full disk leaves either the old set of files or the new one,
 *    never a half-written backup under a real name;
 *  - it keeps the last AUTO_BACKUPS_KEPT automatic backups ('auto' and 'quit')
 *    and, separately, the last AUTO_BACKUPS_KEPT safety backups (taken before
 *    a restore), by the renderer's pure policy (backupsToPrune); 'manual' ones
 *    are never removed, nor is the newest backup that holds any annotation (so
 *    backups of a database emptied by mistake cannot push out the last notes);
 *  - names are ours and strictly checked on the way back in (backupRead), so
 *    no name can reach outside the folder.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir, readFile, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIoError, writeFileSafely } from '../archive/store/safe-output';
import type { BackupCounts, BackupEntry, BackupReadResponse, BackupReason, BackupWriteRequest, BackupWriteResponse } from '../shared/contract';
import { err, ok, type Result } from '../shared/result';
import { MAX_BACKUP_CHARS, parseBackup } from '../shared/notes/backup/backup-parse';
import { AUTO_BACKUPS_KEPT, autoBackupDue, backupsToPrune } from '../shared/notes/backup/auto-backup-policy';

export const BACKUP_FOLDER = 'backups';
export const BACKUP_REASONS: readonly BackupReason[] = ['auto', 'quit', 'manual', 'safety'];
/** The automatic ones: pruned together to the last AUTO_BACKUPS_KEPT. */
export const AUTOMATIC_REASONS: readonly BackupReason[] = ['auto', 'quit'];
/** Largest backup the host stores (UTF-16 code units): far above 10,000 notes. */
export const MAX_BACKUP_TEXT_CHARS = MAX_BACKUP_CHARS;
/** The same number as a limit in UTF-8 bytes (each code unit is at least one byte): request bodies are capped from it. */
export const MAX_BACKUP_BYTES = MAX_BACKUP_CHARS;

/** archive-reader-backup-<reason>-2026-11-23T06-11-34-123Z[-2].json */
const NAME_RE = /^archive-reader-backup-(auto|quit|manual|safety)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d{1,3}))?\.json$/;

export function isBackupName(name: string): boolean {
  return name.length <= 100 && NAME_RE.test(name);
}

function reasonOf(name: string): BackupReason {
  return NAME_RE.exec(name)![1] as BackupReason;
}

/** The file name for a backup written at `at`, with a counter when that name is taken. */
export function backupName(reason: BackupReason, at: Date, n = 0): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `archive-reader-backup-${reason}-${stamp}${n > 0 ? `-${n}` : ''}.json`;
}

/** The header (createdAt, counts) of a backup text, read from its beginning when it was written by createBackup. */
export function readHeader(text: string): { createdAt: string; counts: BackupCounts } | null {
  const fromHead = (): unknown => {
    const at = text.slice(0, 64 * 1024).search(/,\s*"tables"\s*:/);
    if (at < 0) return null;
    try {
      return JSON.parse(`${text.slice(0, at)}}`);
    } catch {
      return null;
    }
  };
  const fromAll = (): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  };
  for (const parse of [fromHead, fromAll]) {
    const v = parse() as { createdAt?: unknown; counts?: Record<string, unknown> } | null;
    const c = v?.counts;
    if (v && typeof v.createdAt === 'string' && c && ['annotations', 'docState', 'tags', 'settings'].every((k) => Number.isInteger(c[k]))) {
      return {
        createdAt: v.createdAt,
        counts: { annotations: c.annotations as number, docState: c.docState as number, tags: c.tags as number, settings: c.settings as number },
      };
    }
  }
  return null;
}

const HEAD_BYTES = 64 * 1024;

/** The header of the backup file at `file`, from its first 64 KB (a file written by createBackup); else from the whole file. */
async function readHeaderOf(file: string): Promise<{ createdAt: string; counts: BackupCounts } | null> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    const head = readHeader(buf.toString('utf8', 0, bytesRead));
    if (head || bytesRead < HEAD_BYTES) return head;
  } finally {
    await fh.close();
  }
  return readHeader(await readFile(file, 'utf8')); // not written by createBackup: the slow way, once (cached)
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface BackupStoreOptions {
  /** The clock used for file names (tests pass a fixed one). */
  now?: () => Date;
  log?: (message: string) => void;
}

export class BackupStore {
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Headers read or being read, by name + size + mtime (backups never change once written):
   * concurrent list() calls share one read per file, and only its first 64 KB are read.
   */
  private headers = new Map<string, Promise<{ createdAt: string; counts: BackupCounts } | null>>();
  private readonly now: () => Date;
  private readonly log: (message: string) => void;

  /** `dir` is the backups folder itself (created on first write). */
  constructor(
    readonly dir: string,
    options: BackupStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((m) => console.warn(m));
  }

  /** One write at a time, so names and pruning never race. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  write(req: BackupWriteRequest): Promise<Result<BackupWriteResponse>> {
    return this.serial(() => this.writeNow(req));
  }

  private async writeNow({ text, reason }: BackupWriteRequest): Promise<Result<BackupWriteResponse>> {
    if (text.length > MAX_BACKUP_TEXT_CHARS || Buffer.byteLength(text, 'utf8') > MAX_BACKUP_BYTES) {
      return err('too-large', `The backup is ${Buffer.byteLength(text, 'utf8')} bytes; the limit is ${MAX_BACKUP_BYTES} bytes.`);
    }
    const parsed = parseBackup(text, { maxChars: MAX_BACKUP_TEXT_CHARS });
    if (!parsed.ok) return err('invalid-argument', `Not saved as a backup: ${parsed.message}`);
    const { createdAt, counts } = parsed.preview;

    let name = '';
    try {
      await mkdir(this.dir, { recursive: true });
      const taken = new Set(await readdir(this.dir));
      const at = this.now();
      for (let n = 0; n < 1000 && (name === '' || taken.has(name)); n++) name = backupName(reason, at, n);
      // The one output module (archive/store/safe-output.ts): a new file only, temporary file
      // synced then linked into place, removed on any failure (a full disk included).
      await writeFileSafely(join(this.dir, name), text, { mode: 0o600 });
      await this.syncDir();
    } catch (e) {
      return err('io', `The backup could not be written to ${this.dir}: ${describeIoError(e)}`);
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    const entry: BackupEntry = { name, createdAt, reason, bytes, counts };
    const pruned = await this.prune(reason);
    return ok({ entry, pruned });
  }

  /** Make the rename itself durable (a no-op where folders cannot be opened, as on Windows). */
  private async syncDir(): Promise<void> {
    let handle;
    try {
      handle = await open(this.dir, 'r');
      await handle.sync();
    } catch {
      // Not supported on this platform: the rename is still atomic.
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  private async prune(reason: BackupReason): Promise<string[]> {
    const group = AUTOMATIC_REASONS.includes(reason) ? AUTOMATIC_REASONS : reason === 'safety' ? ['safety'] : null;
    if (!group) return [];
    const listed = await this.list();
    if (!listed.ok) return [];
    const members = listed.value.filter((e) => group.includes(e.reason));
    // The newest backup that holds any annotation is never pruned: ten days of backups of an
    // emptied database (everything deleted by mistake) must not push out the last real notes.
    const lastWithNotes = members.find((e) => e.counts.annotations > 0);
    const doomed = backupsToPrune(members, AUTO_BACKUPS_KEPT).filter((e) => e !== lastWithNotes);
    const removed: string[] = [];
    for (const e of doomed) {
      try {
        await rm(join(this.dir, e.name));
        removed.push(e.name);
      } catch (x) {
        this.log(`archive-reader: old backup ${e.name} could not be removed: ${message(x)}`);
      }
    }
    return removed;
  }

  /** Every backup in the folder, newest first; files that are not ours are ignored. */
  async list(): Promise<Result<BackupEntry[]>> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter(isBackupName);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok([]);
      return err('io', `The backups folder ${this.dir} could not be read: ${message(e)}`);
    }
    const entries: BackupEntry[] = [];
    for (const name of names) {
      try {
        // lstat: a link in the folder (to a file elsewhere) is not a backup of ours; only our own files are read.
        const info = await lstat(join(this.dir, name));
        if (!info.isFile()) continue;
        const key = `${name}:${info.size}:${info.mtimeMs}`;
        let pending = this.headers.get(key);
        if (!pending) {
          pending = readHeaderOf(join(this.dir, name));
          this.headers.set(key, pending);
          pending.catch(() => this.headers.delete(key)); // a failed read is tried again next time
        }
        const header = await pending;
        if (!header) continue; // Damaged (not written by us, or cut off by something else): not offered for restore.
        entries.push({ name, createdAt: header.createdAt, reason: reasonOf(name), bytes: info.size, counts: header.counts });
      } catch (e) {
        this.log(`archive-reader: backup ${name} could not be read: ${message(e)}`);
      }
    }
    for (const key of this.headers.keys()) if (!names.includes(key.slice(0, key.indexOf(':')))) this.headers.delete(key); // removed files
    return ok(entries.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.name < b.name ? 1 : -1)));
  }

  async read(name: string): Promise<Result<BackupReadResponse>> {
    if (!isBackupName(name)) return err('invalid-argument', `"${name.slice(0, 80)}" is not the name of a backup.`);
    try {
      // O_NOFOLLOW: a link put in the folder under a backup's name is not followed out of it.
      const fh = await open(join(this.dir, name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      try {
        if (!(await fh.stat()).isFile()) return err('invalid-argument', `${name} is not a backup file.`);
        return ok({ name, text: await fh.readFile('utf8') });
      } finally {
        await fh.close();
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return err('not-found', `There is no backup named ${name}.`);
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') return err('invalid-argument', `${name} is a link, not a backup file; it is not followed.`);
      return err('io', `The backup ${name} could not be read: ${message(e)}`);
    }
  }

  /** True when no automatic backup exists or the newest is a day old (the renderer's rule). */
  async automaticBackupDue(now: Date = this.now()): Promise<boolean> {
    const listed = await this.list();
    if (!listed.ok) return true;
    return autoBackupDue(listed.value.filter((e) => AUTOMATIC_REASONS.includes(e.reason)), now);
  }
}
