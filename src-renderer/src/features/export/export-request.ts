/**
 * Who asked for the export dialog, and what the Notebook shows: two tiny
 * module stores so a button in the reader, one in the Notebook, Ctrl/Cmd+E
 * and the Electron menu's `export` command all open the one dialog the app
 * shell mounts, with the scopes that fit where the person is.
 */
import { useSyncExternalStore } from 'react';
import type { ExportScope } from './ExportDialog';

type Listener = () => void;

function store<T>(initial: T) {
  let value = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      listeners.forEach((l) => l());
    },
    subscribe(l: Listener) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export interface ExportRequest {
  initialScope?: ExportScope['id'];
}

const request = store<ExportRequest | null>(null);

export function openExport(req: ExportRequest = {}): void {
  request.set(req);
}

export function closeExport(): void {
  request.set(null);
}

export function useExportRequest(): ExportRequest | null {
  return useSyncExternalStore(request.subscribe, request.get);
}

export interface NotebookIds {
  /** Ticked in the Notebook, in its order. */
  selected: string[];
  /** Shown under the current filter, in its order. */
  shown: string[];
  /** Whether a filter narrows the list (else `shown` is everything). */
  filtered: boolean;
}

const EMPTY: NotebookIds = { selected: [], shown: [], filtered: false };
const notebook = store<NotebookIds>(EMPTY);

export function setNotebookIds(patch: Partial<NotebookIds>): void {
  notebook.set({ ...notebook.get(), ...patch });
}

export function clearNotebookIds(): void {
  notebook.set(EMPTY);
}

export function useNotebookIds(): NotebookIds {
  return useSyncExternalStore(notebook.subscribe, notebook.get);
}
