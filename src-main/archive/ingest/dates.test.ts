import { describe, expect, test } from 'vitest';
import { dateOnly, eventDateOf, findDates, isoDate } from './dates';

describe('dates in news text', () => {
  test.each([
    ['On November 28, 2019, a session', null, '2019-11-28'],
    ['From 17 to 28 June 2024, at the Academy', null, '2024-06-17'],
    ['held on 19 July 2024 at the UN', null, '2024-07-19'],
    ['May 28th this year In Bishkek', 2013, '2013-05-28'],
    ['on December 8', 2021, '2021-12-08'],
    ['28 ноября 2019 года в Бишкеке', null, '2019-11-28'],
    ['Sept. 3, 2020', null, '2020-09-03'],
    ['published 08.12.2021', null, '2021-12-08'],
    ['2023-03-12', null, '2023-03-12'],
  ])('%s -> %s', (text, ref, iso) => {
    expect(findDates(text, ref)[0]?.iso).toBe(iso);
  });

  test('no date, impossible dates and yearless dates without a reference', () => {
    expect(findDates('may be in 2013')).toEqual([]);
    expect(findDates('31.02.2020')[0].iso).toBeNull();
    expect(isoDate(2021, 2, 29)).toBeNull();
    expect(findDates('on December 8')[0].iso).toBeNull();
  });

  test('event date: a full date first, else a yearless one with the reference year', () => {
    expect(eventDateOf(['Meeting on December 8', 'It was held on December 8, 2021.'], 2021)).toBe('2021-12-08');
    expect(eventDateOf(['Meeting on May 28', 'Nothing here.'], 2013)).toBe('2013-05-28');
    expect(eventDateOf(['Dear Chairman,'], 2024)).toBeNull();
  });

  test('a paragraph that is only a date', () => {
    expect(dateOnly('08.12.2021')).toBe('2021-12-08');
    expect(dateOnly('Published: 5 October 2022')).toBe('2022-10-05');
    expect(dateOnly('The meeting of 5 October 2022 was long.')).toBeNull();
  });
});
