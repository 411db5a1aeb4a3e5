/**
 * Shows what a backup file holds (counts, date, app version) beside what the
 * database holds now and what merge or replace would change, then restores
 * the way the person chooses. Replace asks for a second click. The safety
 * backup and the single transaction are in db/backup-db.ts. A backup holds
 * every archive's notes; the preview lists whose they are, and says which
 * archive to open or import to see notes that are not the open archive's
 * (they are restored all the same, into their own archive).
 */
import { useEffect, useState } from 'react';
import type { ArchiveNotesCount, BackupPreview, TableCounts, TableName } from '../../../../src-main/shared/notes/backup/backup-format';
import { TABLE_NAMES } from '../../../../src-main/shared/notes/backup/backup-format';
import type { RestoreMode, RestorePlan } from '../../../../src-main/shared/notes/backup/restore-plan';
import { formatCount, formatMoment } from '../../platform/format';

const TABLE_LABEL: Record<TableName, string> = {
  annotations: 'Highlights and notes',
  docState: 'Article notes and stars',
  tags: 'Tags',
  settings: 'Settings',
};

export interface RestorePreviewProps {
  source: string;
  preview: BackupPreview;
  current: TableCounts | null;
  plans: Record<RestoreMode, RestorePlan['changes']> | null;
  /** The archive that is open (db.archiveId). */
  openArchiveId: string;
  busy: boolean;
  onRestore(mode: RestoreMode): void;
  onCancel(): void;
}

export function RestorePreview(p: RestorePreviewProps) {
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [confirmReplace, setConfirmReplace] = useState(false);
  useEffect(() => setConfirmReplace(false), [mode]);
  const changes = p.plans?.[mode];

  return (
    <section className="restore-preview" aria-label="Restore preview">
      <p>
        <strong>{p.source}</strong>: a backup from {formatMoment(p.preview.createdAt)}, made by Archive Reader{' '}
        {p.preview.appVersion}.
      </p>
      <dl className="restore-counts">
        <dt className="section-label">&nbsp;</dt>
        <dd className="section-label">In the backup</dd>
        <dd className="section-label">Now</dd>
        {TABLE_NAMES.map((t) => (
          <div key={t} style={{ display: 'contents' }}>
            <dt>{TABLE_LABEL[t]}</dt>
            <dd data-testid={`backup-count-${t}`}>{p.preview.counts[t]}</dd>
            <dd>{p.current ? p.current[t] : '…'}</dd>
          </div>
        ))}
      </dl>
      <BackupArchives archives={p.preview.archives} openArchiveId={p.openArchiveId} />
      <fieldset className="export-fieldset" disabled={p.busy}>
        <legend className="section-label">How</legend>
        <label className="export-choice">
          <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
          Merge: add what is missing, keep the newer version of each note, delete nothing
        </label>
        <label className="export-choice">
          <input type="radio" name="restore-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
          Replace: make the notes exactly what the backup holds
        </label>
      </fieldset>
      {!changes && (
        <p className="subtle" role="status">
          Working out what each way would change…
        </p>
      )}
      {changes && (
        <p className="subtle" role="status">
          Highlights: {changes.annotations.added} added, {changes.annotations.updated} updated
          {mode === 'replace' ? `, ${changes.annotations.removed} removed` : `, ${changes.annotations.keptCurrent} kept (yours are newer)`}.
          A safety backup of the current notes is saved first.
        </p>
      )}
      {mode === 'replace' && confirmReplace && changes && (
        <p className="inline-error" role="alert">
          Replace removes {formatCount(changes.annotations.removed, 'highlight', 'highlights')} that {changes.annotations.removed === 1 ? 'is' : 'are'} not in
          the backup. Click again to replace.
        </p>
      )}
      <div className="export-actions">
        <button type="button" className="button button-quiet" onClick={p.onCancel} disabled={p.busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          // Replace is only offered once the person can see what it removes.
          disabled={p.busy || (mode === 'replace' && !changes)}
          onClick={() => {
            if (mode === 'replace' && !confirmReplace) return setConfirmReplace(true);
            p.onRestore(mode);
          }}
        >
          {mode === 'merge' ? 'Merge into my notes' : confirmReplace ? 'Yes, replace my notes' : 'Replace my notes'}
        </button>
      </div>
    </section>
  );
}

/** Whose notes the backup holds; notes of an archive that is not open say which archive shows them. */
function BackupArchives({ archives, openArchiveId }: { archives: ArchiveNotesCount[]; openArchiveId: string }) {
  if (archives.length === 0 || (archives.length === 1 && archives[0].archiveId === openArchiveId)) return null;
  return (
    <div className="backup-archives" data-testid="backup-archives">
      <p className="section-label">Archives</p>
      <ul>
        {archives.map((a) => (
          <li key={a.archiveId} data-archive-id={a.archiveId}>
            <strong>{a.archiveId}</strong>: {formatCount(a.highlights, 'highlight', 'highlights')}, {formatCount(a.articles, 'article state', 'article states')}
            {a.archiveId === openArchiveId
              ? ' (the open archive).'
              : `. Not the open archive: they are restored and kept, and show once the archive "${a.archiveId}" is open (import it if this app does not have it).`}
          </li>
        ))}
      </ul>
    </div>
  );
}
