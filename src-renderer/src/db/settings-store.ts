/**
 * Settings kept with the notes (so a backup carries them): for now the
 * person's names for the highlight colours ("Key fact", "Question", ...).
 * Stored as { key: 'colors', value: ColorDef[] } and read through
 * restoreColors, which fills in any colour a stored list lacks.
 */
import type { ColorDef, ColorId } from '../../../src-main/shared/notes/annotation-model';
import type { Result } from '../../../src-main/shared/result';
import type { NotesDatabase } from './database';
import { NOTES_LIMITS, normalizeTagName, restoreColors } from '../../../src-main/shared/notes/schema';
import { err, guardedWrite, ok } from './write-status';

const COLORS_KEY = 'colors';

export async function readColors(db: NotesDatabase): Promise<ColorDef[]> {
  return restoreColors((await db.settings.get(COLORS_KEY))?.value);
}

export async function setColorLabel(db: NotesDatabase, id: ColorId, label: string): Promise<Result<ColorDef[]>> {
  const name = normalizeTagName(label).slice(0, NOTES_LIMITS.colorLabelChars);
  if (!name) return err('invalid-argument', 'A colour needs a name.');
  return guardedWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const colors = restoreColors((await db.settings.get(COLORS_KEY))?.value);
      if (!colors.some((c) => c.id === id)) return err('invalid-argument', `Unknown colour: ${id}.`);
      const next = colors.map((c) => (c.id === id ? { ...c, label: name } : c));
      await db.settings.put({ key: COLORS_KEY, value: next });
      return ok(next);
    }),
  );
}

/** Any other setting kept with the notes (e.g. 'dossier'); the caller validates what it reads. */
export async function readSetting(db: NotesDatabase, key: string): Promise<unknown> {
  return (await db.settings.get(key))?.value;
}

export async function writeSetting(db: NotesDatabase, key: string, value: unknown): Promise<Result<true>> {
  if (!key || key === COLORS_KEY) return err('invalid-argument', `The setting "${key}" cannot be written here.`);
  return guardedWrite(async () => {
    await db.settings.put({ key, value });
    return ok(true as const);
  });
}
