/**
 * The Notebook (every annotation in the archive, filtered and searchable), the
 * tag manager and the colour labels editor, ready to mount.
 */
export { Notebook } from './Notebook';
export { NotebookView } from './NotebookView';
export { TagManager } from './TagManager';
export { ColorLabelsEditor } from './ColorLabelsEditor';
