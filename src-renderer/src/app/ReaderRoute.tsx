/**
 * The reader with the annotations feature in its slots (its own chunk: none of
 * it is needed for the library's first page). Mounted by the shell for
 * `#/article/...` routes.
 */
import { useMemo } from 'react';
import { AnnotationSidebar, AnnotationsReadAhead, SelectionToolbar } from '../features/annotations';
import { ReaderSlotsContext, type ReaderSlots } from '../features/reader/reader-slots';
import { ReaderView } from '../features/reader/ReaderView';
import type { ArticleRoute } from '../platform/routes';

/** Features that plug into the reader (annotations) register here. */
const readerSlots: ReaderSlots = { Sidebar: AnnotationSidebar, SelectionToolbar, Opening: AnnotationsReadAhead };

/** `onTextShown`: the article's text is on screen (the shell then unmounts the library it came from). */
export function ReaderRoute({ route, onTextShown }: { route: ArticleRoute; onTextShown?: () => void }) {
  const slots = useMemo(() => ({ ...readerSlots, onTextShown }), [onTextShown]);
  return (
    <ReaderSlotsContext.Provider value={slots}>
      <ReaderView route={route} />
    </ReaderSlotsContext.Provider>
  );
}
