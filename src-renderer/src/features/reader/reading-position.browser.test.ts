/**
 * The reading position in real IndexedDB (the article's DocState), and the
 * one-time move of a position an earlier build left in localStorage.
 */
import { afterEach, expect, test } from 'vitest';
import { readDocState } from '../../db';
import { freshDb } from '../../db/test-helpers';
import { LEGACY_PREFIX, loadReadingPosition, saveReadingPosition } from './reading-position';

const shape = { starts: [0, 6, 16], length: 18 };
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
  localStorage.clear();
});

test('a saved position comes back from the article state; the top of the text clears it', async () => {
  const { db, dispose } = await freshDb();
  cleanup = dispose;
  expect(await loadReadingPosition(db, 'doc-a', shape)).toBeNull();
  await saveReadingPosition(db, 'doc-a', { paragraph: 1, within: 0.5 }, shape);
  expect((await readDocState(db, 'doc-a')).readingPosition).toBeCloseTo(10 / 18);
  expect(await loadReadingPosition(db, 'doc-a', shape)).toEqual({ paragraph: 1, within: 0.5 });
  await saveReadingPosition(db, 'doc-a', { paragraph: 0, within: 0 }, shape);
  expect((await readDocState(db, 'doc-a')).readingPosition).toBeNull();
  expect(await loadReadingPosition(db, 'doc-a', shape)).toBeNull();
});

test('a position left in localStorage by an earlier build moves into IndexedDB once', async () => {
  const { db, dispose } = await freshDb();
  cleanup = dispose;
  localStorage.setItem(LEGACY_PREFIX + 'doc-b', JSON.stringify({ paragraph: 2, within: 0.5, savedAt: '2026-01-01T00:00:00.000Z' }));
  expect(await loadReadingPosition(db, 'doc-b', shape)).toEqual({ paragraph: 2, within: 0.5 });
  expect(localStorage.getItem(LEGACY_PREFIX + 'doc-b')).toBeNull();
  expect((await readDocState(db, 'doc-b')).readingPosition).toBeCloseTo(17 / 18);
  // Garbage in the old key is dropped, not trusted.
  localStorage.setItem(LEGACY_PREFIX + 'doc-c', '{"paragraph": -4}');
  expect(await loadReadingPosition(db, 'doc-c', shape)).toBeNull();
  expect(localStorage.getItem(LEGACY_PREFIX + 'doc-c')).toBeNull();
});
