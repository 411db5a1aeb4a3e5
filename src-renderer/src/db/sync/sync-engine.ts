/**
 * Runs sync for one notes database: the mirror (mirror.ts), the outbox pump,
 * the changes feed back into Dexie, and PouchDB's replication both ways with
 * the person's server, plus the status line Settings > Sync shows.
 *
 * Replication runs live without PouchDB's own retry, so failures are ours to
 * pace: an unreachable server is tried again every `retryMs` (the app keeps
 * working; changes wait in the outbox and the mirror and count as pending), a
 * refused password no faster than every `authRetryMs` (30 s), so a wrong
 * password never hammers the server or locks the account.
 *
 * Before anything moves, the engine agrees with the server on encryption
 * (sync-encryption.ts): with a passphrase, rows are sealed on their way into
 * a mirror of their own and opened on their way out; a passphrase that does
 * not match stops sync with a message, and nothing is sent or written.
 *
 * "N pending" counts what the server does not have from this device: the
 * outbox, and mirror documents changed since the last complete push that the
 * pump wrote (a pull fills the mirror too, and those are not pending). What
 * changed in the mirror before this session started is of unknown origin and
 * counts unless the pull brought it. The pull's own record of what it wrote
 * comes only after a batch is in the mirror, so a count between the two once
 * read a whole arriving batch as pending; the pump's record has no such gap.
 */
import PouchDB from 'pouchdb-browser';
import { liveQuery, type Subscription } from 'dexie';
import type { NotesDatabase } from '../database';
import { applyChanges, pump, type SyncDoc } from './mirror';
import type { MirrorCodec } from './mirror-codec';
import { chooseCodec } from './sync-encryption';
import { SYNCED_TABLES, outboxEntry, type OutboxEntry } from './synced-tables';

export type SyncState = 'starting' | 'syncing' | 'synced' | 'offline' | 'auth-failed' | 'error' | 'stopped';

export interface SyncStatus {
  state: SyncState;
  /** Changes made here that the server does not have yet (outbox + mirror documents not yet pushed). */
  pending: number;
  /** ISO time of the last moment both directions were up to date, or null. */
  lastSync: string | null;
  /** For the person: what went wrong last, or null. */
  error: string | null;
  /** Documents written to the mirror by the pump since start (a sync with no local changes writes none). */
  written: number;
}

export interface SyncEngineOptions {
  /** The server's database as this renderer reaches it (the host's proxy: `<origin>/sync/db`). */
  remoteUrl: string;
  retryMs?: number;
  authRetryMs?: number;
  onStatus?: (status: SyncStatus) => void;
  /** Rows deleted here that another device had edited: they are back (the edit wins), and the person should know. */
  onRestored?: (docIds: string[]) => void;
  /** The end-to-end encryption passphrase (kept by the host), or null for none. */
  passphrase?: string | null;
}

const PUSHED_POSITION = '_local/archive-reader-pushed';
/** Written once every row of this notes database has been queued for this mirror. */
const FILLED = '_local/archive-reader-filled';

export class SyncEngine {
  mirror!: PouchDB.Database<SyncDoc>;
  private codec!: MirrorCodec;
  private remote: PouchDB.Database<SyncDoc>;
  private status: SyncStatus = { state: 'starting', pending: 0, lastSync: null, error: null, written: 0 };
  private outboxWatch: Subscription | null = null;
  private mirrorFeed: PouchDB.Core.Changes<SyncDoc> | null = null;
  private push: PouchDB.Replication.Replication<SyncDoc> | null = null;
  private pull: PouchDB.Replication.Replication<SyncDoc> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private pushedSeq: string | number = 0;
  private upToDate = { push: false, pull: false };
  private work = Promise.resolve();
  private countTimer: ReturnType<typeof setTimeout> | null = null;
  private pumpRetry: ReturnType<typeof setTimeout> | null = null;
  private pumpWake: ReturnType<typeof setTimeout> | null = null;
  /** `<id>@<rev>` of documents the pull wrote since the last complete push: not pending. */
  private pulled = new Set<string>();
  /** `<id>@<rev>` of documents the pump wrote since the last complete push: pending until pushed. */
  private pumped = new Set<string>();
  /** The mirror's sequence when this session started: later changes are either pumped here or pulled. */
  private sessionSeq: string | number = 0;

  constructor(
    private readonly db: NotesDatabase,
    private readonly options: SyncEngineOptions,
  ) {
    // A URL of any scheme goes through the http adapter by name: PouchDB picks it by itself only for http(s),
    // and the desktop app's is app://archive/sync/db. A bare name stays a local database (the engine's tests).
    const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(options.remoteUrl);
    this.remote = new PouchDB<SyncDoc>(options.remoteUrl, { skip_setup: true, ...(isUrl ? { adapter: 'http' } : {}) });
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  async start(): Promise<void> {
    this.set({ state: 'starting' });
    let choice;
    try {
      choice = await chooseCodec(this.remote, this.options.passphrase ?? null);
    } catch (e) {
      // Unreachable or refused: try again as replication does (nothing has moved yet).
      this.onReplicationError(e, () => void this.start().catch((err: unknown) => this.fail('error', `Sync could not start: ${String(err)}`)));
      return;
    }
    if (this.stopped) return;
    if (!choice.ok) return this.fail('error', choice.message);
    this.codec = choice.codec;
    this.mirror = new PouchDB<SyncDoc>(`${this.db.name}-sync-mirror${choice.mirrorSuffix}`);
    const saved = await this.mirror.get<{ seq: string | number }>(PUSHED_POSITION).catch(() => null);
    this.pushedSeq = saved?.seq ?? 0;
    this.sessionSeq = (await this.mirror.info()).update_seq;
    // Received documents into Dexie, in order, one batch at a time.
    this.mirrorFeed = this.mirror.changes({ since: 'now', live: true }).on('change', () => this.queue(() => this.applyRemote()));
    await this.queue(() => this.applyRemote());
    // After the mirror's own changes are in Dexie: a queued row is never overwritten from the mirror, so filling first could send old text over newer.
    await this.queue(() => this.fillOnce());
    // Every committed outbox change wakes the pump (Dexie's liveQuery sees writes from every tab).
    this.outboxWatch = liveQuery(() => this.db.outbox.count()).subscribe({
      next: (n) => {
        if (n > 0) void this.queue(() => this.pumpNow());
        this.recount();
      },
      error: (e: unknown) => this.fail('error', `The sync queue cannot be read: ${String(e)}`),
    });
    this.replicate();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    // Closed only once replication has let go: a cancelled replication may still be writing its checkpoint.
    const ending = [this.push, this.pull].filter((r) => r !== null).map((r) => new Promise<void>((done) => r.on('complete', () => done()).on('error', () => done())));
    this.cancelReplication();
    await Promise.race([Promise.all(ending), new Promise((r) => setTimeout(r, 5_000))]);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.countTimer) clearTimeout(this.countTimer);
    if (this.pumpRetry) clearTimeout(this.pumpRetry);
    if (this.pumpWake) clearTimeout(this.pumpWake);
    this.outboxWatch?.unsubscribe();
    this.mirrorFeed?.cancel();
    await this.work.catch(() => undefined);
    this.set({ state: 'stopped' });
    await this.mirror?.close();
    await this.remote.close();
  }

  /**
   * A mirror new to this notes database (first sync, or a new encrypted
   * database) gets every row queued once, so notes made before it exist
   * reach it; the pump skips what the mirror already holds.
   */
  private async fillOnce(): Promise<void> {
    if (await this.mirror.get(FILLED).catch(() => null)) return;
    await this.db.transaction('rw', [this.db.outbox, ...SYNCED_TABLES.map((t) => this.db.table(t))], async () => {
      for (const table of SYNCED_TABLES) {
        const keys = (await this.db.table(table).toCollection().primaryKeys()) as OutboxEntry['key'][];
        await this.db.outbox.bulkPut(keys.map((key) => outboxEntry(table, key)));
      }
    });
    await this.mirror.put({ _id: FILLED } as never);
  }

  /** Work on Dexie and the mirror runs one piece at a time, so the pump and the feed never interleave. */
  private queue(job: () => Promise<void>): Promise<void> {
    this.work = this.work.then(job, job).catch((e: unknown) => this.fail('error', `Sync stopped: ${String(e)}`));
    return this.work;
  }

  private async pumpNow(): Promise<void> {
    if (this.stopped) return;
    const r = await pump(this.db, this.mirror, { codec: this.codec });
    for (const rev of r.writtenRevs) this.pumped.add(rev);
    if (r.written > 0) this.set({ written: this.status.written + r.written });
    // A reading position waits its 30 s: come back for it then.
    if (r.wakeAt !== null && !this.pumpWake) {
      this.pumpWake = setTimeout(() => {
        this.pumpWake = null;
        void this.queue(() => this.pumpNow());
      }, Math.max(0, r.wakeAt - Date.now()));
    }
    // An entry left behind met a change arriving from the server at that moment: try again shortly.
    if (r.left > 0 && !this.pumpRetry) {
      this.pumpRetry = setTimeout(() => {
        this.pumpRetry = null;
        void this.queue(() => this.pumpNow());
      }, 1_000);
    }
  }

  private async applyRemote(): Promise<void> {
    if (this.stopped) return;
    const r = await applyChanges(this.db, this.mirror, this.codec);
    if (r.refused.length > 0) this.set({ error: `Not written (damaged on the server): ${r.refused.slice(0, 3).join('; ')}` });
    if (r.restored.length > 0) this.options.onRestored?.(r.restored);
  }

  private replicate(): void {
    if (this.stopped) return;
    this.upToDate = { push: false, pull: false };
    this.set({ state: 'syncing' });
    const opts = { live: true, retry: false, batch_size: 500 };
    this.push = this.mirror.replicate.to(this.remote, opts);
    this.pull = this.mirror.replicate.from(this.remote, opts);
    for (const [dir, rep] of [['push', this.push], ['pull', this.pull]] as const) {
      rep.on('active', () => {
        this.upToDate[dir] = false;
        if (this.status.state !== 'syncing') this.set({ state: 'syncing' });
      });
      rep.on('paused', (e: unknown) => {
        if (e) return this.onReplicationError(e);
        this.upToDate[dir] = true;
        if (dir === 'push') void this.markPushed().catch(() => undefined);
        if (this.upToDate.push && this.upToDate.pull) void this.settle().catch(() => undefined);
      });
      rep.on('denied', (e: unknown) => this.set({ error: `The server refused a document: ${describe(e)}` }));
      if (dir === 'pull') {
        rep.on('change', (info: { docs?: { _id: string; _rev?: string }[] }) => {
          for (const d of info.docs ?? []) this.pulled.add(`${d._id}@${d._rev}`);
        });
      }
      rep.on('error', (e: unknown) => this.onReplicationError(e));
    }
  }

  /** Both directions are idle: count what is still waiting here before saying "synced" (a restart may find a full outbox). */
  private async settle(): Promise<void> {
    const pending = await this.countPending();
    if (this.stopped || !(this.upToDate.push && this.upToDate.pull)) return;
    this.set({ state: 'synced', error: null, pending, ...(pending === 0 ? { lastSync: new Date().toISOString() } : {}) });
  }

  private async countPending(): Promise<number> {
    const queued = await this.db.outbox.count();
    if (!this.mirror) return queued; // sync has not started (a passphrase that does not match, an unreachable server)
    const unpushed = await this.mirror.changes({ since: this.pushedSeq, return_docs: true, limit: 100_000 });
    const sessionStart = seqNumber(this.sessionSeq);
    return (
      queued +
      unpushed.results.filter((c) => {
        const key = `${c.id}@${c.changes[0]?.rev}`;
        return seqNumber(c.seq) > sessionStart ? this.pumped.has(key) : !this.pulled.has(key);
      }).length
    );
  }

  private async markPushed(): Promise<void> {
    // Cleared first: a document pulled while info() runs lands after the sequence read, and stays known as pulled.
    this.pulled.clear();
    this.pumped.clear();
    const info = await this.mirror.info();
    this.pushedSeq = info.update_seq;
    const saved = await this.mirror.get<{ seq: string | number }>(PUSHED_POSITION).catch(() => null);
    await this.mirror.put({ _id: PUSHED_POSITION, ...(saved ? { _rev: saved._rev } : {}), seq: this.pushedSeq } as never).catch(() => undefined);
    this.recount();
  }

  private onReplicationError(e: unknown, retry: () => void = () => this.replicate()): void {
    if (this.stopped || this.retryTimer) return;
    this.cancelReplication();
    const status = (e as { status?: number } | null)?.status;
    const auth = status === 401 || status === 403;
    if (auth) this.fail('auth-failed', 'authentication failed: the server refused the user name or password.');
    else if (status === 404) this.fail('error', 'The server has no such database.');
    else this.fail('offline', `The server cannot be reached (${describe(e)}); changes are kept here and sent when it is back.`);
    const wait = auth ? (this.options.authRetryMs ?? 30_000) : (this.options.retryMs ?? 5_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      retry();
    }, wait);
  }

  private cancelReplication(): void {
    this.push?.cancel();
    this.pull?.cancel();
    this.push = this.pull = null;
  }

  private fail(state: SyncState, error: string): void {
    this.set({ state, error });
    this.recount();
  }

  /** Pending = outbox rows + mirror documents changed after the last confirmed push; counted at most every 500 ms. */
  private recount(): void {
    if (this.countTimer || this.stopped) return;
    this.countTimer = setTimeout(() => {
      this.countTimer = null;
      void this.countPending()
        .then((pending) => {
          if (!this.stopped) this.set({ pending, ...(pending === 0 && this.status.state === 'synced' ? { lastSync: new Date().toISOString() } : {}) });
        })
        .catch(() => undefined);
    }, 500);
  }

  private set(part: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...part };
    this.options.onStatus?.(this.status);
  }
}

/** A local PouchDB's sequence is a number (a string only from CouchDB, which the mirror never is). */
function seqNumber(seq: string | number): number {
  return typeof seq === 'number' ? seq : Number.parseInt(seq, 10) || 0;
}

function describe(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; reason?: unknown; name?: unknown };
    return String(o.reason ?? o.message ?? o.name ?? 'unknown error');
  }
  return String(e);
}
