/**
 * The automatic backup taken when the app quits (or its window closes). The
 * notes live in the renderer's IndexedDB, so main cannot copy them itself: it
 * holds the close, sends the renderer the `backup-before-quit` command, waits
 * until the renderer's backupWrite({ reason: 'quit' }) has settled, and then
 * lets the close go on. The wait is bounded: a renderer that hangs, crashed
 * or never answers cannot keep the app from quitting.
 *
 * "At most daily": main asks only when an automatic backup is due (none yet,
 * or the newest is a day old: the renderer's autoBackupDue rule, read from the
 * backups folder). Pure of Electron so it is tested with plain objects.
 */

/** How long main waits for the renderer's quit backup before quitting anyway. */
export const QUIT_BACKUP_WAIT_MS = 6_000;

export type QuitBackupOutcome = 'written' | 'failed' | 'not-due' | 'no-renderer' | 'timeout';

export interface QuitBackupDeps<W extends object> {
  /** Whether an automatic backup is due now. */
  isDue(): Promise<boolean>;
  /** Send `backup-before-quit` to this window's renderer; false when it cannot take it (gone, crashed, still loading). */
  ask(win: W): boolean;
  waitMs?: number;
  log?: (message: string) => void;
}

export class QuitBackup<W extends object> {
  private readonly done = new WeakSet<W>();
  private readonly running = new WeakMap<W, Promise<QuitBackupOutcome>>();
  private waiter: ((outcome: QuitBackupOutcome) => void) | null = null;

  constructor(private readonly deps: QuitBackupDeps<W>) {}

  /** True once this window's quit backup ran (or was not needed): its close may go on. */
  isDone(win: W): boolean {
    return this.done.has(win);
  }

  /** Called by the backupWrite handler when a reason 'quit' write settled. */
  noteQuitWrite(ok: boolean): void {
    this.waiter?.(ok ? 'written' : 'failed');
  }

  /** Run the exchange for `win` once; later calls get the same promise. Never rejects. */
  run(win: W): Promise<QuitBackupOutcome> {
    const existing = this.running.get(win);
    if (existing) return existing;
    const log = this.deps.log ?? ((m: string) => console.log(m));
    const started = Date.now();
    const task = (async (): Promise<QuitBackupOutcome> => {
      const due = await this.deps.isDue().catch(() => true);
      if (!due) return 'not-due';
      const settled = new Promise<QuitBackupOutcome>((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), this.deps.waitMs ?? QUIT_BACKUP_WAIT_MS);
        this.waiter = (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        };
      });
      // Not asked: settle at once (this also clears the timer).
      if (!this.deps.ask(win)) this.waiter?.('no-renderer');
      return settled;
    })()
      .catch((): QuitBackupOutcome => 'failed')
      .then((outcome) => {
        this.waiter = null;
        this.done.add(win);
        if (outcome !== 'not-due') log(`archive-reader: backup before quit: ${outcome} (${Date.now() - started} ms)`);
        return outcome;
      });
    this.running.set(win, task);
    return task;
  }
}
