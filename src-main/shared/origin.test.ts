import { expect, test } from 'vitest';
import { APP_ORIGIN, DB_NAME } from './origin';

test('notes origin and database name are pinned', () => {
  expect(APP_ORIGIN).toBe('app://archive');
  expect(DB_NAME).toBe('archive-reader-notes');
});
