/**
 * Backup and restore, for the Settings page: "Backup now", the automatic
 * backups (when the host provides them), restore from a file or an automatic
 * backup with a preview and a choice of merge or replace, and import of W3C
 * annotation files. Every file goes through the pure validators first; nothing
 * is written before the person confirms, and a restore takes a safety backup.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { Annotation } from '../../../../src-main/shared/notes/annotation-model';
import { err, type Result } from '../../../../src-main/shared/result';
import type { NotesDatabase } from '../../db/database';
import { backupFileName, describeContents, type BackupPreview, type Snapshot, type TableCounts } from '../../../../src-main/shared/notes/backup/backup-format';
import { MAX_BACKUP_CHARS, parseBackup } from '../../../../src-main/shared/notes/backup/backup-parse';
import type { RestoreMode, RestorePlan } from '../../../../src-main/shared/notes/backup/restore-plan';
import { importW3cText, type W3cImportResult } from '../../../../src-main/shared/notes/w3c-import';
import type { SaveExportFile } from '../export';
import type { AutoBackupInfo, AutoBackupSource } from './backup-host';
import { createBackupText, currentCounts, importAnnotations, previewRestore, restoreBackup, type BackupMade } from '../../db/backup-db';
import { RestorePreview } from './RestorePreview';
import { formatCount, formatMoment } from '../../platform/format';

export interface BackupPanelProps {
  db: NotesDatabase;
  appVersion: string;
  /** Saves a file the person chooses (save dialog / download): see fileSaver(). */
  save: SaveExportFile;
  /** Automatic backups in the app's data folder (host-provided; hidden when absent). */
  autoBackups?: AutoBackupSource;
  /** Article ids the archive has, for W3C import. */
  knownDocIds(): Promise<Set<string>>;
}

type Pending =
  | { kind: 'restore'; source: string; preview: BackupPreview; snapshot: Snapshot }
  | { kind: 'import'; source: string; result: Extract<W3cImportResult, { ok: true }> };

const REASONS: Record<string, string> = { auto: 'daily', quit: 'on quit', manual: 'by hand', safety: 'before a restore' };

/**
 * A stored backup's header counts rows per table; an article's row may hold
 * only a reading position, so it is not counted as a note here.
 */
const countsText = (c: TableCounts) => `${formatCount(c.annotations, 'highlight', 'highlights')}, ${formatCount(c.tags, 'tag', 'tags')}`;

export function BackupPanel({ db, appVersion, save, autoBackups, knownDocIds }: BackupPanelProps) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [current, setCurrent] = useState<TableCounts | null>(null);
  const [plans, setPlans] = useState<Record<RestoreMode, RestorePlan['changes']> | null>(null);
  const [autoList, setAutoList] = useState<AutoBackupInfo[] | null>(null);
  const headingId = useId();

  const refreshAuto = useCallback(async () => {
    if (!autoBackups) return;
    const r = await autoBackups.list();
    if (r.ok) setAutoList([...r.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    else setMessage({ error: true, text: `Automatic backups could not be listed: ${r.error.message}` });
  }, [autoBackups]);
  useEffect(() => void refreshAuto(), [refreshAuto]);

  const fail = (text: string) => setMessage({ error: true, text });

  async function backupNow() {
    setBusy(true);
    setMessage(null);
    try {
      const made = await createBackupText(db, appVersion);
      if (!made.ok) return fail(made.error.message);
      const saved = await save({ text: made.value.text, mimeType: 'application/json', fileName: backupFileName(made.value.createdAt) });
      if (!saved.ok) return saved.error.code === 'cancelled' ? undefined : fail(`Backup not saved: ${saved.error.message}`);
      const skipped = made.value.skipped.length ? ` ${made.value.skipped.length} damaged row(s) could not be included; they are still in the app.` : '';
      setMessage({ error: false, text: `Backup saved as ${saved.value.savedAs}: ${describeContents(made.value.contents)}.${skipped}${saved.value.hint ? ` ${saved.value.hint}` : ''}` });
    } finally {
      setBusy(false);
    }
  }

  async function openBackupText(source: string, text: string) {
    setMessage(null);
    const parsed = parseBackup(text);
    if (!parsed.ok) return fail(`${source}: ${parsed.message}`);
    setPending({ kind: 'restore', source, preview: parsed.preview, snapshot: parsed.snapshot });
    setCurrent(await currentCounts(db));
    setPlans(await previewRestore(db, parsed.snapshot));
  }

  async function readPicked(file: File | undefined, then: (name: string, text: string) => Promise<void>) {
    if (!file) return;
    if (file.size > MAX_BACKUP_CHARS * 3) return fail(`${file.name}: the file is too large to be a backup.`);
    try {
      await then(file.name, await file.text());
    } catch (e) {
      fail(`${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function saveSafety(b: BackupMade): Promise<Result<unknown>> {
    if (autoBackups?.write) return autoBackups.write(b.text, b.createdAt);
    const r = await save({ text: b.text, mimeType: 'application/json', fileName: backupFileName(b.createdAt, 'archive-reader-safety-backup') });
    return r.ok ? r : err(r.error.code, r.error.code === 'cancelled' ? 'you cancelled saving the safety backup' : r.error.message);
  }

  async function restore(mode: RestoreMode) {
    if (pending?.kind !== 'restore') return;
    setBusy(true);
    try {
      const r = await restoreBackup(db, pending.snapshot, mode, { appVersion, saveSafetyBackup: saveSafety });
      if (!r.ok) return fail(r.error.message);
      const a = r.value.changes.annotations;
      setPending(null);
      setMessage({
        error: false,
        text: `Restored (${mode}): ${a.added} highlights added, ${a.updated} updated${mode === 'replace' ? `, ${a.removed} removed` : ''}. A safety backup of the notes before the restore was saved.`,
      });
      void refreshAuto();
    } finally {
      setBusy(false);
    }
  }

  async function openW3c(source: string, text: string) {
    setMessage(null);
    const r = importW3cText(text, { knownDocIds: await knownDocIds(), archiveId: db.archiveId });
    if (!r.ok) return fail(`${source}: ${r.message}`);
    setPending({ kind: 'import', source, result: r });
  }

  async function importNow(annotations: Annotation[]) {
    setBusy(true);
    try {
      const r = await importAnnotations(db, annotations);
      if (!r.ok) return fail(r.error.message);
      setPending(null);
      setMessage({ error: false, text: `Imported: ${r.value.added} added, ${r.value.updated} updated, ${r.value.kept} already up to date.` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="backup-panel card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        Backup and restore
      </h2>
      <div className="export-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" className="button" onClick={backupNow} disabled={busy}>
          Backup now
        </button>
        <label className="button button-quiet">
          Restore from file…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            aria-label="Restore from file"
            disabled={busy}
            onChange={(e) => {
              void readPicked(e.target.files?.[0], openBackupText);
              e.target.value = '';
            }}
          />
        </label>
        <label className="button button-quiet">
          Import annotations (W3C JSON)…
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            className="visually-hidden"
            aria-label="Import annotations"
            disabled={busy}
            onChange={(e) => {
              void readPicked(e.target.files?.[0], openW3c);
              e.target.value = '';
            }}
          />
        </label>
      </div>

      {message && (
        <p className={message.error ? 'inline-error' : 'export-status'} role={message.error ? 'alert' : 'status'} style={{ whiteSpace: 'pre-line' }}>
          {message.text}
        </p>
      )}

      {pending?.kind === 'restore' && (
        <RestorePreview
          source={pending.source}
          preview={pending.preview}
          current={current}
          plans={plans}
          openArchiveId={db.archiveId}
          busy={busy}
          onRestore={(m) => void restore(m)}
          onCancel={() => setPending(null)}
        />
      )}

      {pending?.kind === 'import' && (
        <section className="restore-preview" aria-label="Import preview">
          <p>
            <strong>{pending.source}</strong>: {pending.result.total} annotation(s); {pending.result.annotations.length} can be added.
          </p>
          {pending.result.unknownDocs.length > 0 && (
            <>
              <p>{pending.result.unknownDocs.length} refer to articles this archive does not have and will not be added:</p>
              <ul className="unknown-list" aria-label="Annotations on unknown articles">
                {pending.result.unknownDocs.slice(0, 200).map((u) => (
                  <li key={u.index}>
                    “{u.quote.slice(0, 120)}” — {u.source || 'no source'}
                  </li>
                ))}
              </ul>
            </>
          )}
          {pending.result.invalid.length > 0 && (
            <ul className="unknown-list" aria-label="Annotations that cannot be read">
              {pending.result.invalid.slice(0, 200).map((i) => (
                <li key={i.index}>
                  #{i.index + 1}: {i.message}
                </li>
              ))}
            </ul>
          )}
          <div className="export-actions">
            <button type="button" className="button button-quiet" onClick={() => setPending(null)} disabled={busy}>
              Cancel
            </button>
            <button type="button" className="button" disabled={busy || pending.result.annotations.length === 0} onClick={() => void importNow(pending.result.annotations)}>
              Add {pending.result.annotations.length} annotation(s)
            </button>
          </div>
        </section>
      )}

      {autoBackups && (
        <div>
          <h3 className="section-label">Backups kept by the app</h3>
          {autoList === null ? (
            <p className="subtle">Loading…</p>
          ) : autoList.length === 0 ? (
            <p className="subtle">None yet: one is made when the app quits, at most once a day; the last 10 are kept.</p>
          ) : (
            <table className="backup-table">
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Contents</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {autoList.map((b) => (
                  <tr key={b.name}>
                    <td>
                      {formatMoment(b.createdAt)}
                      {b.reason ? <span className="subtle"> · {REASONS[b.reason] ?? b.reason}</span> : null}
                    </td>
                    <td>{b.counts ? countsText(b.counts) : '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        disabled={busy}
                        aria-label={`Restore the backup of ${b.createdAt}`}
                        onClick={async () => {
                          const r = await autoBackups.read(b.name);
                          if (r.ok) await openBackupText(b.name, r.value);
                          else fail(`${b.name} could not be read: ${r.error.message}`);
                        }}
                      >
                        Restore…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
