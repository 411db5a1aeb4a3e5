/**
 * Toasts with an "Undo" action (after a delete). A tiny module-level store so
 * any component can raise one; <AnnotationToasts/> shows them. It may be
 * mounted by several views at once (reader, notebook): only the first mounted
 * instance renders, so a toast never appears twice.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  message: string;
  undo?: () => void | Promise<unknown>;
}

const TOAST_MS = 8000;
/** How many deletes Ctrl/Cmd+Z can still undo after their toast has gone. */
const UNDO_DEPTH = 20;
let toasts: Toast[] = [];
let undoStack: { id: number; undo: NonNullable<Toast['undo']> }[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function showToast(message: string, undo?: Toast['undo']): number {
  const id = nextId++;
  toasts = [...toasts.slice(-2), { id, message, undo }];
  if (undo) undoStack = [...undoStack.slice(1 - UNDO_DEPTH), { id, undo }];
  emit();
  setTimeout(() => dismissToast(id), TOAST_MS);
  return id;
}

/** Ctrl/Cmd+Z: undoes the newest delete not undone yet; false when there is none. */
export function undoLast(): boolean {
  const last = undoStack.at(-1);
  if (!last) return false;
  undoStack = undoStack.slice(0, -1);
  dismissToast(last.id);
  void last.undo();
  return true;
}

export function dismissToast(id: number): void {
  if (!toasts.some((t) => t.id === id)) return;
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

const hosts: number[] = [];
let hostSeq = 0;

export function AnnotationToasts() {
  const list = useSyncExternalStore(subscribe, () => toasts);
  const [me] = useState(() => ++hostSeq);
  const [, rerender] = useState(0);
  useEffect(() => {
    hosts.push(me);
    emit();
    const l = () => rerender((n) => n + 1);
    listeners.add(l);
    return () => {
      hosts.splice(hosts.indexOf(me), 1);
      listeners.delete(l);
      emit();
    };
  }, [me]);
  if (hosts[0] !== me || list.length === 0) return null;
  return (
    <div className="ann-toasts" role="status" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} className="ann-toast">
          <span>{t.message}</span>
          {t.undo ? (
            <button
              type="button"
              className="button"
              onClick={async () => {
                dismissToast(t.id);
                undoStack = undoStack.filter((u) => u.id !== t.id);
                await t.undo?.();
              }}
            >
              Undo
            </button>
          ) : null}
          <button type="button" className="button-quiet" aria-label="Dismiss" onClick={() => dismissToast(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
