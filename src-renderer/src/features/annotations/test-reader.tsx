/**
 * A minimal reader for the annotation component tests: the same DOM contract
 * as features/reader (one <p data-paragraph> per paragraph, plain text, a
 * memoized text that React never re-renders) with the two annotation slots.
 */
import { memo, useMemo, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { docText, paragraphOffsets, type Doc } from '../../../../src-main/shared/model';
import { NotesDbProvider, type NotesDatabase } from '../../db';
import { AnnotationSidebar } from './AnnotationSidebar';
import { SelectionToolbar } from './SelectionToolbar';

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
