import { expect, test } from 'vitest';
import { formatCount, formatDate, formatMoment, formatNumber, quoted } from './format';

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

test('dates read as Intl writes them in en-GB, every month, both styles', () => {
  // Written by hand (format.ts says why); Intl is the reference they must not drift from.
  const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  for (const iso of ['1905-02-28', '1999-12-31', '2000-02-29', '2013-09-03', '2024-05-01', '2024-10-09', '2031-06-15']) {
    const d = new Date(`${iso}T00:00:00Z`);
    for (let m = 0; m < 12; m++) {
      d.setUTCMonth(m, Math.min(d.getUTCDate(), 28));
      const day = d.toISOString().slice(0, 10);
      expect(formatDate(day)).toBe(long.format(d));
      expect(formatDate(day, 'short')).toBe(short.format(d));
    }
  }
});

test('numbers group their thousands as en-GB does', () => {
  const nf = new Intl.NumberFormat('en-GB');
  for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 50000, 123456789, -4321]) expect(formatNumber(n)).toBe(nf.format(n));
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

test('a moment reads as the clock here shows it: the local day with the local time, never the UTC date', () => {
  // A unit test in Node (the renderer's types know no `process`): Node applies a new TZ at once.
  const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
  const zone = env.TZ;
  try {
    // Half past midnight in Tokyo is still the day before in UTC: the day shown must be the one of the time shown.
    env.TZ = 'Asia/Tokyo';
    expect(formatMoment('2026-12-01T15:30:00.000Z')).toBe('2 December 2026, 00:30');
    expect(formatMoment('2026-12-01T15:30:00.000Z', { time: false })).toBe('2 December 2026');
    env.TZ = 'America/Los_Angeles';
    expect(formatMoment('2026-12-01T15:30:00.000Z')).toBe('1 December 2026, 07:30');
    // As Intl writes the day in en-GB, whatever the month.
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    for (let m = 0; m < 12; m++) {
      const d = new Date(2024, m, 9, 13, 5);
      expect(formatMoment(d.toISOString())).toBe(`${day.format(d)}, 13:05`);
    }
  } finally {
    if (zone === undefined) delete env.TZ;
    else env.TZ = zone;
  }
  expect(formatMoment('not a time')).toBe('Unknown time');
  expect(formatMoment(null)).toBe('Unknown time');
});
