/** The bundled corpus pages for the anchoring unit tests (Node), read from resources/corpus. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusDocsFrom, pickCorpusDoc, type CorpusDoc } from './corpus-docs';

export type { CorpusDoc };

const dir = resolve(import.meta.dirname, '../../../../../resources/corpus');
let docs: CorpusDoc[] | undefined;

export function corpusDocs(): CorpusDoc[] {
  docs ??= corpusDocsFrom(Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(join(dir, f), 'utf8')])));
  return docs;
}

export const corpusDoc = (index: number): CorpusDoc => pickCorpusDoc(corpusDocs(), index);
