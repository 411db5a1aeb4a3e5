import { expect, test } from 'vitest';
import type { DocNotesSummary } from '../../db/summary-store';
import { notesFilterIds } from './notes-filter';

const row = (docId: string, p: Partial<DocNotesSummary>): [string, DocNotesSummary] => [
  docId,
  { docId, annotations: 0, starred: false, tags: [], text: '', readingPosition: null, readAt: null, modified: null, ...p },
];
const summary = new Map([
  row('a', { annotations: 2, tags: ['Summit'] }),
  row('b', { starred: true, tags: ['summit', 'border'] }),
  row('c', { annotations: 1 }),
]);

test('annotated, starred and tag filters narrow to the matching articles', () => {
  expect(notesFilterIds(summary, {})).toBeNull();
  expect([...notesFilterIds(summary, { notes: 'annotated' })!]).toEqual(['a', 'c']);
  expect([...notesFilterIds(summary, { notes: 'starred' })!]).toEqual(['b']);
  // Tags match whatever their case.
  expect([...notesFilterIds(summary, { tag: 'SUMMIT' })!]).toEqual(['a', 'b']);
  expect([...notesFilterIds(summary, { notes: 'annotated', tag: 'summit' })!]).toEqual(['a']);
  expect([...notesFilterIds(summary, { tag: 'no such tag' })!]).toEqual([]);
});
