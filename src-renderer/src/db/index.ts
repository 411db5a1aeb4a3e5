/**
 * The notes storage: the only way the rest of the renderer reaches IndexedDB.
 * Components use the hooks; actions call the stores with `useNotesDb()`.
 */
export { NotesDatabase, notesDb, openNotesDatabase, deleteNotesDatabase, defaultDbName } from './database';
export { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema';
export * from '../../../src-main/shared/notes/schema';
export * from './annotations-store';
export * from './doc-state-store';
export * from './tags-store';
export * from './settings-store';
export * from './summary-store';
export * from './write-status';
export * from './hooks';
export { readAheadDocAnnotations } from './doc-annotations-feed';
