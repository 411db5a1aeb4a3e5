/**
 * Choosing and ordering what an export holds, the same way in the app and the
 * CLI: filter by tags (any of them, case-insensitive), sort by article date,
 * article and position, and read the person's colour names from the settings
 * rows of a backup.
 */
import { DEFAULT_COLORS, type Annotation, type ColorDef } from './annotation-model';
import type { CitedDoc } from './types';
import type { SettingRow } from './schema';

/** Annotations carrying at least one of `tags` (all annotations when `tags` is empty). */
export function filterByTags(annotations: readonly Annotation[], tags: readonly string[]): Annotation[] {
  if (!tags.length) return [...annotations];
  const wanted = new Set(tags.map((t) => t.trim().toLowerCase()));
  return annotations.filter((a) => a.tags.some((t) => wanted.has(t.toLowerCase())));
}

/** Article date (undated last), then article id, then position in the text, then creation. */
export function sortForExport(annotations: readonly Annotation[], docs: ReadonlyMap<string, CitedDoc>): Annotation[] {
  const date = (a: Annotation) => docs.get(a.docId)?.published ?? '\uffff';
  return [...annotations].sort(
    (a, b) =>
      cmp(date(a), date(b)) ||
      cmp(a.docId, b.docId) ||
      a.position.start - b.position.start ||
      cmp(a.created, b.created) ||
      cmp(a.id, b.id),
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Colour names from the settings table's "colors" row, falling back to the defaults for anything odd. */
export function colorsFromSettings(settings: readonly SettingRow[]): ColorDef[] {
  const row = settings.find((s) => s.key === 'colors');
  const stored = new Map<string, { label?: unknown; hex?: unknown }>();
  if (row && Array.isArray(row.value)) {
    for (const c of row.value) if (c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string') stored.set((c as { id: string }).id, c);
  }
  return DEFAULT_COLORS.map((def) => {
    const s = stored.get(def.id);
    const label = typeof s?.label === 'string' && s.label.trim() ? s.label.trim().slice(0, 40) : def.label;
    const hex = typeof s?.hex === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(s.hex) ? s.hex : def.hex;
    return { id: def.id, label, hex };
  });
}
