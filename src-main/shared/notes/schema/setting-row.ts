/**
 * One stored setting (a key and a JSON value; the annotations code decides the
 * keys), and the colour labels kept under the "colors" key.
 */
import * as v from 'valibot';
import { DEFAULT_COLORS, type ColorDef } from './colors';
import { checkRow, isRecord, text, type RowResult } from './fields';
import { NOTES_LIMITS } from './limits';
import { normalizeCssColor, normalizeTagName } from './tag-names';

export const settingRow = v.strictObject({
  key: text(NOTES_LIMITS.settingKeyChars, { nonEmpty: true }),
  value: v.pipe(
    v.unknown(),
    v.check(
      (x) => JSON.stringify(x ?? null).length <= NOTES_LIMITS.settingValueChars,
      (i) => `is too large (${JSON.stringify(i.input ?? null).length.toLocaleString('en')} characters)`,
    ),
  ),
});

export type SettingRow = v.InferOutput<typeof settingRow>;

export function validateSetting(raw: unknown): RowResult<SettingRow> {
  return checkRow(settingRow, raw);
}

/** The person's colour labels: every colour present, in the default order, labels bounded. */
export function restoreColors(raw: unknown): ColorDef[] {
  const stored = new Map<string, Record<string, unknown>>();
  if (Array.isArray(raw)) for (const c of raw) if (isRecord(c) && typeof c.id === 'string') stored.set(c.id, c);
  return DEFAULT_COLORS.map((def) => {
    const s = stored.get(def.id);
    const label = normalizeTagName(s?.label).slice(0, NOTES_LIMITS.colorLabelChars);
    return { id: def.id, label: label || def.label, hex: normalizeCssColor(s?.hex, def.hex) };
  });
}
