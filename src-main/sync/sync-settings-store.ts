/**
 * Where a host keeps Settings > Sync: one JSON file in the host's data folder,
 * written atomically with mode 0600 (only this user can read it), because it
 * holds the server password and the end-to-end encryption passphrase, and the
 * page must never store them (page storage is readable by any script that
 * ever runs in the page). The renderer only learns whether a password is
 * set; the passphrase it asks for (syncPassphrase) and holds in memory only,
 * because it seals rows itself. A host with a system keychain passes a
 * SecretBox (Electron: safeStorage, src-main/electron/sync-secrets.ts), and
 * the two secrets are then stored sealed by it, so the file alone reveals
 * neither.
 *
 * A damaged file is named in the error and left in place, never overwritten
 * until the person saves new settings.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import type { SyncPassphrase, SyncSettings } from '../shared/contract';
import { err, ok, type Result } from '../shared/result';

export const SYNC_SETTINGS_FILE = 'sync.json';

const stored = v.object({
  serverUrl: v.string(),
  user: v.string(),
  password: v.string(),
  /** '' for none; files written before encryption existed have no field. */
  passphrase: v.optional(v.string(), ''),
  enabled: v.boolean(),
  /** How password and passphrase are stored: as typed (mode 0600), or sealed by the host's SecretBox. */
  secrets: v.optional(v.picklist(['plain', 'sealed']), 'plain'),
});
type Stored = v.InferOutput<typeof stored>;

/** What the proxy needs: where the database is and how to sign in. */
export interface SyncTarget {
  serverUrl: string;
  user: string;
  password: string;
}

/** A system keychain's way to seal a secret into text that only this user on this machine can open. */
export interface SecretBox {
  /** Words naming it in messages, e.g. "the system keychain". */
  name: string;
  seal(text: string): string;
  /** Throws when `sealed` cannot be opened (another machine or user, a reset keychain). */
  open(sealed: string): string;
}

const EMPTY: Stored = { serverUrl: '', user: '', password: '', passphrase: '', enabled: false, secrets: 'plain' };

export class SyncSettingsStore {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly box: SecretBox | null = null,
  ) {
    this.file = join(dataDir, SYNC_SETTINGS_FILE);
  }

  /** The stored settings with both secrets readable, or why they are not. */
  private async read(): Promise<Result<Stored>> {
    const r = await this.readFile();
    if (!r.ok || r.value.secrets === 'plain') return r;
    if (!this.box) return err('internal', `The sync password in ${this.file} was sealed by a system keychain this version cannot use; enter it again in Settings > Sync.`);
    try {
      const open = (text: string) => (text === '' ? '' : this.box!.open(text));
      return ok({ ...r.value, password: open(r.value.password), passphrase: open(r.value.passphrase), secrets: 'plain' });
    } catch (e) {
      return err('internal', `The sync password in ${this.file} cannot be opened by ${this.box.name} (${(e as Error).message}); enter it again in Settings > Sync.`);
    }
  }

  private async readFile(): Promise<Result<Stored>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok(EMPTY);
      return err('internal', `The sync settings (${this.file}) cannot be read: ${(e as Error).message}`);
    }
    try {
      const parsed = v.safeParse(stored, JSON.parse(text));
      if (parsed.success) return ok(parsed.output);
    } catch {
      // fall through to the message below
    }
    return err('internal', `The sync settings file ${this.file} is damaged; save Settings > Sync again to replace it.`);
  }

  async get(): Promise<Result<SyncSettings>> {
    const r = await this.read();
    return r.ok ? ok(publicView(r.value)) : r;
  }

  /** The server and credentials when sync is on, else null. */
  async target(): Promise<SyncTarget | null> {
    const r = await this.read();
    if (!r.ok || !r.value.enabled || !r.value.serverUrl) return null;
    return { serverUrl: r.value.serverUrl, user: r.value.user, password: r.value.password };
  }

  async passphrase(): Promise<Result<SyncPassphrase>> {
    const r = await this.read();
    return r.ok ? ok({ passphrase: r.value.passphrase || null }) : r;
  }

  async set(req: { serverUrl: string; user: string; password?: string; passphrase?: string; enabled: boolean }): Promise<Result<SyncSettings>> {
    const before = await this.read();
    const next: Stored = {
      serverUrl: req.serverUrl,
      user: req.user,
      password: req.password ?? (before.ok ? before.value.password : ''),
      passphrase: req.passphrase ?? (before.ok ? before.value.passphrase : ''),
      enabled: req.enabled && req.serverUrl !== '',
      secrets: 'plain',
    };
    await mkdir(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    const seal = (text: string) => (text === '' || !this.box ? text : this.box.seal(text));
    const onDisk: Stored = { ...next, password: seal(next.password), passphrase: seal(next.passphrase), secrets: this.box ? 'sealed' : 'plain' };
    await writeFile(temp, JSON.stringify(onDisk), { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, this.file);
    return ok(publicView(next));
  }
}

function publicView(s: Stored): SyncSettings {
  return { serverUrl: s.serverUrl, user: s.user, hasPassword: s.password !== '', hasPassphrase: s.passphrase !== '', enabled: s.enabled };
}
