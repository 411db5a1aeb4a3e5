import { expect, test } from 'vitest';
import { fractionToPosition, positionToFraction, restorePosition } from './reading-position';

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

test('a paragraph position and a text fraction convert both ways', () => {
  // Paragraphs "aaaa", "bbbbbbbb", "cc" joined by "\n\n": starts 0, 6, 16; length 18.
  const shape = { starts: [0, 6, 16], length: 18 };
  expect(positionToFraction({ paragraph: 1, within: 0.5 }, shape)).toBeCloseTo(10 / 18);
  expect(fractionToPosition(10 / 18, shape)).toEqual({ paragraph: 1, within: 0.5 });
  expect(fractionToPosition(0, shape)).toEqual({ paragraph: 0, within: 0 });
  expect(fractionToPosition(1, shape).paragraph).toBe(2);
  // A paragraph index past the end (the text changed) lands on the last paragraph, not nowhere.
  expect(positionToFraction({ paragraph: 9, within: 0 }, shape)).toBeCloseTo(16 / 18);
});
