/**
 * Shared by the storage tests: a fresh, uniquely named database per test
 * (real IndexedDB in the browser runner) and a valid new annotation.
 */
import type { NewAnnotation } from './annotations-store';
import { deleteNotesDatabase, openNotesDatabase, type NotesDatabase } from './database';

let counter = 0;

export async function freshDb(): Promise<{ db: NotesDatabase; name: string; dispose: () => Promise<void> }> {
  const name = `test-notes-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2)}`;
  const db = openNotesDatabase(name);
  await db.open();
  return {
    db,
    name,
    dispose: async () => {
      db.close();
      await deleteNotesDatabase(name);
    },
  };
}

export function newAnnotation(overrides: Partial<NewAnnotation> = {}): NewAnnotation {
  return {
    docId: 'doc-1',
    color: 'yellow',
    quote: { type: 'TextQuoteSelector', exact: 'collective security', prefix: 'the ', suffix: ' treaty' },
    position: { type: 'TextPositionSelector', start: 4, end: 23 },
    textHash: 'hash-1',
    ...overrides,
  };
}
