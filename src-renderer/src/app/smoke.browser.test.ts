import { expect, test } from 'vitest';

test('runs in a real Chromium with IndexedDB', async () => {
  expect(typeof indexedDB.open).toBe('function');
  expect(navigator.userAgent).toMatch(/Chrome/);
});
