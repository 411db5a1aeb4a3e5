/**
 * A visible banner for the last storage failure (quota, closed database):
 * the person must know that something is not saved. Editors keep their own
 * unsaved text; this says why it is not saved yet.
 */
import { clearWriteStatus, useWriteStatus } from '../../db';

export function StorageStatus() {
  const status = useWriteStatus();
  if (!status.error) return null;
  return (
    <div className="ann-storage-error" role="alert">
      <span>{status.error}</span>
      <button type="button" className="button-quiet" onClick={clearWriteStatus} aria-label="Dismiss storage message">
        ×
      </button>
    </div>
  );
}
