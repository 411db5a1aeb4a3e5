/**
 * Where the person stopped reading each document, so reopening it lands
 * there. On screen a position is a paragraph index plus how far into that
 * paragraph the top of the view was; in storage it is the per-article
 * DocState.readingPosition (IndexedDB, so backups carry it), a fraction 0..1
 * of the document's *text* (character offset / length). Unlike a pixel
 * offset, both survive a change of font size, line width or window size.
 *
 * Earlier builds kept positions in localStorage (`archive-reader:position:<id>`):
 * the first read of an article moves such a value into IndexedDB once and
 * removes the old key.
 */
import { readDocState, updateDocState, type NotesDatabase } from '../../db';

export interface ReadingPosition {
  /** Index of the paragraph at the top of the view. */
  paragraph: number;
  /** Fraction [0, 1) of that paragraph scrolled past. */
  within: number;
  /** ISO timestamp. */
  savedAt: string;
}

/** What converts between paragraph positions and text fractions: paragraphOffsets(doc) and docText(doc).length. */
export interface TextShape {
  starts: readonly number[];
  length: number;
}

export const LEGACY_PREFIX = 'archive-reader:position:';

function store(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Valid positions only: anything else in storage reads as "no position". */
export function restorePosition(raw: unknown): ReadingPosition | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.paragraph !== 'number' || !Number.isInteger(r.paragraph) || r.paragraph < 0) return null;
  const within = typeof r.within === 'number' && Number.isFinite(r.within) ? Math.min(0.999, Math.max(0, r.within)) : 0;
  const savedAt = typeof r.savedAt === 'string' ? r.savedAt : new Date(0).toISOString();
  return { paragraph: r.paragraph, within, savedAt };
}

/** Paragraph i spans [starts[i], end) where end is the next start minus the "\n\n" joiner (or the text's end). */
function paragraphEnd(shape: TextShape, i: number): number {
  const next = shape.starts[i + 1];
  return next === undefined ? shape.length : Math.max(shape.starts[i]!, next - 2);
}

export function positionToFraction(pos: { paragraph: number; within: number }, shape: TextShape): number {
  if (shape.length <= 0 || shape.starts.length === 0) return 0;
  const i = Math.min(Math.max(0, pos.paragraph), shape.starts.length - 1);
  const start = shape.starts[i]!;
  const offset = start + pos.within * (paragraphEnd(shape, i) - start);
  return Math.min(1, Math.max(0, offset / shape.length));
}

export function fractionToPosition(fraction: number, shape: TextShape): { paragraph: number; within: number } {
  if (shape.starts.length === 0 || !(fraction > 0)) return { paragraph: 0, within: 0 };
  const offset = Math.min(1, fraction) * shape.length;
  let i = 0;
  while (i + 1 < shape.starts.length && shape.starts[i + 1]! <= offset) i++;
  const start = shape.starts[i]!;
  const span = paragraphEnd(shape, i) - start;
  const within = span > 0 ? Math.min(0.999, Math.max(0, (offset - start) / span)) : 0;
  return { paragraph: i, within };
}

/** The legacy localStorage value for a document, read and removed (one-time migration). */
function takeLegacy(docId: string): ReadingPosition | null {
  const s = store();
  if (!s) return null;
  try {
    const text = s.getItem(LEGACY_PREFIX + docId);
    if (text === null) return null;
    s.removeItem(LEGACY_PREFIX + docId);
    return restorePosition(JSON.parse(text));
  } catch {
    return null;
  }
}

export async function loadReadingPosition(
  db: NotesDatabase,
  docId: string,
  shape: TextShape,
): Promise<{ paragraph: number; within: number } | null> {
  try {
    const state = await readDocState(db, docId);
    if (state.readingPosition !== null) {
      store()?.removeItem(LEGACY_PREFIX + docId);
      return state.readingPosition > 0 ? fractionToPosition(state.readingPosition, shape) : null;
    }
    const legacy = takeLegacy(docId);
    if (!legacy) return null;
    const fraction = positionToFraction(legacy, shape);
    if (fraction > 0) await updateDocState(db, docId, { readingPosition: fraction });
    return fraction > 0 ? fractionToPosition(fraction, shape) : null;
  } catch {
    return null;
  }
}

/** The top of the document clears the position: reopening starts at the top anyway. */
export async function saveReadingPosition(
  db: NotesDatabase,
  docId: string,
  pos: { paragraph: number; within: number },
  shape: TextShape,
): Promise<void> {
  try {
    const atTop = pos.paragraph === 0 && pos.within < 0.01;
    const fraction = atTop ? null : positionToFraction(pos, shape);
    const current = await readDocState(db, docId);
    if (current.readingPosition === fraction) return;
    await updateDocState(db, docId, { readingPosition: fraction });
  } catch {
    // Full or blocked storage: the position is a convenience, never worth an error.
  }
}
