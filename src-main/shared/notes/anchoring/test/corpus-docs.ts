/**
 * Real articles for anchoring tests: bundled corpus pages split into
 * paragraphs on blank lines, the way the archive's documents are. Pure: the
 * loaders (Node's fs here, Vite's raw import in the browser tests) hand it
 * the pages' text.
 */
import { docText, paragraphOffsets, type Paragraph } from '../../../model';

export interface CorpusDoc {
  name: string;
  paragraphs: Paragraph[];
  text: string;
  starts: number[];
}

export function corpusDocsFrom(pages: Record<string, string>): CorpusDoc[] {
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

export function pickCorpusDoc(docs: CorpusDoc[], index: number): CorpusDoc {
  const doc = docs[index];
  if (!doc) throw new Error(`corpus page ${index} is missing`);
  return doc;
}
