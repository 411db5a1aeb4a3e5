/**
 * What the library and search need to know about the person's notes, per
 * article, in one read: how many annotations, starred or not, every tag (on
 * the article and on its annotations), and the text of notes and quotes so a
 * search scope "include my notes and tags" can match it.
 */
import type { NotesDatabase } from './database';
import { restoreAnnotation, restoreDocState, tagKey } from '../../../src-main/shared/notes/schema';

export interface DocNotesSummary {
  docId: string;
  annotations: number;
  starred: boolean;
  /** Article tags and annotation tags, de-duplicated. */
  tags: string[];
  /** Article note, annotation notes and quotes, for searching. */
  text: string;
  /** Where the person stopped (a fraction of the text), or null. */
  readingPosition: number | null;
  /** When the end of the text was first on screen, or null: the article is read. */
  readAt: string | null;
  /** The article state's last change (for "Continue reading", newest first). */
  modified: string | null;
}

export async function readNotesSummary(db: NotesDatabase): Promise<Map<string, DocNotesSummary>> {
  const out = new Map<string, DocNotesSummary>();
  const entry = (docId: string): DocNotesSummary => {
    let e = out.get(docId);
    if (!e) out.set(docId, (e = { docId, annotations: 0, starred: false, tags: [], text: '', readingPosition: null, readAt: null, modified: null }));
    return e;
  };
  const addTags = (e: DocNotesSummary, tags: string[]) => {
    const keys = new Set(e.tags.map(tagKey));
    for (const t of tags) if (!keys.has(tagKey(t))) (keys.add(tagKey(t)), e.tags.push(t));
  };
  // Only the open archive's notes: another archive's article with the same id is another article.
  await db.articleState.where('archiveId').equals(db.archiveId).each((raw) => {
    const r = restoreDocState(raw);
    if (!r.ok) return;
    const e = entry(r.value.docId);
    e.starred = r.value.starred;
    e.readingPosition = r.value.readingPosition;
    e.readAt = r.value.readAt ?? null;
    e.modified = r.value.modified;
    addTags(e, r.value.tags);
    if (r.value.note) e.text += r.value.note + '\n';
  });
  await db.annotations.where('archiveId').equals(db.archiveId).each((raw) => {
    const r = restoreAnnotation(raw);
    if (!r.ok) return;
    const e = entry(r.value.docId);
    e.annotations++;
    addTags(e, r.value.tags);
    e.text += r.value.quote.exact + '\n' + (r.value.note ? r.value.note + '\n' : '');
  });
  // Articles whose only state is "unstarred, no tags, no note, not begun" are not interesting.
  for (const [id, e] of out) if (!e.annotations && !e.starred && !e.tags.length && !e.text && !e.readingPosition && !e.readAt) out.delete(id);
  return out;
}

/**
 * Article ids whose notes, quotes or tags contain every word of the query
 * (case-insensitive). For the search scope toggle "include notes and tags".
 */
export function matchNotes(summary: Map<string, DocNotesSummary>, query: string): string[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const ids: string[] = [];
  for (const e of summary.values()) {
    const hay = (e.text + '\n' + e.tags.join('\n')).toLocaleLowerCase();
    if (words.every((w) => hay.includes(w))) ids.push(e.docId);
  }
  return ids;
}
