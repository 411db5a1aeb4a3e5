/**
 * Settings > Sync: the server's database URL, user, password, "Test
 * connection", on/off, and the status line (synced / N pending / last error,
 * with the time of the last sync), and the optional encryption passphrase.
 * The password and the passphrase go to the host, which keeps them; this form
 * only knows whether each is set.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../platform/api-context';
import { useNotesDb } from '../../db';
import { refreshSync, useSyncStatus } from './sync-runner';
import { describeStatus, testConnection } from './sync-status';

export function SyncSettings() {
  const api = useApi();
  const db = useNotesDb();
  const status = useSyncStatus();
  const [serverUrl, setServerUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [hasPassword, setHasPassword] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [hasPassphrase, setHasPassphrase] = useState(false);
  const [enabled, setEnabled] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [available, setAvailable] = useState(true);
  // The fields wait for the saved settings: their answer would otherwise overwrite what the person had
  // begun to type (and turn "Sync on" back off) when the host answered late.
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    void api.syncSettingsGet().then((r) => {
      if (!live) return;
      setLoaded(true);
      if (!r.ok) {
        setAvailable(r.error.code !== 'unsupported');
        setMessage(r.error.message);
        return;
      }
      setServerUrl(r.value.serverUrl);
      setUser(r.value.user);
      setHasPassword(r.value.hasPassword);
      setHasPassphrase(r.value.hasPassphrase);
      setEnabled(r.value.enabled);
    });
    return () => {
      live = false;
    };
  }, [api]);

  async function save(nextEnabled: boolean): Promise<boolean> {
    const r = await api.syncSettingsSet({ serverUrl, user, ...(password ? { password } : {}), ...(passphrase ? { passphrase } : {}), enabled: nextEnabled });
    if (!r.ok) {
      setMessage(r.error.message);
      return false;
    }
    setPassword('');
    setPassphrase('');
    setHasPassword(r.value.hasPassword);
    setHasPassphrase(r.value.hasPassphrase);
    setEnabled(r.value.enabled);
    return true;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (await save(enabled)) {
      setMessage('Saved.');
      await refreshSync(api, db);
    }
  }

  async function onTest() {
    setMessage('Testing…');
    // The test goes through the host with the saved settings, so save first (sync stays as it was).
    if (!(await save(true))) return;
    setMessage(await testConnection(`${location.origin}/sync/db`));
    if (!enabled) await save(false);
  }

  async function onToggle(next: boolean) {
    if (await save(next)) await refreshSync(api, db);
  }

  if (!available) {
    return (
      <section className="card" aria-labelledby="sync-heading">
        <h2 id="sync-heading" className="card-title">Sync</h2>
        <p className="subtle">{message}</p>
      </section>
    );
  }
  return (
    <section className="card sync-card" aria-labelledby="sync-heading">
      <h2 id="sync-heading" className="card-title">Sync</h2>
      <p className="subtle">Keep your notes in step across your computers through your own CouchDB server.</p>
      <form className="sync-form" onSubmit={(e) => void onSubmit(e)} aria-busy={!loaded || undefined}>
        <fieldset className="sync-fields" disabled={!loaded}>
          <label>
            Server database URL
            <input type="url" value={serverUrl} placeholder="http://127.0.0.1:5984/notes" onChange={(e) => setServerUrl(e.target.value)} />
          </label>
          <label>
            User
            <input type="text" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
          </label>
          <label>
            Password
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              placeholder={hasPassword ? 'saved (type to change)' : ''}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <label>
            Encryption passphrase (optional)
            <input
              type="password"
              autoComplete="new-password"
              value={passphrase}
              placeholder={hasPassphrase ? 'saved (type to change)' : 'none: the server can read your notes'}
              aria-describedby="sync-passphrase-help"
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </label>
          <p id="sync-passphrase-help" className="subtle">
            With a passphrase, note text, quotes and tags are encrypted on this computer before they are sent; the server never sees them.
            Use the same passphrase on every computer, on a new, empty database. It cannot be recovered if forgotten.
          </p>
          <div className="sync-actions">
            <button type="submit" className="button">
              Save
            </button>
            <button type="button" className="button button-quiet" onClick={() => void onTest()}>
              Test connection
            </button>
            <label className="sync-toggle">
              <input type="checkbox" checked={enabled} onChange={(e) => void onToggle(e.target.checked)} />
              Sync on
            </label>
          </div>
        </fieldset>
      </form>
      {message && <p className="subtle" role="status">{message}</p>}
      <p className="sync-status" data-testid="sync-status" aria-live="polite">
        {describeStatus(status, enabled)}
      </p>
    </section>
  );
}
