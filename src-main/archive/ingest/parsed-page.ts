/**
 * What each format reader (formats/*.ts) makes of one file, before documents
 * are built: the page's paragraphs, its shape, and what its metadata says.
 * One shape for every format, so build-docs.ts has one path from here on.
 */
import type { RawParagraph } from './page-text';
import type { SourceFile } from './walk-folder';

export interface PageMeta {
  title?: string | null;
  /** ISO date from the page's own metadata (front matter, article:published_time, JSON-LD). */
  published?: string | null;
  author?: string | null;
  tags?: string[];
  /** The page's canonical URL. */
  url?: string | null;
}

export interface ParsedPage {
  file: SourceFile;
  /** 'scraped': a news-site page with sidebar teasers around one article; 'article': one article, never split. */
  shape: 'scraped' | 'article';
  paras: RawParagraph[];
  meta: PageMeta;
  /** Something about this page a person should know (e.g. no article found, kept as plain text). */
  warning?: string;
}

/** Paragraph texts as RawParagraphs (one blank line between each). */
export function asParagraphs(texts: string[]): RawParagraph[] {
  return texts.map((text, i) => ({ text, gapBefore: i === 0 ? 99 : 1 }));
}
