/**
 * The 500 highlights of the "open an article with 500 highlights" figure,
 * built in Node with the app's own code: selectors from the reader's anchoring
 * module (describeOffsets, the same call the selection toolbar makes), every
 * row passed through the database's restore gate (restore.ts) and checked to
 * anchor at its stored position, as the reader will find it. The rows are then
 * written into the page's IndexedDB (browser-bench.ts), so the app reads them
 * exactly as it reads rows it wrote itself.
 *
 * Each highlight is one word, words spread evenly over the article, so no two
 * overlap and each paints as exactly one <mark>.
 */
import type { Annotation, ColorId } from '../../src-main/shared/notes/annotation-model';
import { docText, type Doc } from '../../src-main/shared/model';
import { anchor, describeOffsets } from '../../src-main/shared/notes/anchoring/anchor';
import { COLOR_IDS, restoreAnnotation } from '../../src-main/shared/notes/schema';

/** Words in the text (letters and digits), as [start, end) offsets into docText. */
function wordSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

/** `archiveId`: the archive the host serves (AppInfo.archiveId); the app shows only that archive's notes. */
export function seedHighlights(doc: Pick<Doc, 'id' | 'paragraphs' | 'textHash'>, count: number, archiveId = 'bundled'): Annotation[] {
  const text = docText(doc);
  const words = wordSpans(text);
  if (words.length < count) throw new Error(`article ${doc.id} has ${words.length} words, fewer than ${count} highlights`);
  const step = words.length / count;
  const base = Date.parse('2026-01-01T00:00:00Z');
  const rows: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const [start, end] = words[Math.floor(i * step)];
    const created = new Date(base + i * 1000).toISOString();
    const raw = {
      id: `bench-hl-${String(i).padStart(4, '0')}`,
      archiveId,
      docId: doc.id,
      color: COLOR_IDS[i % COLOR_IDS.length] as ColorId,
      ...describeOffsets(text, start, end),
      textHash: doc.textHash,
      // A note on every tenth, as a person's highlights have.
      note: i % 10 === 0 ? `Note ${i}: **check** this against the [source](https://example.org/${i}).` : '',
      tags: i % 25 === 0 ? ['bench'] : [],
      created,
      modified: created,
    };
    const restored = restoreAnnotation(raw);
    if (!restored.ok) throw new Error(`seed highlight ${i} is not a valid row: ${restored.reason}`);
    const found = anchor(text, restored.value);
    if (found.status !== 'anchored' || found.start !== start) throw new Error(`seed highlight ${i} does not anchor where it was made (${found.status})`);
    rows.push(restored.value);
  }
  return rows;
}
