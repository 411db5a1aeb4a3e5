/**
 * A minimal reader for the annotation component tests: the same DOM contract
 * as features/reader (one <p data-paragraph> per paragraph, plain text, a
 * memoized text that React never re-renders) with the two annotation slots.
 */
import { memo, useMemo, useState } from 'react';
import { afterEach, beforeEach } from 'vitest';
import { createRoot, type Root } from 'react-dom/client';
import { docText, paragraphOffsets, type Doc } from '../../../../src-main/shared/model';
import { describeOffsets } from '../../../../src-main/shared/notes/anchoring/anchor';
import type { ColorId } from '../../../../src-main/shared/notes/annotation-model';
import { createAnnotation, NotesDbProvider, type NotesDatabase } from '../../db';
import { freshDb } from '../../db/test-helpers';
import { AnnotationSidebar } from './AnnotationSidebar';
import { SelectionToolbar } from './SelectionToolbar';
import { colorHighlight, highlightApi, layerFor } from '../../anchoring/highlighter';

const Paragraphs = memo(function Paragraphs({ doc }: { doc: Doc }) {
  return (
    <>
      {doc.paragraphs.map((p, i) => (
        <p key={i} data-paragraph={i}>
          {p.text}
        </p>
      ))}
    </>
  );
});

function TestReader({ doc, annotation }: { doc: Doc; annotation?: string }) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const text = useMemo(() => docText(doc), [doc]);
  const starts = useMemo(() => paragraphOffsets(doc), [doc]);
  const props = { doc, text, starts, container, scroller: null, route: { annotation } };
  return (
    <div style={{ display: 'flex', gap: 16 }}>
      <article style={{ width: 500 }}>
        <div className="doc-text" ref={setContainer}>
          <Paragraphs doc={doc} />
        </div>
      </article>
      <aside aria-label="Annotations" style={{ width: 320 }}>
        <AnnotationSidebar {...props} />
      </aside>
      <SelectionToolbar {...props} />
    </div>
  );
}

export function testDoc(paragraphs: string[], id = 'doc-1'): Doc {
  return {
    id,
    kind: 'article',
    title: 'Session of the Collective Security Council',
    published: '2017-11-30',
    eventDate: null,
    source: 'test.txt',
    languages: ['en'],
    year: 2017,
    paragraphs: paragraphs.map((text) => ({ text, lang: 'en' as const })),
    facets: { people: [], places: [], organizations: [] },
    textHash: `hash-${paragraphs.join('').length}`,
  };
}

export async function mountReader(
  db: NotesDatabase,
  doc: Doc,
  annotation?: string,
): Promise<{ root: Root; host: HTMLElement; unmount: () => void }> {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = createRoot(host);
  root.render(
    <NotesDbProvider db={db}>
      <TestReader doc={doc} annotation={annotation} />
    </NotesDbProvider>,
  );
  // Wait for the paragraphs, then a frame for the slots' effects.
  for (let i = 0; i < 100 && !host.querySelector('[data-paragraph]'); i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  return {
    root,
    host,
    unmount: () => {
      root.unmount();
      host.remove();
    },
  };
}

/** Select text[start, end) of paragraph `index` the way a person's drag would. */
export function selectInParagraph(host: HTMLElement, index: number, start: number, end: number): void {
  const p = host.querySelector(`[data-paragraph="${index}"]`)!;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const locate = (offset: number) => {
    let rest = offset;
    for (const n of nodes) {
      if (rest <= n.data.length) return { n, o: rest };
      rest -= n.data.length;
    }
    throw new Error('offset past paragraph');
  };
  const a = locate(start);
  const b = locate(end);
  const range = document.createRange();
  range.setStart(a.n, a.o);
  range.setEnd(b.n, b.o);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

/**
 * The highlights the reader painted, one per highlight in text order: its id, colour, text, paragraph, and
 * whether its ranges are in the page's registry under its colour (what makes the browser paint them).
 */
export function paintedHighlights(host: HTMLElement, id?: string) {
  const container = host.querySelector<HTMLElement>('[data-paragraph]')?.parentElement;
  const layer = container ? layerFor(container) : null;
  return (layer?.list() ?? [])
    .filter((h) => id === undefined || h.id === id)
    .map((h) => ({
      id: h.id,
      color: h.color,
      text: h.ranges.map((r) => r.toString()).join(''),
      paragraph: Number(h.ranges[0].startContainer.parentElement?.closest('[data-paragraph]')?.getAttribute('data-paragraph')),
      registered: h.ranges.every((r) => highlightApi()?.highlights.get(colorHighlight(h.color))?.has(r) === true),
      ranges: h.ranges,
    }));
}

/** The middle of a painted highlight's first line, in client coordinates. */
export function middleOfHighlight(host: HTMLElement, id: string): { x: number; y: number; target: Element } {
  const [h] = paintedHighlights(host, id);
  if (!h) throw new Error(`highlight ${id} is not painted`);
  const box = h.ranges[0].getClientRects()[0];
  const target = h.ranges[0].startContainer.parentElement!;
  return { x: box.left + box.width / 2, y: box.top + box.height / 2, target };
}

/** A click at the middle of a painted highlight, as the pointer makes it (the reader finds what is under it). */
export function clickHighlight(host: HTMLElement, id: string): void {
  // A point off the screen has no text under it: bring the highlight into view first, as a person would.
  middleOfHighlight(host, id).target.scrollIntoView({ block: 'center' });
  const { x, y, target } = middleOfHighlight(host, id);
  target.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true }));
}

/** Three paragraphs of a CSTO news item, with phrases the tests highlight (some, like "states", twice). */
export const PARAS = [
  'A session of the Collective Security Council was held in Minsk. The CSC includes the heads of the CSTO member states.',
  'The heads of state discussed trends in the development of the international situation.',
  'The CSTO Secretary General, Yuri Khachaturov, took part in it.',
];

/**
 * Each test of the calling file gets a fresh notes database (`t.db`); the reader it mounted (`t.unmount`) is taken
 * down and the selection cleared after it.
 */
export function readerTestContext(): { db: NotesDatabase; unmount: (() => void) | undefined } {
  const t = { db: undefined as unknown as NotesDatabase, unmount: undefined as (() => void) | undefined };
  let dispose: () => Promise<void> = async () => {};
  beforeEach(async () => {
    ({ db: t.db, dispose } = await freshDb());
  });
  afterEach(async () => {
    t.unmount?.();
    t.unmount = undefined;
    window.getSelection()?.removeAllRanges();
    await dispose();
  });
  return t;
}

/** Highlights the first `phrase` of the document at or after `from` (a character offset), as the toolbar would save it. */
export async function annotatePhrase(db: NotesDatabase, doc: Doc, phrase: string, fields: { color: ColorId; note?: string }, from = 0) {
  const text = docText(doc);
  const at = text.indexOf(phrase, from);
  if (at < 0) throw new Error(`"${phrase}" is not in the document`);
  const r = await createAnnotation(db, { docId: doc.id, textHash: doc.textHash, ...fields, ...describeOffsets(text, at, at + phrase.length) });
  if (!r.ok) throw new Error(`create failed: ${r.error.message}`);
  return r.value;
}
