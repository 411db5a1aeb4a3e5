/**
 * The library view, and the library's query context the reader uses to step
 * to the previous and next item of the list it came from.
 */
export { LibraryView } from './LibraryView';
export { libraryContext, noteOpened } from './library-query';
