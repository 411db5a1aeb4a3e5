/**
 * Where the person stopped reading each document, so reopening it lands
 * there. A position is a paragraph index plus how far into that paragraph
 * the top of the view was: unlike a pixel offset, it survives a change of
 * font size, line width or window size.
 *
 * Stored in localStorage for now, behind this async interface: the
 * annotations work moves it into IndexedDB (per-document state) without
 * changing callers.
 */

export interface ReadingPosition {
  /** Index of the paragraph at the top of the view. */
  paragraph: number;
  /** Fraction [0, 1) of that paragraph scrolled past. */
  within: number;
  /** ISO timestamp. */
  savedAt: string;
}

const PREFIX = 'archive-reader:position:';

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

export async function loadReadingPosition(docId: string): Promise<ReadingPosition | null> {
  try {
    const text = store()?.getItem(PREFIX + docId);
    return text ? restorePosition(JSON.parse(text)) : null;
  } catch {
    return null;
  }
}

/** The top of the document clears the position: reopening starts at the top anyway. */
export async function saveReadingPosition(docId: string, pos: Omit<ReadingPosition, 'savedAt'>): Promise<void> {
  const s = store();
  if (!s) return;
  try {
    if (pos.paragraph === 0 && pos.within < 0.01) s.removeItem(PREFIX + docId);
    else s.setItem(PREFIX + docId, JSON.stringify({ ...pos, savedAt: new Date().toISOString() }));
  } catch {
    // Full or blocked storage: the position is a convenience, never worth an error.
  }
}
