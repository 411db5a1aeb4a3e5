/**
 * The article model: what the archive holds and what every process sees.
 * Types only (plus tiny pure helpers), so main, preload, the HTTP host and the
 * renderer can all import it without pulling in Node or DOM code.
 */

export type Lang = 'en' | 'ru';
export type DocKind = 'article' | 'brief';

export interface Paragraph {
  text: string;
  lang: Lang;
}

export interface Facets {
  people: string[];
  places: string[];
  organizations: string[];
}

export type FacetType = keyof Facets;

/** One row of the library: enough to list, sort and filter without loading bodies. */
export interface DocSummary {
  id: string;
  kind: DocKind;
  title: string;
  /** ISO date YYYY-MM-DD, or null when the page does not say. */
  published: string | null;
  /** ISO date of the event the text reports, when the text gives one. */
  eventDate: string | null;
  /** Source file name (relative to the corpus folder). */
  source: string;
  languages: Lang[];
  /** Year used by the timeline and year filter: published, else eventDate. */
  year: number | null;
  /** The first sentence of the text (the library row's summary line); absent in archives built before it. */
  summary?: string;
  /** The sub-folder of the source, when not at the top of the folder ("business", "2019/sport"). */
  section?: string;
  /** Every source file with this text when duplicates were merged (`source` first). */
  sources?: string[];
  /** A saved web page's canonical URL. */
  url?: string;
  /** The byline, from the page's metadata or front matter. */
  author?: string;
  /** Tags from the page's metadata or front matter. */
  tags?: string[];
}

/** A whole document, as the reader shows it. */
export interface Doc extends DocSummary {
  paragraphs: Paragraph[];
  /** For articles: ids of the briefs (sidebar teasers) that appeared on the page. */
  briefs?: string[];
  /** For briefs: ids of the articles on whose pages the teaser appeared. */
  appearsIn?: string[];
  facets: Facets;
  /**
   * Hash of docText(doc). Annotations store the hash of the text they were made
   * on, so re-anchoring knows when the text changed.
   */
  textHash: string;
}

/** Separator between paragraphs in the canonical document text. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * The canonical plain text of a document: paragraphs joined by a blank line.
 * Annotation TextPositionSelectors and search match offsets count UTF-16 code
 * units into this string; the reader renders one element per paragraph and
 * maps offsets through the same rule.
 */
export function docText(doc: Pick<Doc, 'paragraphs'>): string {
  return doc.paragraphs.map((p) => p.text).join(PARAGRAPH_SEPARATOR);
}

/** Start offset of each paragraph inside docText(doc). */
export function paragraphOffsets(doc: Pick<Doc, 'paragraphs'>): number[] {
  const offsets: number[] = [];
  let pos = 0;
  for (const p of doc.paragraphs) {
    offsets.push(pos);
    pos += p.text.length + PARAGRAPH_SEPARATOR.length;
  }
  return offsets;
}
