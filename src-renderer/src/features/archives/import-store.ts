/**
 * Whether the import dialog is open, and into which archive: one small store,
 * so the switcher, the library's empty state and the host's File > Import...
 * command all open the same dialog.
 */
import { useSyncExternalStore } from 'react';

export interface ImportRequest {
  /** Import again into this archive; a new archive when absent. */
  into?: string;
  /** An import already begun by the host (a folder dropped onto the window): the dialog follows it. */
  follow?: string;
}

let current: ImportRequest | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function openImport(req: ImportRequest = {}): void {
  current = req;
  emit();
}

export function closeImport(): void {
  current = null;
  emit();
}

export function useImportRequest(): ImportRequest | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
