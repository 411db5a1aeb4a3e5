/**
 * The document's paragraphs: one <p> per paragraph, `data-paragraph` = its
 * index, `lang="ru"` on Russian ones (hyphenation, screen reader voice, font
 * features). The text goes in as one plain text node and React never touches
 * it again for this document (memo on id and text hash): highlights and
 * search matches are ranges over these nodes (the CSS Custom Highlight API),
 * and a new node under them would take them out until they are painted again.
 */
import { memo } from 'react';
import type { Doc } from '../../../../src-main/shared/model';

function ArticleTextImpl({ doc }: { doc: Doc }) {
  return (
    <>
      {doc.paragraphs.map((p, i) => (
        <p key={i} data-paragraph={i} lang={p.lang === 'ru' ? 'ru' : undefined}>
          {p.text}
        </p>
      ))}
    </>
  );
}

export const ArticleText = memo(ArticleTextImpl, (a, b) => a.doc.id === b.doc.id && a.doc.textHash === b.doc.textHash);
