/**
 * Every keyboard shortcut, from the one list in app/shortcuts.ts: shown on
 * the Settings page and in the dialog `?` opens anywhere.
 */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../../platform/shortcuts';

export function ShortcutList() {
  return (
    <dl className="shortcut-list">
      {SHORTCUTS.map((s) => (
        <div key={s.keys.join('+')} className="shortcut">
          <dt>
            {s.keys.map((k) => (
              <kbd key={k}>{k}</kbd>
            ))}
          </dt>
          <dd>{s.description}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A modal list of the shortcuts (`?`); Esc or Close dismisses it. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose} data-own-keys>
      <h2 id="shortcuts-title" className="dialog-title">
        Keyboard shortcuts
      </h2>
      {/* Only while open: the app's first render has better things to build than a closed dialog's 50 rows. */}
      {open ? <ShortcutList /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
