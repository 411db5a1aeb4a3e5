/**
 * The reader's "Text settings" popover: theme, size and line width without
 * leaving the article. Esc or a click outside closes it and gives focus back
 * to the button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { DisplaySettings } from '../settings';

export function TextSettingsButton() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    panel.current?.querySelector<HTMLElement>('input:checked, input, button')?.focus();
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  return (
    <div className="popover-anchor">
      <button
        ref={button}
        type="button"
        className={open ? 'tool-button pressed' : 'tool-button'}
        aria-expanded={open}
        aria-controls={id}
        aria-label="Text settings"
        title="Text settings"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="aa" aria-hidden="true">
          <span>A</span>
          <span>a</span>
        </span>
      </button>
      {open ? (
        <div
          ref={panel}
          id={id}
          className="popover"
          role="dialog"
          aria-label="Text settings"
          data-own-keys=""
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <DisplaySettings compact />
        </div>
      ) : null}
    </div>
  );
}
