/**
 * The reader with the annotations feature in its slots (its own chunk: none of
 * it is needed for the library's first page). Mounted by the shell for
 * `#/article/...` routes.
 */
import { AnnotationSidebar, AnnotationsReadAhead, SelectionToolbar } from '../features/annotations';
import { ReaderSlotsContext, type ReaderSlots } from '../features/reader/reader-slots';
import { ReaderView } from '../features/reader/ReaderView';
import type { ArticleRoute } from '../platform/routes';

/** Features that plug into the reader (annotations) register here. */
const readerSlots: ReaderSlots = { Sidebar: AnnotationSidebar, SelectionToolbar, Opening: AnnotationsReadAhead };

export function ReaderRoute({ route }: { route: ArticleRoute }) {
  return (
    <ReaderSlotsContext.Provider value={readerSlots}>
      <ReaderView route={route} />
    </ReaderSlotsContext.Provider>
  );
}
