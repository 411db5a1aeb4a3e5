/**
 * The archives a host knows and which one is open. Owns the host's one
 * ArchiveSlot (src-main/ipc/archive-slot.ts), so every handler answers from
 * the archive open now; switching opens the new archive first and closes the
 * old one after. The list lives in `<data>/archives.json` (archive-list.ts);
 * the bundled archive is always there, first, and cannot be renamed or
 * removed. The archive last used opens at start; one that is missing or
 * damaged gives one notice naming it and what to do (re-import it from its
 * source folder, or remove it) and the bundled archive opens instead.
 * Removing deletes only the folder the registry built (`<data>/archives/<id>`,
 * and only when it still holds nothing but an archive of ours); notes live in
 * the renderer and are never touched here.
 */
import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { ArchiveListItem, ArchivesResponse } from '../shared/contract';
import { err, ok, type Result } from '../shared/result';
import { ArchiveSlot, errorText } from '../ipc/archive-slot';
import type { ArchiveService } from '../archive/types';
import { readManifest } from '../archive/store/layout';
import { checkArchiveTarget } from '../archive/store/safe-output';
import {
  archiveDirOf,
  BUNDLED_ID,
  readArchiveList,
  setAsideDamagedList,
  writeArchiveList,
  type ArchiveEntry,
  type ArchiveListFile,
} from './archive-list';

export const BUNDLED_NAME = 'Bundled archive (CSTO news)';

export interface RegistryOptions {
  dataDir: string;
  /** Opens the bundled archive (or the one a host was started with: `--archive`). */
  openBundled: () => Promise<ArchiveService>;
  /** How the bundled archive is named (a host started with --archive names that one). */
  bundledName?: string;
  /** Opens an imported archive's folder. */
  openDir: (dir: string) => Promise<ArchiveService>;
  /** Rebuilds the bundled archive from its pages and opens it; absent where that cannot be done (a packaged app, --archive). */
  rebuildBundled?: () => Promise<ArchiveService>;
  log?: (message: string) => void;
}

export class ArchiveRegistry {
  readonly slot = new ArchiveSlot();
  private list: ArchiveListFile = { format: 1, archives: [] };
  private openNow = BUNDLED_ID;
  /** One message about an archive that could not be opened (shown until the next switch). */
  private notice: string | null = null;
  /** List changes and switches run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The bundled archive is opened once and kept open (switching back to it is instant; a shared test archive is never closed by us). */
  private bundled: Promise<ArchiveService> | null = null;

  constructor(private readonly opts: RegistryOptions) {}

  get dataDir(): string {
    return this.opts.dataDir;
  }

  /** The id of the archive open now ("bundled" for the bundled one): appInfo's archiveId. */
  get openId(): string {
    return this.openNow;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Reads the list and opens the archive last used (the bundled one if that fails). Never rejects. */
  start(): Promise<void> {
    return this.serial(async () => {
      const read = await readArchiveList(this.opts.dataDir);
      this.list = read.list;
      if (read.problem) {
        const aside = await setAsideDamagedList(this.opts.dataDir);
        this.notice = `${read.problem} ${aside ? `It was kept as ${aside}; ` : ''}imported archives must be imported again from their source folders.`;
        this.opts.log?.(this.notice);
      }
      const last = this.list.lastUsed;
      const entry = last ? this.entry(last) : undefined;
      if (entry) await this.switchTo(entry);
      else await this.openBundled();
    });
  }

  private entry(id: string): ArchiveEntry | undefined {
    return this.list.archives.find((a) => a.id === id);
  }

  private async openBundled(): Promise<void> {
    const old = this.openNow === BUNDLED_ID ? null : this.slot.current.service;
    this.openNow = BUNDLED_ID;
    this.bundled ??= this.opts.openBundled();
    const state = await this.slot.load(this.bundled);
    if (state.status === 'error') this.bundled = null; // try again on the next switch
    if (old) await old.close().catch(() => undefined);
  }

  /** Opens `entry`; when it fails, says so once and opens the bundled archive instead. */
  private async switchTo(entry: ArchiveEntry): Promise<boolean> {
    const old = this.slot.current.service;
    const next = new ArchiveSlot();
    const state = await next.load(this.opts.openDir(archiveDirOf(this.opts.dataDir, entry.id)));
    if (state.status !== 'ready') {
      this.notice = `The archive "${entry.name}" could not be opened (${state.message}). Import it again from its source folder (${entry.source}), or remove it; the other archives are usable.`;
      this.opts.log?.(this.notice);
      // The archive open before stays open (at start, none is: the bundled one opens).
      if (this.slot.current.status !== 'ready') await this.openBundled();
      return false;
    }
    const wasBundled = this.openNow === BUNDLED_ID;
    await this.slot.load(Promise.resolve(state.service));
    this.slot.openMs = next.openMs;
    this.openNow = entry.id;
    if (old && !wasBundled) await old.close().catch(() => undefined);
    return true;
  }

  private async remember(): Promise<void> {
    await writeArchiveList(this.opts.dataDir, this.list);
  }

  /** Every archive with whether its folder looks whole (a manifest of ours), the open one marked. */
  async describe(): Promise<ArchivesResponse> {
    const items: ArchiveListItem[] = [
      { id: BUNDLED_ID, name: this.opts.bundledName ?? BUNDLED_NAME, bundled: true, open: this.openNow === BUNDLED_ID, status: 'ok', problem: null, source: null, updatedAt: null },
    ];
    for (const a of this.list.archives) {
      const dir = archiveDirOf(this.opts.dataDir, a.id);
      const manifest = await readManifest(dir);
      const exists = manifest !== null || (await fs.stat(dir).then(() => true, () => false));
      const status = manifest ? 'ok' : exists ? 'damaged' : 'missing';
      const problem =
        status === 'ok' ? null : `${status === 'missing' ? 'Its folder is gone' : 'Its folder is damaged'} (${dir}). Import it again from ${a.source}, or remove it.`;
      items.push({ id: a.id, name: a.name, bundled: false, open: this.openNow === a.id, status, problem, source: a.source, updatedAt: a.updatedAt });
    }
    return { archives: items, openId: this.openNow, notice: this.notice };
  }

  /**
   * The bundled archive could not be opened (damaged): rebuild it from its pages and open it. An imported
   * archive is rebuilt by importing it again (the person's folder, which only they can give again).
   */
  rebuildBundled(): Promise<Result<ArchivesResponse>> {
    return this.serial(async () => {
      const rebuild = this.opts.rebuildBundled;
      if (!rebuild) return err('unsupported', 'This archive cannot be rebuilt by the app. Reinstall the app, or rebuild it with the command the message names.');
      if (this.openNow === BUNDLED_ID && this.slot.current.status === 'ready') return ok(await this.describe());
      const old = this.slot.current.service;
      this.openNow = BUNDLED_ID;
      this.notice = null;
      this.bundled = rebuild();
      const state = await this.slot.load(this.bundled);
      if (old) await old.close().catch(() => undefined);
      if (state.status !== 'ready') {
        this.bundled = null;
        return err('io', state.message ?? 'The archive could not be opened.');
      }
      this.opts.log?.('archive: the bundled archive was rebuilt from its pages');
      return ok(await this.describe());
    });
  }

  /** Switches to archive `id` and remembers it as the one last used. */
  open(id: string): Promise<Result<ArchivesResponse>> {
    return this.serial(async () => {
      if (id === this.openNow && this.slot.current.status === 'ready') return ok(await this.describe());
      this.notice = null;
      if (id === BUNDLED_ID) await this.openBundled();
      else {
        const entry = this.entry(id);
        if (!entry) return err('not-found', `No archive has the id "${id}".`);
        if (!(await this.switchTo(entry))) return err('io', this.notice ?? 'The archive could not be opened.');
      }
      this.list = { ...this.list, lastUsed: id };
      await this.remember();
      return ok(await this.describe());
    });
  }

  rename(id: string, name: string): Promise<Result<ArchivesResponse>> {
    return this.serial(async () => {
      if (id === BUNDLED_ID) return err('invalid-argument', 'The bundled archive cannot be renamed.');
      const entry = this.entry(id);
      if (!entry) return err('not-found', `No archive has the id "${id}".`);
      const clean = name.trim();
      if (!clean) return err('invalid-argument', 'A name cannot be empty.');
      this.list = { ...this.list, archives: this.list.archives.map((a) => (a.id === id ? { ...a, name: clean } : a)) };
      await this.remember();
      return ok(await this.describe());
    });
  }

  /**
   * Takes `id` off the list and deletes the folder the import built, only if it
   * still holds nothing but our archive (anything else there is left, and the
   * answer's notice says where). The open archive is closed first: the bundled
   * one opens instead.
   */
  remove(id: string): Promise<Result<ArchivesResponse>> {
    return this.serial(async () => {
      if (id === BUNDLED_ID) return err('invalid-argument', 'The bundled archive cannot be removed.');
      const entry = this.entry(id);
      if (!entry) return err('not-found', `No archive has the id "${id}".`);
      if (this.openNow === id) await this.openBundled();
      this.list = {
        ...this.list,
        archives: this.list.archives.filter((a) => a.id !== id),
        lastUsed: this.list.lastUsed === id ? BUNDLED_ID : this.list.lastUsed,
      };
      await this.remember();
      const dir = archiveDirOf(this.opts.dataDir, id);
      let left: string | null = null;
      try {
        const state = await checkArchiveTarget(dir, [], async (d) => (await readManifest(d)) !== null);
        if (state !== 'missing') await fs.rm(dir, { recursive: true });
      } catch (e) {
        left = `"${entry.name}" was removed from the list; its folder ${dir} holds files Archive Reader did not make, so it was left as it is (${errorText(e)}).`;
      }
      const answer = await this.describe();
      return ok({ ...answer, notice: left ?? answer.notice });
    });
  }

  /** A new id for an import: never one on the list or with a folder already. */
  async newId(): Promise<string> {
    for (;;) {
      const id = `i-${randomBytes(6).toString('hex')}`;
      const taken = this.entry(id) || (await fs.stat(archiveDirOf(this.opts.dataDir, id)).then(() => true, () => false));
      if (!taken) return id;
    }
  }

  has(id: string): boolean {
    return this.entry(id) !== undefined;
  }

  nameOf(id: string): string | undefined {
    return id === BUNDLED_ID ? (this.opts.bundledName ?? BUNDLED_NAME) : this.entry(id)?.name;
  }

  /**
   * An import finished into `<data>/archives/<id>`: adds it to the list (or
   * marks it updated) and opens it. When `id` is the open archive it is
   * re-opened, so the window sees the new build.
   */
  imported(id: string, name: string, source: string): Promise<void> {
    return this.serial(async () => {
      const now = new Date().toISOString();
      const existing = this.entry(id);
      this.list = existing
        ? { ...this.list, archives: this.list.archives.map((a) => (a.id === id ? { ...a, source, updatedAt: now } : a)) }
        : { ...this.list, archives: [...this.list.archives, { id, name, source, createdAt: now, updatedAt: now }] };
      const entry = this.entry(id)!;
      this.notice = null;
      if (await this.switchTo(entry)) this.list = { ...this.list, lastUsed: id };
      await this.remember();
    });
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.openNow !== BUNDLED_ID) await this.slot.close();
    const bundled = await this.bundled?.catch(() => null);
    await bundled?.close();
  }
}
