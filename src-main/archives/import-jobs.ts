/**
 * Imports in progress on one host. An import is a job: begun (a new archive
 * or `into` an existing one), fed its files (a browser uploads batches into a
 * staging folder the host made, `<data>/staging/<jobId>/`; the desktop gives a
 * folder path), then built in a worker thread (import-thread.ts) into
 * `<data>/archives/<id>/`, and finally put on the registry's list and opened.
 *
 * Locks: one import per source at a time (the same folder twice is refused)
 * and one per target archive (two windows importing into the same archive:
 * the second is refused), both with a message. Cancel stops the upload or the
 * build; ingestFolder leaves the target as it was and removes its temporary
 * folder, and the staging folder is removed here: nothing half-written stays.
 * A folder with no readable page fails with ingestFolder's message and leaves
 * no archive. Sizes are capped (per file, per batch, per import, files per
 * import).
 */
import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import type { ImportBeginRequest, ImportBeginResponse, ImportLimits, ImportReport, ImportStatus } from '../shared/contract';
import { uploadPath } from '../shared/upload-format';
import { err, ok, type Result } from '../shared/result';
import { IngestCancelled, type IngestProgress } from '../archive/index';
import { DEFAULT_MAX_FILE_BYTES } from '../archive/ingest/walk-folder';
import { describeIoError, writeNewFile } from '../archive/store/safe-output';
import { errorText } from '../ipc/archive-slot';
import { archiveDirOf, BUNDLED_ID } from './archive-list';
import type { ArchiveRegistry } from './registry';
import { runBuild, type ImportWorkerOption } from './import-thread';
import { BatchRefused, parseBatch } from './upload-batch';

export const STAGING_FOLDER = 'staging';

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  maxBatchBytes: 32 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  maxFiles: 200_000,
};

/** A job still receiving nothing for this long is cancelled (a closed tab never finishes its upload). */
const IDLE_MS = 15 * 60 * 1000;

interface Job {
  id: string;
  /** The archive it builds: a new id, or the one imported into. */
  targetId: string;
  isNew: boolean;
  name: string;
  source: string;
  /** What the build reads: the staging folder (browser) or the chosen folder (desktop). */
  srcDir: string;
  /** The staging folder, when this job made one (removed at the end). */
  staging: string | null;
  files: number;
  bytes: number;
  status: ImportStatus;
  controller: AbortController;
  lastSeen: number;
  /** Settles when the build (and its cleanup) is over. */
  finished: Promise<void> | null;
}

export interface ImportJobsOptions {
  registry: ArchiveRegistry;
  limits?: Partial<ImportLimits>;
  /** How builds run (import-thread.ts importWorkerFor); null runs them in process. */
  worker: ImportWorkerOption;
  log?: (m: string) => void;
  /** Tests: sees each progress report as it happens (to cancel at a given point). */
  observe?: (jobId: string, p: IngestProgress) => void;
}

const isActive = (j: Job) => j.status.state === 'receiving' || j.status.state === 'building';

export class ImportJobs {
  readonly limits: ImportLimits;
  private readonly jobs = new Map<string, Job>();
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(private readonly opts: ImportJobsOptions) {
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...opts.limits };
    this.sweeper = setInterval(() => void this.sweep(), 60_000);
    this.sweeper.unref();
    void this.removeStaleStaging();
  }

  /**
   * A host stopped in the middle of an upload (killed, the machine off) leaves its staging folder: the next
   * start removes the job folders this program made there (named j-<hex>), and nothing else.
   */
  private async removeStaleStaging(): Promise<void> {
    const staging = join(this.dataDir, STAGING_FOLDER);
    const names = await fs.readdir(staging).catch(() => [] as string[]);
    for (const name of names) {
      if (/^j-[0-9a-f]{12}$/.test(name) && !this.jobs.has(name)) await fs.rm(join(staging, name), { recursive: true, force: true }).catch(() => undefined);
    }
    await fs.rmdir(staging).catch(() => undefined);
  }

  private get dataDir(): string {
    return this.opts.registry.dataDir;
  }

  /** Starts a job; refused while the same source or the same archive is being imported. */
  async begin(req: ImportBeginRequest, folder?: string): Promise<Result<ImportBeginResponse>> {
    const registry = this.opts.registry;
    if (req.into === BUNDLED_ID) return err('invalid-argument', 'The bundled archive cannot be imported into; import the folder as a new archive.');
    if (req.into !== undefined && !registry.has(req.into)) return err('not-found', `No archive has the id "${req.into}".`);
    const source = req.source.trim();
    const sameSource = [...this.jobs.values()].find((j) => isActive(j) && j.source === source);
    if (sameSource) return err('busy', `"${source}" is already being imported (into "${sameSource.name}"). Wait for that import to finish or cancel it.`);
    const sameTarget = req.into !== undefined ? [...this.jobs.values()].find((j) => isActive(j) && j.targetId === req.into) : undefined;
    if (sameTarget) return err('busy', `"${sameTarget.name}" is already being imported into (from another window?). Wait for that import to finish or cancel it.`);

    const id = `j-${randomBytes(6).toString('hex')}`;
    const targetId = req.into ?? (await registry.newId());
    const name = req.into !== undefined ? registry.nameOf(req.into)! : (req.name?.trim() || lastPart(source));
    let staging: string | null = null;
    if (folder === undefined) {
      staging = join(this.dataDir, STAGING_FOLDER, id);
      try {
        await fs.mkdir(staging, { recursive: true });
      } catch (e) {
        return err('io', `Cannot make the staging folder ${staging}: ${describeIoError(e)}.`);
      }
    }
    const job: Job = {
      id,
      targetId,
      isNew: req.into === undefined,
      name,
      source,
      srcDir: folder ?? staging!,
      staging,
      files: 0,
      bytes: 0,
      status: { jobId: id, state: 'receiving', message: 'Waiting for the files.', phase: 'receive', done: 0, total: null, file: null, report: null },
      controller: new AbortController(),
      lastSeen: Date.now(),
      finished: null,
    };
    this.jobs.set(id, job);
    return ok({ jobId: id, uploadPath: uploadPath(id), limits: this.limits });
  }

  private job(jobId: string): Result<Job> {
    const job = this.jobs.get(jobId);
    return job ? ok(job) : err('not-found', `No import has the id "${jobId}" (it may have finished long ago, or the host restarted).`);
  }

  /** Writes one uploaded batch into the job's staging folder. A refused batch writes nothing. */
  async receive(jobId: string, body: Buffer): Promise<Result<{ files: number; bytes: number }>> {
    const found = this.job(jobId);
    if (!found.ok) return found;
    const job = found.value;
    if (job.status.state !== 'receiving' || !job.staging) return err('busy', `The import "${job.name}" is not receiving files (it is ${job.status.state}).`);
    job.lastSeen = Date.now();
    let files;
    try {
      files = parseBatch(body, this.limits);
    } catch (e) {
      if (e instanceof BatchRefused) return err('invalid-argument', e.message);
      throw e;
    }
    const bytes = files.reduce((n, f) => n + f.data.length, 0);
    if (job.files + files.length > this.limits.maxFiles) return this.fail(job, `The folder has more than ${this.limits.maxFiles} files; import it in parts.`, 'too-large');
    if (job.bytes + bytes > this.limits.maxTotalBytes) {
      return this.fail(job, `The folder is larger than ${this.limits.maxTotalBytes} bytes, more than one import may hold; import it in parts.`, 'too-large');
    }
    try {
      for (const f of files) {
        const target = resolve(job.staging, f.path);
        await fs.mkdir(dirname(target), { recursive: true });
        await writeNewFile(target, f.data);
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'EEXIST' ? 'a file of that name was already sent' : describeIoError(e);
      return this.fail(job, `The files could not be stored in ${job.staging}: ${why}. Nothing was imported.`, 'io');
    }
    job.files += files.length;
    job.bytes += bytes;
    job.status = { ...job.status, message: `Received ${job.files} files.`, done: job.files, file: files.at(-1)?.path ?? null };
    return ok({ files: job.files, bytes: job.bytes });
  }

  private async fail(job: Job, message: string, code: 'io' | 'too-large'): Promise<Result<never>> {
    job.controller.abort();
    job.status = { ...job.status, state: 'failed', message };
    await this.cleanup(job);
    return err(code, message);
  }

  /** Builds what was received; answers at once (progress through status). */
  run(jobId: string): Result<ImportStatus> {
    const found = this.job(jobId);
    if (!found.ok) return found;
    const job = found.value;
    if (job.status.state !== 'receiving') return ok(job.status);
    job.status = { ...job.status, state: 'building', phase: 'read', message: 'Reading the files.', done: 0, total: job.staging ? job.files : null, file: null };
    job.finished = this.build(job);
    return ok(job.status);
  }

  private async build(job: Job): Promise<void> {
    const out = archiveDirOf(this.dataDir, job.targetId);
    const onProgress = (p: IngestProgress) => {
      if (job.status.state !== 'building') return;
      this.opts.observe?.(job.id, p);
      job.status = { ...job.status, phase: p.phase, message: p.message, done: p.done ?? null, total: p.total ?? null, file: p.file ?? null };
    };
    let final: ImportStatus;
    try {
      const result = await runBuild({ src: job.srcDir, out, maxFileBytes: this.limits.maxFileBytes }, this.opts.worker, onProgress, job.controller.signal);
      const report: ImportReport = {
        archiveId: job.targetId,
        name: job.name,
        reimport: result.reimport,
        files: result.report.files,
        articles: result.report.articles,
        briefs: result.report.briefs,
        ...result.counts,
        duplicatesMerged: result.report.duplicatesMerged,
        skipped: result.report.skipped,
      };
      await this.opts.registry.imported(job.targetId, job.name, job.source);
      final = { ...job.status, state: 'done', phase: 'done', message: `Imported "${job.name}".`, report, file: null };
    } catch (e) {
      const cancelled = e instanceof IngestCancelled || job.controller.signal.aborted;
      final = cancelled
        ? { ...job.status, state: 'cancelled', message: `The import of "${job.name}" was cancelled; nothing was written.`, file: null }
        : { ...job.status, state: 'failed', message: errorText(e), file: null };
      this.opts.log?.(`import ${job.id}: ${final.message}`);
    }
    // The state changes only once the staged files are gone: "done" or "cancelled" means nothing is left over.
    await this.cleanup(job);
    job.status = final;
  }

  status(jobId: string): Result<ImportStatus> {
    const found = this.job(jobId);
    if (!found.ok) return found;
    found.value.lastSeen = Date.now();
    return ok(found.value.status);
  }

  /** Cancels a job; answers once nothing of it is left (the build stopped, staging removed). */
  async cancel(jobId: string): Promise<Result<ImportStatus>> {
    const found = this.job(jobId);
    if (!found.ok) return found;
    const job = found.value;
    if (!isActive(job)) return ok(job.status);
    job.controller.abort();
    if (job.status.state === 'receiving') {
      job.status = { ...job.status, state: 'cancelled', message: `The import of "${job.name}" was cancelled; nothing was written.` };
      await this.cleanup(job);
    } else await job.finished;
    return ok(job.status);
  }

  /** Removes what the job made: its staging folder, and the staging and archives folders when they are left empty. */
  private async cleanup(job: Job): Promise<void> {
    if (job.staging) await fs.rm(job.staging, { recursive: true, force: true }).catch(() => undefined);
    // rmdir removes only an empty folder: another job's files, or another archive, are never touched.
    await fs.rmdir(join(this.dataDir, STAGING_FOLDER)).catch(() => undefined);
    if (job.isNew && job.status.state !== 'done') await fs.rmdir(dirname(archiveDirOf(this.dataDir, job.targetId))).catch(() => undefined);
  }

  /** Cancels uploads left idle, forgets finished jobs after a while. */
  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const job of this.jobs.values()) {
      if (job.status.state === 'receiving' && now - job.lastSeen > IDLE_MS) await this.cancel(job.id);
      else if (!isActive(job) && now - job.lastSeen > 4 * IDLE_MS) this.jobs.delete(job.id);
    }
  }

  /** Stops every import (host closing) and removes their staging folders. */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.jobs.values()].filter(isActive).map((j) => this.cancel(j.id)));
  }
}

function lastPart(source: string): string {
  const parts = source.split(/[\\/]+/).filter(Boolean);
  return (parts.at(-1) ?? 'Imported archive').slice(0, 120);
}
