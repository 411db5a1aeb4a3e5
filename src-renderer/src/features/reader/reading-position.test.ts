import { expect, test } from 'vitest';
import { restorePosition } from './reading-position';

test('a stored position is read back, clamped into range', () => {
  expect(restorePosition({ paragraph: 4, within: 0.5, savedAt: '2026-01-01T00:00:00.000Z' })).toEqual({
    paragraph: 4,
    within: 0.5,
    savedAt: '2026-01-01T00:00:00.000Z',
  });
  expect(restorePosition({ paragraph: 2, within: 7 })?.within).toBe(0.999);
});

test('garbage reads as no position rather than a wrong one', () => {
  expect(restorePosition(null)).toBeNull();
  expect(restorePosition('12')).toBeNull();
  expect(restorePosition({ paragraph: -1 })).toBeNull();
  expect(restorePosition({ paragraph: 1.5 })).toBeNull();
});
