/** The words of the sync status line and of "Test connection". */
import type { SyncStatus } from '../../db/sync/sync-engine';
import { formatMoment, formatNumber } from '../../platform/format';

export function describeStatus(s: SyncStatus, enabled: boolean): string {
  if (!enabled && s.state === 'stopped') return 'Sync is off.';
  const when = s.lastSync ? ` Last synced ${formatMoment(s.lastSync)}.` : '';
  const pending = s.pending > 0 ? `${formatNumber(s.pending)} pending` : null;
  switch (s.state) {
    case 'synced':
      return `${pending ?? 'Synced'}.${when}`;
    case 'syncing':
    case 'starting':
      return `Syncing${pending ? `: ${pending}` : ''}…${when}`;
    case 'stopped':
      return 'Starting sync…';
    default:
      return `${pending ? `${pending}. ` : ''}${s.error ?? 'Sync stopped.'}${when}`;
  }
}

/** Ask the server (through the host) for the database: what a person should do next, in one sentence. */
export async function testConnection(dbUrl: string): Promise<string> {
  try {
    const r = await fetch(dbUrl, { headers: { accept: 'application/json' } });
    if (r.ok) return 'Connected: the server has the database.';
    if (r.status === 401 || r.status === 403) return 'authentication failed: check the user name and password.';
    if (r.status === 404) return 'The server answers, but has no such database: create it first.';
    const body = (await r.json().catch(() => null)) as { reason?: string } | null;
    return body?.reason ?? `The server answered ${r.status}.`;
  } catch (e) {
    return `The server cannot be reached: ${String(e)}`;
  }
}
