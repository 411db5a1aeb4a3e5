/**
 * What the app shell mounts for annotations. In the reader's slots:
 *   readerSlots.SelectionToolbar = SelectionToolbar  (paints highlights, selection toolbar, toasts)
 *   readerSlots.Sidebar          = AnnotationSidebar (article notes + annotations in text order)
 *   readerSlots.Opening          = AnnotationsReadAhead (reads the highlights while the text loads)
 * The Notebook, tag manager and colour labels live in features/notebook; the
 * storage hooks (notes summary, doc states) in db/.
 */
import './annotations.css';

export { SelectionToolbar, scrollToHighlight } from './SelectionToolbar';
export { AnnotationSidebar, AnnotationsReadAhead } from './AnnotationSidebar';
export type { AnnotationSlotProps } from './slot-props';
export { AnnotationToasts, showToast } from './toasts';
export { StorageStatus } from './StorageStatus';
export { NoteEditor } from './NoteEditor';
export { TagInput } from './TagInput';
export { MarkdownView, OpenExternalContext, loadMarkdown } from './MarkdownView';
export { copyWithCitation, LinkBaseContext, useLinkBase } from './citation';
export { deleteWithUndo, shortQuote } from './actions';
