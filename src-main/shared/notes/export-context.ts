/**
 * Facts every format derives the same way from an ExportInput: colour names,
 * the cited article of each annotation, its passage link, the export's title
 * and date, the union of tags. Computed once per export.
 */
import { DEFAULT_COLORS, type Annotation, type ColorDef } from './annotation-model';
import { citedDoc, normalizeLinkBase, passageLink } from './citation';
import type { ArticleNote, CitedDoc, ExportInput } from './types';

export interface ExportContext {
  input: ExportInput;
  linkBase: string;
  /** The archive of the exported articles (ExportInput.archiveId), undefined for the bundled one. */
  archiveId: string | undefined;
  generatedAt: string;
  title: string;
  colorLabel(a: Annotation): string;
  colorHex(a: Annotation): string;
  doc(a: Annotation): CitedDoc;
  link(a: Annotation): string;
  /** Passage link to a whole article of the exported archive. */
  articleLink(docId: string): string;
  /** Every tag used by an exported annotation, sorted case-insensitively, first spelling kept. */
  allTags: string[];
  /** Articles cited, in order of first appearance. */
  citedDocs: CitedDoc[];
  /** The article notes to export (something written on each), in article order. */
  articleNotes: ArticleNote[];
}

export function exportContext(input: ExportInput): ExportContext {
  const colors = new Map<string, ColorDef>();
  for (const c of DEFAULT_COLORS) colors.set(c.id, c);
  for (const c of input.colors ?? []) colors.set(c.id, c);
  const linkBase = normalizeLinkBase(input.linkBase);
  const archiveId = input.archiveId ?? input.annotations[0]?.archiveId;

  const tags = new Map<string, string>();
  const cited = new Map<string, CitedDoc>();
  for (const a of input.annotations) {
    for (const t of a.tags) if (!tags.has(t.toLowerCase())) tags.set(t.toLowerCase(), t);
    if (!cited.has(a.docId)) cited.set(a.docId, citedDoc(input.docs, a.docId));
  }
  const articleNotes = (input.articleNotes ?? []).filter((n) => n.note.trim() !== '' || n.tags.length > 0 || n.starred);
  for (const n of articleNotes) {
    for (const t of n.tags) if (!tags.has(t.toLowerCase())) tags.set(t.toLowerCase(), t);
    if (!cited.has(n.docId)) cited.set(n.docId, citedDoc(input.docs, n.docId));
  }
  const citedDocs = [...cited.values()];
  const title =
    input.title ??
    (citedDocs.length === 1 ? citedDocs[0].title : `Archive Reader excerpts (${input.annotations.length})`);

  return {
    input,
    linkBase,
    archiveId,
    generatedAt: input.generatedAt ?? new Date().toISOString(),
    title,
    colorLabel: (a) => colors.get(a.color)?.label ?? a.color,
    colorHex: (a) => colors.get(a.color)?.hex ?? '#ffe066',
    doc: (a) => citedDoc(input.docs, a.docId),
    link: (a) => passageLink(linkBase, a.docId, a.id, a.archiveId),
    articleLink: (docId) => passageLink(linkBase, docId, undefined, archiveId),
    allTags: [...tags.values()].sort((x, y) => x.localeCompare(y, 'en', { sensitivity: 'base' })),
    citedDocs,
    articleNotes,
  };
}
