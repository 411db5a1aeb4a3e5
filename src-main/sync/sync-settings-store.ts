/**
 * Where a host keeps Settings > Sync: one JSON file in the host's data folder,
 * written atomically with mode 0600 (only this user can read it), because it
 * holds the server password and the page must never hold it (page storage is
 * readable by any script that ever runs in the page). The renderer only
 * learns whether a password is set. Electron would keep the password with
 * safeStorage instead (not built yet; the Electron host answers `unsupported`).
 *
 * A damaged file is named in the error and left in place, never overwritten
 * until the person saves new settings.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import type { SyncSettings } from '../shared/contract';
import { err, ok, type Result } from '../shared/result';

export const SYNC_SETTINGS_FILE = 'sync.json';

const stored = v.object({
  serverUrl: v.string(),
  user: v.string(),
  password: v.string(),
  enabled: v.boolean(),
});
type Stored = v.InferOutput<typeof stored>;

/** What the proxy needs: where the database is and how to sign in. */
export interface SyncTarget {
  serverUrl: string;
  user: string;
  password: string;
}

const EMPTY: Stored = { serverUrl: '', user: '', password: '', enabled: false };

export class SyncSettingsStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, SYNC_SETTINGS_FILE);
  }

  private async read(): Promise<Result<Stored>> {
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

  async set(req: { serverUrl: string; user: string; password?: string; enabled: boolean }): Promise<Result<SyncSettings>> {
    const before = await this.read();
    const keep = before.ok ? before.value.password : '';
    const next: Stored = { serverUrl: req.serverUrl, user: req.user, password: req.password ?? keep, enabled: req.enabled && req.serverUrl !== '' };
    await mkdir(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(next), { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, this.file);
    return ok(publicView(next));
  }
}

function publicView(s: Stored): SyncSettings {
  return { serverUrl: s.serverUrl, user: s.user, hasPassword: s.password !== '', enabled: s.enabled };
}
