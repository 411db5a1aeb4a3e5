/**
 * The import dialog: choose a folder (or files), name the archive or pick one
 * to import into again, then watch it: the files are sent to the host in
 * batches, the host reads them in a worker thread, and a progress bar shows
 * counts and the file being read. Cancel stops it at any point (the host
 * keeps nothing half-written). At the end, the reader's report: imported,
 * updated, unchanged, removed, duplicates merged, and each skipped file with
 * its reason; "Open" goes to the archive (the host has opened it).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ArchiveListItem, ImportReport, ImportStatus } from '../../../../src-main/shared/contract';
import { useApi } from '../../platform/api-context';
import { useArchiveStatus } from '../../platform/archive-status';
import { closeImport, type ImportRequest } from './import-store';
import { goToArchive } from './places';
import { pickedFiles, planBatches, sendInWorker, type PickedFile } from './upload-files';
import { throttleToFrames } from './throttle-frames';
import { formatCount, formatNumber } from '../../platform/format';

type Stage =
  | { kind: 'choose'; error?: string }
  | { kind: 'sending'; sent: number; total: number; file: string | null }
  | { kind: 'building'; status: ImportStatus }
  | { kind: 'cancelling' }
  | { kind: 'done'; report: ImportReport; tooLarge: PickedFile[] }
  | { kind: 'ended'; message: string; failed: boolean };

const PHASES: Record<string, string> = {
  receive: 'Sending the files',
  read: 'Reading the files',
  segment: 'Finding articles and briefs',
  write: 'Writing the archive',
  index: 'Building the search index',
  done: 'Finishing',
};

export function ImportDialog({ request, archives }: { request: ImportRequest; archives: ArchiveListItem[] }) {
  const api = useApi();
  const { info } = useArchiveStatus();
  const [picked, setPicked] = useState<{ folder: string | null; files: PickedFile[] } | null>(null);
  const [name, setName] = useState('');
  const [into, setInto] = useState(request.into ?? '');
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const job = useRef<string | null>(null);
  const cancelled = useRef(false);
  const uploading = useRef<AbortController | null>(null);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const imported = archives.filter((a) => !a.bundled);
  // Electron has no upload route: it imports a folder by path, chosen in the system's dialog.
  const desktop = info?.host === 'electron';
  const busy = stage.kind === 'sending' || stage.kind === 'building' || stage.kind === 'cancelling';

  // Once an import is done the host has opened the new archive: leaving the dialog goes there too, so this window
  // never shows one archive while the host answers for another.
  const doneWith = stage.kind === 'done' ? stage.report.archiveId : null;
  const leave = useCallback(() => (doneWith ? goToArchive(info?.archiveId, doneWith) : closeImport()), [doneWith, info?.archiveId]);

  useEffect(() => dialog.current?.focus(), []);
  // An import the host began itself (a folder dropped onto the desktop window): follow it from the start.
  const follows = request.follow;
  useEffect(() => {
    if (!follows) return;
    job.current = follows;
    setStage({ kind: 'building', status: { jobId: follows, state: 'building', message: '', phase: 'read', done: null, total: null, file: null, report: null } });
    void follow(follows, []);
    // Once, for the job the dialog was opened with.
  }, [follows]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !busy) leave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, leave]);

  function choose(list: FileList | null) {
    const p = pickedFiles(list ? [...list] : []);
    setPicked(p);
    if (!name && p.folder) setName(p.folder);
    setStage({ kind: 'choose' });
  }

  async function start() {
    if (!picked || picked.files.length === 0) return setStage({ kind: 'choose', error: 'Choose a folder or some files first.' });
    cancelled.current = false;
    const source = picked.folder ?? picked.files.map((f) => f.path).sort()[0]!;
    const begun = await api.importBegin({ source, ...(into ? { into } : { name: name.trim() || source }) });
    if (!begun.ok) return setStage({ kind: 'choose', error: begun.error.message });
    job.current = begun.value.jobId;
    const { batches, tooLarge } = planBatches(picked.files, begun.value.limits);
    const total = batches.reduce((n, b) => n + b.length, 0);
    if (total === 0) {
      await api.importCancel({ jobId: begun.value.jobId });
      return setStage({ kind: 'ended', failed: true, message: 'Every file chosen is larger than the host accepts; nothing was imported.' });
    }
    setStage({ kind: 'sending', sent: 0, total, file: null });
    // The files are read and sent from a worker (upload-files.ts); the window only shows the count, at most once a
    // frame however fast batches go by.
    const upload = new AbortController();
    uploading.current = upload;
    const showSent = throttleToFrames((sent: number, file: string | null) => {
      if (!cancelled.current) setStage({ kind: 'sending', sent, total, file });
    });
    const r = await sendInWorker(begun.value.uploadPath, batches, showSent, upload.signal);
    showSent.cancel();
    uploading.current = null;
    if (cancelled.current) return;
    if (!r.ok) {
      await api.importCancel({ jobId: begun.value.jobId });
      return setStage({ kind: 'ended', failed: true, message: `${r.error.message} Nothing was imported.` });
    }
    const run = await api.importRun({ jobId: begun.value.jobId });
    if (!run.ok) return setStage({ kind: 'ended', failed: true, message: run.error.message });
    await follow(begun.value.jobId, tooLarge);
  }

  /** The desktop: the system's folder dialog, then the host imports that folder by path. */
  async function pickAndImport() {
    cancelled.current = false;
    const r = await api.importFolder(into ? { into } : name.trim() ? { name: name.trim() } : {});
    if (!r.ok) return setStage(r.error.code === 'cancelled' ? { kind: 'choose' } : { kind: 'choose', error: r.error.message });
    job.current = r.value.jobId;
    setStage({ kind: 'building', status: r.value });
    await follow(r.value.jobId, []);
  }

  async function follow(jobId: string, tooLarge: PickedFile[]) {
    for (;;) {
      const s = await api.importStatus({ jobId });
      if (!s.ok) return setStage({ kind: 'ended', failed: true, message: s.error.message });
      if (cancelled.current && s.value.state === 'building') return; // cancel() reports the end
      if (s.value.state === 'done' && s.value.report) return setStage({ kind: 'done', report: s.value.report, tooLarge });
      if (s.value.state === 'failed' || s.value.state === 'cancelled') {
        return setStage({ kind: 'ended', failed: s.value.state === 'failed', message: s.value.message });
      }
      // Re-render only when what the bar shows changed (most polls during a long phase change nothing).
      setStage((prev) => (prev.kind === 'building' && sameProgress(prev.status, s.value) ? prev : { kind: 'building', status: s.value }));
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  async function cancel() {
    cancelled.current = true;
    uploading.current?.abort();
    setStage({ kind: 'cancelling' });
    const jobId = job.current;
    const r = jobId ? await api.importCancel({ jobId }) : null;
    if (r && r.ok && r.value.state === 'done' && r.value.report) return setStage({ kind: 'done', report: r.value.report, tooLarge: [] });
    setStage({ kind: 'ended', failed: false, message: r && !r.ok ? r.error.message : 'The import was cancelled; nothing was written.' });
  }

  const progress =
    stage.kind === 'sending'
      ? { label: PHASES.receive, done: stage.sent, total: stage.total, file: stage.file }
      : stage.kind === 'building'
        ? { label: PHASES[stage.status.phase ?? 'read'] ?? 'Working', done: stage.status.done, total: stage.status.total, file: stage.status.file }
        : null;

  return (
    <div className="export-backdrop" role="presentation">
      <div ref={dialog} tabIndex={-1} className="export-dialog import-dialog card" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} className="card-title">
          Import an archive
        </h2>
        {stage.kind === 'choose' || busy ? (
          <>
            <fieldset className="export-fieldset" disabled={busy}>
              <legend className="section-label">From</legend>
              <p className="subtle import-hint">A folder of news pages: .txt, .md and saved .html, in any common encoding. Sub-folders become sections.</p>
              <div className="import-pickers">
                {desktop ? (
                  <button type="button" className="button" onClick={() => void pickAndImport()}>
                    Choose a folder and import…
                  </button>
                ) : null}
                <label className="button button-quiet file-button" hidden={desktop}>
                  Choose a folder…
                  <input type="file" className="visually-hidden" data-testid="import-folder" {...{ webkitdirectory: '' }} multiple onChange={(e) => choose(e.target.files)} />
                </label>
                <label className="button button-quiet file-button" hidden={desktop}>
                  Choose files…
                  <input type="file" className="visually-hidden" data-testid="import-files" multiple accept=".txt,.md,.html,.htm" onChange={(e) => choose(e.target.files)} />
                </label>
              </div>
              <p className="import-picked" role="status" hidden={desktop}>
                {picked ? `${picked.folder ? `“${picked.folder}”: ` : ''}${formatCount(picked.files.length, 'file', 'files')} chosen` : 'Nothing chosen yet.'}
              </p>
            </fieldset>
            <fieldset className="export-fieldset" disabled={busy}>
              <legend className="section-label">Into</legend>
              <label className="export-choice">
                <input type="radio" name="import-into" checked={into === ''} onChange={() => setInto('')} />A new archive named
                <input type="text" className="text-input import-name" aria-label="Name of the new archive" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} disabled={into !== ''} placeholder="The folder's name" />
              </label>
              {imported.map((a) => (
                <label key={a.id} className="export-choice">
                  <input type="radio" name="import-into" checked={into === a.id} onChange={() => setInto(a.id)} />
                  Again into “{a.name}” (ids and notes are kept)
                </label>
              ))}
            </fieldset>
          </>
        ) : null}
        {progress ? (
          <div className="import-progress">
            <div className="export-progress">
              <progress aria-label="Import progress" max={progress.total || 1} value={progress.total ? (progress.done ?? 0) : undefined} />
              <span className="subtle import-counts">{progress.total ? `${formatNumber(progress.done ?? 0)} of ${formatNumber(progress.total)}` : ''}</span>
            </div>
            <p className="import-phase" role="status">
              {progress.label}
              {progress.file ? <span className="import-file">{progress.file}</span> : null}
            </p>
          </div>
        ) : null}
        {stage.kind === 'cancelling' ? <p role="status">Cancelling…</p> : null}
        {stage.kind === 'choose' && stage.error ? (
          <p className="inline-error" role="alert">
            {stage.error}
          </p>
        ) : null}
        {stage.kind === 'ended' ? (
          <p className={stage.failed ? 'inline-error' : 'export-status'} role={stage.failed ? 'alert' : 'status'}>
            {stage.message}
          </p>
        ) : null}
        {stage.kind === 'done' ? <ImportReportView report={stage.report} tooLarge={stage.tooLarge} /> : null}
        <div className="export-actions">
          {busy ? (
            <button type="button" className="button button-quiet" onClick={() => void cancel()} disabled={stage.kind === 'cancelling'}>
              Cancel import
            </button>
          ) : stage.kind === 'done' ? (
            <button type="button" className="button" onClick={leave}>
              Open “{stage.report.name}”
            </button>
          ) : (
            <>
              <button type="button" className="button button-quiet" onClick={closeImport}>
                Close
              </button>
              {desktop ? null : (
                <button type="button" className="button" onClick={() => void start()} disabled={!picked || picked.files.length === 0}>
                  Import
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}

const sameProgress = (a: ImportStatus, b: ImportStatus) => a.state === b.state && a.phase === b.phase && a.done === b.done && a.total === b.total && a.file === b.file && a.message === b.message;

function ImportReportView({ report, tooLarge }: { report: ImportReport; tooLarge: PickedFile[] }) {
  const skipped = [...report.skipped, ...tooLarge.map((f) => ({ file: f.path, reason: 'larger than the host accepts' }))];
  const rows: [string, number][] = [
    ['Imported', report.imported],
    ['Updated', report.updated],
    ...(report.reimport ? ([['Unchanged', report.unchanged], ['Removed', report.removed]] as [string, number][]) : []),
    ['Duplicates merged', report.duplicatesMerged],
    ['Skipped', skipped.length],
  ];
  return (
    <section className="import-report" aria-label="Import report">
      <p className="export-status" role="status">
        “{report.name}”: {formatCount(report.articles, 'article', 'articles')} and {formatCount(report.briefs, 'brief', 'briefs')} from{' '}
        {formatCount(report.files, 'file', 'files')}.
      </p>
      <dl className="import-counts-list">
        {rows.map(([label, n]) => (
          <div key={label} data-count={label.toLowerCase().replace(/ /g, '-')}>
            <dt>{label}</dt>
            <dd>{formatNumber(n)}</dd>
          </div>
        ))}
      </dl>
      {skipped.length ? (
        <details className="import-skipped" open={skipped.length <= 5}>
          <summary>Skipped files</summary>
          <ul>
            {skipped.map((s) => (
              <li key={s.file}>
                <code>{s.file}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
