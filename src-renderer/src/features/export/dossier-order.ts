/**
 * The dossier's item list as pure operations (the builder UI, drag and drop
 * and keyboard moves all go through these), so ordering is testable without a DOM.
 */
import type { DossierItem } from '../../../../src-main/shared/notes/dossier';

/** Move the item at `from` so it ends up at index `to` (indices in the list before the move). */
export function moveItem(items: readonly DossierItem[], from: number, to: number): DossierItem[] {
  if (from === to || from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [it] = next.splice(from, 1);
  next.splice(to, 0, it);
  return next;
}

let seq = 0;
const newItemId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(++seq).toString(36)}`;

/** Add a heading (after `index`, or at the end). Blank text adds nothing. */
export function addHeading(items: readonly DossierItem[], text: string, index = items.length - 1): DossierItem[] {
  const t = text.trim();
  if (!t) return [...items];
  const next = [...items];
  next.splice(index + 1, 0, { kind: 'heading', id: newItemId('h'), text: t.slice(0, 300) });
  return next;
}

/** Add excerpts at the end, skipping any already in the dossier. */
export function addExcerpts(items: readonly DossierItem[], annotationIds: readonly string[]): DossierItem[] {
  const present = new Set(items.flatMap((i) => (i.kind === 'excerpt' ? [i.annotationId] : [])));
  const added = annotationIds.filter((id) => !present.has(id)).map((annotationId): DossierItem => ({ kind: 'excerpt', id: newItemId('e'), annotationId }));
  return [...items, ...added];
}

export function removeItem(items: readonly DossierItem[], id: string): DossierItem[] {
  return items.filter((i) => i.id !== id);
}

/** Restore a saved dossier (e.g. from settings): keeps only well-formed items. */
export function restoreDossierItems(raw: unknown): DossierItem[] {
  if (!Array.isArray(raw)) return [];
  const out: DossierItem[] = [];
  for (const r of raw.slice(0, 10_000)) {
    if (!r || typeof r !== 'object') continue;
    const o = r as Record<string, unknown>;
    if (typeof o.id !== 'string') continue;
    if (o.kind === 'heading' && typeof o.text === 'string') out.push({ kind: 'heading', id: o.id, text: o.text.slice(0, 300) });
    if (o.kind === 'excerpt' && typeof o.annotationId === 'string') out.push({ kind: 'excerpt', id: o.id, annotationId: o.annotationId });
  }
  return out;
}
