/**
 * The archive as the hosts see it while it loads. Main shows its window before
 * the archive is open, so handlers must answer during loading: `appInfo` says
 * "loading", data methods answer `not-ready`, and once `openArchive` settles
 * everything switches over. A failed open is kept as a message for the UI's
 * error state rather than crashing the host.
 */
import type { ArchiveService } from '../archive/types';

export type SlotState =
  | { status: 'loading'; service: null; message: null }
  | { status: 'ready'; service: ArchiveService; message: null }
  | { status: 'error'; service: null; message: string };

export class ArchiveSlot {
  private state: SlotState = { status: 'loading', service: null, message: null };
  /** How long the last open took, for the log line and appInfo. */
  openMs: number | null = null;

  /** Track an opening archive; resolves (never rejects) when it settles. */
  async load(opening: Promise<ArchiveService>): Promise<SlotState> {
    const started = performance.now();
    this.state = { status: 'loading', service: null, message: null };
    try {
      const service = await opening;
      this.state = { status: 'ready', service, message: null };
    } catch (e) {
      this.state = { status: 'error', service: null, message: `The archive could not be opened: ${errorText(e)}` };
    }
    this.openMs = Math.round(performance.now() - started);
    return this.state;
  }

  /** A slot that is ready at once (tests, CLI-style hosts). */
  static of(service: ArchiveService): ArchiveSlot {
    const slot = new ArchiveSlot();
    slot.state = { status: 'ready', service, message: null };
    return slot;
  }

  get current(): SlotState {
    return this.state;
  }

  async close(): Promise<void> {
    const { service } = this.state;
    if (service) await service.close();
  }
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
