/**
 * Plain-text files: a page scraped from a news site or one headline-first
 * article, decided per file (segment.ts: txtShape). Page furniture is taken
 * out the same way for both.
 */
import { pageParagraphs } from '../page-text';
import type { ParsedPage } from '../parsed-page';
import { txtShape } from '../segment';
import type { SourceFile } from '../walk-folder';

export function parseTxt(file: SourceFile): ParsedPage {
  const paras = pageParagraphs(file.text);
  return { file, shape: txtShape(paras), paras, meta: {} };
}
