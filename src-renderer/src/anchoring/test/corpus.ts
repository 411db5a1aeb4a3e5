/**
 * The bundled corpus pages for the anchoring browser tests, read through
 * Vite's raw import; split the same way as the unit tests' pages
 * (src-main/shared/notes/anchoring/test/corpus-docs.ts).
 */
import { corpusDocsFrom, pickCorpusDoc, type CorpusDoc } from '../../../../src-main/shared/notes/anchoring/test/corpus-docs';

export type { CorpusDoc };

const pages = import.meta.glob('../../../../resources/corpus/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const corpusDocs = (): CorpusDoc[] => corpusDocsFrom(pages);
export const corpusDoc = (index: number): CorpusDoc => pickCorpusDoc(corpusDocs(), index);
