import { expect, test } from 'vitest';
import { formatCount, formatDate, quoted } from './format';

test('dates read as calendar dates whatever the time zone', () => {
  expect(formatDate('2024-07-19')).toBe('19 July 2024');
  expect(formatDate('2013-01-01', 'short')).toBe('1 Jan 2013');
});

test('a date written before is written the same again, in each style', () => {
  for (let i = 0; i < 3; i++) {
    expect(formatDate('2024-07-19')).toBe('19 July 2024');
    expect(formatDate('2024-07-19', 'short')).toBe('19 Jul 2024');
  }
  // More distinct days than are kept: the oldest are written afresh, still right.
  for (let d = 0; d < 5000; d++) formatDate(new Date(Date.UTC(2000, 0, 1 + d)).toISOString().slice(0, 10));
  expect(formatDate('2000-01-01')).toBe('1 January 2000');
  expect(formatDate('2024-07-19')).toBe('19 July 2024');
});

test('missing or malformed dates read as undated', () => {
  expect(formatDate(null)).toBe('Undated');
  expect(formatDate('2024-13-45')).toBe('Undated');
  expect(formatDate('yesterday')).toBe('Undated');
});

test('counts agree in number', () => {
  expect(formatCount(1, 'item', 'items')).toBe('1 item');
  expect(formatCount(50000, 'item', 'items')).toBe('50,000 items');
});

test('queries are quoted once', () => {
  expect(quoted('border')).toBe('“border”');
  expect(quoted('"collective security"')).toBe('"collective security"');
});
