import { expect, test } from 'vitest';
import { segments } from './Snippet';

test('cuts the passage at the match offsets', () => {
  expect(segments('the border guard', [[4, 10]])).toEqual([
    { text: 'the ', match: false },
    { text: 'border', match: true },
    { text: ' guard', match: false },
  ]);
});

test('overlapping, unsorted and out-of-range highlights do not duplicate or lose text', () => {
  const text = 'границы государств';
  const parts = segments(text, [
    [10, 99],
    [0, 4],
    [2, 7],
    [-5, 1],
    [8, 8],
  ]);
  expect(parts.map((p) => p.text).join('')).toBe(text);
  expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['границы', 'сударств']);
});

test('no highlights is the plain text', () => {
  expect(segments('abc', [])).toEqual([{ text: 'abc', match: false }]);
});
