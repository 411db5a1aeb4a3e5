/**
 * The Settings page: display settings with a live preview of the reading
 * text, the notes' colour names, tags and backups (NotesSettings), and the
 * keyboard shortcuts, so people can find them.
 */
import { DisplaySettings } from './DisplaySettings';
import { NotesSettings } from './NotesSettings';
import { ShortcutList } from './ShortcutList';
import { SyncSettings } from '../sync';

export function SettingsView() {
  return (
    <div className="page settings-page">
      <header className="page-header">
        <h1 className="page-title">Settings</h1>
        <p className="page-subtitle">Saved on this device and applied to every window.</p>
      </header>
      <div className="settings-grid">
        <section className="card" aria-labelledby="display-heading">
          <h2 id="display-heading" className="card-title">
            Reading
          </h2>
          <DisplaySettings />
        </section>
        <section className="card preview-card" aria-label="Preview">
          <p className="preview-eyebrow">Preview</p>
          <div className="reading preview-text">
            <p>
              The Collective Security Treaty Organization held its annual exercise near the border, with units from six
              member states taking part in the command-staff phase.
            </p>
            <p lang="ru">Учения прошли в соответствии с планом подготовки органов управления и формирований.</p>
          </div>
        </section>
        <NotesSettings />
        <SyncSettings />
        <section className="card" aria-labelledby="keys-heading">
          <h2 id="keys-heading" className="card-title">
            Keyboard
          </h2>
          <ShortcutList />
        </section>
      </div>
    </div>
  );
}
