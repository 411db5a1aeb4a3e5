/**
 * What the app shell mounts for annotations. In the reader's slots:
 *   readerSlots.SelectionToolbar = SelectionToolbar  (paints highlights, selection toolbar, toasts)
 *   readerSlots.Sidebar          = AnnotationSidebar (article notes + annotations in text order)
 * Elsewhere: <Notebook docs onOpen /> and <TagManager /> (features/notebook), and
 * <ColorLabelsEditor /> for settings. Storage hooks for the library and
 * search (annotated / starred / tag filters, notes search scope) are
 * re-exported here.
 */
import './annotations.css';

export { SelectionToolbar, scrollToHighlight } from './SelectionToolbar';
export { AnnotationSidebar } from './AnnotationSidebar';
export type { AnnotationSlotProps } from './slot-props';
export { AnnotationToasts, showToast } from './toasts';
export { StorageStatus } from './StorageStatus';
export { NoteEditor } from './NoteEditor';
export { TagInput } from './TagInput';
export { MarkdownView, OpenExternalContext } from './MarkdownView';
export { renderMarkdown } from '../../../../src-main/shared/notes/markdown';
export { copyWithCitation, LinkBaseContext, useLinkBase } from './citation';
export { Notebook } from '../notebook/Notebook';
export { TagManager } from '../notebook/TagManager';
export { ColorLabelsEditor } from '../notebook/ColorLabelsEditor';
export { useNotesSummary, matchNotes, useAllDocStates, NotesDbProvider, type DocNotesSummary } from '../../db';
