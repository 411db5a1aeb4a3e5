import { describe, expect, test } from 'vitest';
import { dateFromPath, dateOnly, eventDateOf, findDates, isoDate, isoFromMeta } from './dates';

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

  test('event date: only from the title or an opening dateline, yearless ones with the reference year', () => {
    expect(eventDateOf('Meeting on December 8', 'It was held on December 8, 2021.', 2021)).toBe('2021-12-08');
    expect(eventDateOf('Meeting on May 28', 'Nothing here.', 2013)).toBe('2013-05-28');
    expect(eventDateOf('Summit closes', 'On June 6, 2024, in Almaty, a meeting was held.', null)).toBe('2024-06-06');
    expect(eventDateOf('Summit closes', 'MOSCOW, June 5 - The talks ended.', 2019)).toBe('2019-06-05');
    expect(eventDateOf('Budget passed', 'The council approved the budget on 3 December 2021.', null)).toBe('2021-12-03');
    expect(eventDateOf('Dear Chairman,', null, 2024)).toBeNull();
  });

  test('a year or a date mentioned in passing is never the event date', () => {
    expect(eventDateOf('Jazz singer dies aged 84', 'The singer, born on 3 May 1920 in Chicago, died at home.', null)).toBeNull();
    expect(eventDateOf('Security review ordered', 'The review, the first since the attacks of 2001-09-11, starts today.', null)).toBeNull();
    expect(eventDateOf('Talks go on', 'Ministers met again. The first round was held on 4 May 2002.', null)).toBeNull();
    expect(eventDateOf('Talks on June 6', 'Nothing dated.', null)).toBeNull(); // no year to resolve it with
  });

  test('dates in file and folder names, never in hashes or bare numbers', () => {
    expect(dateFromPath('2019-11-28-summit.txt')).toBe('2019-11-28');
    expect(dateFromPath('news/2019/11/28/page.html')).toBe('2019-11-28');
    expect(dateFromPath('20191128.txt')).toBe('2019-11-28');
    expect(dateFromPath('000_7e7c3fc6c71971c6.txt')).toBeNull();
    expect(dateFromPath('business/2005/001.txt')).toBeNull();
    expect(dateFromPath('a20191128b.txt')).toBeNull();
  });

  test('dates from page metadata', () => {
    expect(isoFromMeta('2024-06-03T10:00:00+03:00')).toBe('2024-06-03');
    expect(isoFromMeta('5 October 2022')).toBe('2022-10-05');
    expect(isoFromMeta('soon')).toBeNull();
  });

  test('a paragraph that is only a date', () => {
    expect(dateOnly('08.12.2021')).toBe('2021-12-08');
    expect(dateOnly('Published: 5 October 2022')).toBe('2022-10-05');
    expect(dateOnly('The meeting of 5 October 2022 was long.')).toBeNull();
    expect(dateOnly('Friday, 6 June 2008')).toBe('2008-06-06');
    expect(dateOnly('Friday, the day of the meeting')).toBeNull();
  });
});
