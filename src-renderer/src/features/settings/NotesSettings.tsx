/**
 * The notes part of Settings: colour names and tags (rename, merge, delete,
 * colours), and Backup and restore with the host's automatic backups. Kept
 * apart from SettingsView so the display settings stay free of the notes
 * database.
 */
import { useCallback } from 'react';
import { useApi } from '../../platform/api-context';
import { useArchiveStatus } from '../../platform/archive-status';
import { useNotesDb } from '../../db';
import { ColorLabelsEditor, TagManager } from '../notebook';
import { BackupPanel, useHostBackups } from '../backup';
import { fileSaver } from '../export';

export function NotesSettings() {
  const db = useNotesDb();
  const api = useApi();
  const { info } = useArchiveStatus();
  const autoBackups = useHostBackups(api);
  const knownDocIds = useCallback(async () => {
    const r = await api.list({});
    return new Set(r.ok ? r.value.items.map((d) => d.id) : []);
  }, [api]);

  return (
    <>
      {/* Each editor brings its own heading (a labelled section). */}
      <div className="card notes-card">
        <ColorLabelsEditor />
        <p className="subtle">Name each colour for what it means to you: the names label the colour buttons and go into exports.</p>
      </div>
      <div className="card notes-card">
        <TagManager />
      </div>
      <BackupPanel
        db={db}
        appVersion={info?.version ?? ''}
        save={fileSaver(info?.host ?? 'web', api)}
        autoBackups={autoBackups}
        knownDocIds={knownDocIds}
      />
    </>
  );
}
