/**
 * Real articles for anchoring tests: the bundled corpus pages, read through
 * Vite's raw import (works in Node and in the browser runner) and split into
 * paragraphs on blank lines, the way the archive's documents are.
 */
import { docText, paragraphOffsets, type Paragraph } from '../../../../src-main/shared/model';

const pages = import.meta.glob('../../../../resources/corpus/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface CorpusDoc {
  name: string;
  paragraphs: Paragraph[];
  text: string;
  starts: number[];
}

export function corpusDocs(): CorpusDoc[] {
  return Object.entries(pages)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, raw]) => {
      const paragraphs = raw
        .split(/\n\s*\n/)
        .map((t) => t.replace(/\s+/g, ' ').trim())
        .filter((t) => t.length > 0)
        .map((t) => ({ text: t, lang: /[а-яё]/i.test(t) ? ('ru' as const) : ('en' as const) }));
      return { name: path.split('/').pop()!, paragraphs, text: docText({ paragraphs }), starts: paragraphOffsets({ paragraphs }) };
    });
}

export function corpusDoc(index: number): CorpusDoc {
  const doc = corpusDocs()[index];
  if (!doc) throw new Error(`corpus page ${index} is missing`);
  return doc;
}
