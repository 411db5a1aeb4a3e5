/**
 * Keyboard shortcuts: one window-level listener, and views that say what
 * `j`, `k` (and their own keys) mean while they are shown. Keys typed into a
 * text field stay text, except Esc, which leaves the field so the shortcuts
 * work again. Menu commands from the Electron host (see commands.ts) run the
 * same actions, so keyboard and menu can never disagree.
 */
import { useEffect, useRef } from 'react';

export type ViewAction = 'next' | 'previous' | 'nextMatch' | 'previousMatch' | 'back' | 'highlight';

export type ViewHandlers = Partial<Record<ViewAction, () => void>>;

export const SHORTCUTS: readonly { keys: string[]; description: string }[] = [
  { keys: ['/'], description: 'Search' },
  { keys: ['j'], description: 'Next item, or next article while reading' },
  { keys: ['k'], description: 'Previous item, or previous article while reading' },
  { keys: ['↓', '↑'], description: 'Next or previous item in a list' },
  { keys: ['Enter'], description: 'Open the selected item' },
  { keys: ['Ctrl', 'F'], description: 'Find in this article (⌘F on macOS)' },
  { keys: ['n'], description: 'Next search match in the article' },
  { keys: ['Shift', 'n'], description: 'Previous search match in the article' },
  { keys: ['h'], description: 'Highlight the selected text in the last colour' },
  { keys: ['Esc'], description: 'Leave a text field, close the open highlight, or go back' },
  { keys: ['Ctrl', 'E'], description: 'Export highlights and notes (⌘E on macOS)' },
  { keys: ['Ctrl', 'Z'], description: 'Undo the last delete (⌘Z on macOS)' },
  { keys: ['?'], description: 'Show these shortcuts' },
];

const KEY_ACTIONS: Record<string, ViewAction> = {
  j: 'next',
  k: 'previous',
  n: 'nextMatch',
  N: 'previousMatch',
  h: 'highlight',
  Escape: 'back',
};

/** The registered views, newest last: the newest one that handles an action gets it. */
const stack: { current: ViewHandlers }[] = [];

export function runViewAction(action: ViewAction): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const handler = stack[i]!.current[action];
    if (handler) {
      handler();
      return true;
    }
  }
  return false;
}

/** A view declares what the keys mean while it is mounted. */
export function useViewKeys(handlers: ViewHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const entry = { get current() {
      return ref.current;
    } };
    stack.push(entry);
    return () => {
      const i = stack.indexOf(entry);
      if (i >= 0) stack.splice(i, 1);
    };
  }, []);
}

export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type);
  }
  return false;
}

export interface GlobalKeyOptions {
  focusSearch: () => void;
  /** Esc with nothing else to do. */
  back: () => void;
  /** `?`: show every shortcut. */
  showShortcuts?: () => void;
  /** Ctrl/Cmd+Z outside a text field: undo the last delete; false when there is nothing to undo. */
  undo?: () => boolean;
}

/** Installs the window-level listener (App calls this once). */
export function useGlobalKeys(opts: GlobalKeyOptions): void {
  const ref = useRef(opts);
  ref.current = opts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // Ctrl/Cmd+Z: a text field keeps its own undo; elsewhere it undoes the last delete.
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' && !isTextEntry(e.target)) {
        if (ref.current.undo?.()) e.preventDefault();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // Inside a dialog or menu that handles its own keys.
      if (e.target instanceof Element && e.target.closest('[data-own-keys]')) return;
      if (isTextEntry(e.target)) {
        if (e.key === 'Escape' && e.target instanceof HTMLElement) {
          e.preventDefault();
          e.target.blur();
        }
        return;
      }
      if (e.key === '/') {
        e.preventDefault();
        ref.current.focusSearch();
        return;
      }
      if (e.key === '?' && ref.current.showShortcuts) {
        e.preventDefault();
        ref.current.showShortcuts();
        return;
      }
      const action = KEY_ACTIONS[e.key];
      if (!action) return;
      if (runViewAction(action)) {
        e.preventDefault();
        return;
      }
      if (action === 'back') {
        e.preventDefault();
        ref.current.back();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
