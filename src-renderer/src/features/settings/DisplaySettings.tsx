/**
 * The controls for theme, text size and line width. Used on the Settings
 * page and in the reader's "Text settings" popover, so both always offer the
 * same choices. Native radio inputs and a range input: keyboard and screen
 * readers get the right roles and names for free.
 */
import { useId } from 'react';
import { FONT_SIZE_MAX, FONT_SIZE_MIN, FONT_SIZE_STEP, LINE_WIDTHS, THEMES } from './settings';
import { useSettings } from './use-settings';

export function DisplaySettings({ compact = false }: { compact?: boolean }) {
  const { settings, update, persisted } = useSettings();
  const id = useId();
  return (
    <div className={compact ? 'display-settings compact' : 'display-settings'}>
      <fieldset className="field">
        <legend className="field-label">Theme</legend>
        <div className="segmented theme-choices">
          {THEMES.map((t) => (
            <label key={t.id} className="segment" data-theme-swatch={t.id}>
              <input
                type="radio"
                name={`${id}-theme`}
                value={t.id}
                checked={settings.theme === t.id}
                onChange={() => update({ theme: t.id })}
              />
              <span>
                <span className="swatch" aria-hidden="true" />
                {t.label}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label className="field-label" htmlFor={`${id}-size`}>
          Font size <span className="field-value">{settings.fontSize}px</span>
        </label>
        <div className="range-row">
          <button
            type="button"
            className="icon-button"
            aria-label="Smaller text"
            disabled={settings.fontSize <= FONT_SIZE_MIN}
            onClick={() => update({ fontSize: settings.fontSize - FONT_SIZE_STEP })}
          >
            <span aria-hidden="true" className="small-a">A</span>
          </button>
          <input
            id={`${id}-size`}
            type="range"
            min={FONT_SIZE_MIN}
            max={FONT_SIZE_MAX}
            step={FONT_SIZE_STEP}
            value={settings.fontSize}
            onChange={(e) => update({ fontSize: Number(e.target.value) })}
          />
          <button
            type="button"
            className="icon-button"
            aria-label="Larger text"
            disabled={settings.fontSize >= FONT_SIZE_MAX}
            onClick={() => update({ fontSize: settings.fontSize + FONT_SIZE_STEP })}
          >
            <span aria-hidden="true" className="large-a">A</span>
          </button>
        </div>
      </div>

      <fieldset className="field">
        <legend className="field-label">Line width</legend>
        <div className="segmented">
          {LINE_WIDTHS.map((w) => (
            <label key={w.id} className="segment">
              <input
                type="radio"
                name={`${id}-width`}
                value={w.id}
                checked={settings.lineWidth === w.id}
                onChange={() => update({ lineWidth: w.id })}
              />
              <span>{w.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {!persisted ? (
        <p className="field-note" role="status">
          These settings could not be saved (storage is full or blocked); they apply until you close the window.
        </p>
      ) : null}
    </div>
  );
}
