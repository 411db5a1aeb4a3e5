/**
 * Dates written in news text, English and Russian: "On November 28, 2019",
 * "28 June 2024", "May 28th this year", "From 17 to 28 June 2024" (first
 * day), "08.12.2021", "2021-12-08", "28 ноября 2019 года". A date without a
 * year takes the reference year (the year the title names, else the
 * publication year); without one it is not used.
 */

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const RU_MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

const MONTH = '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const RU_MONTH = '(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)';
const ORD = '(?:st|nd|rd|th)?';
const YEAR_TAIL = '(?:,?\\s+(\\d{4})|\\s+(this\\s+year|of\\s+this\\s+year))?';

export interface FoundDate {
  iso: string | null;
  /** Month and day were found but no year. */
  month: number;
  day: number;
  year: number | null;
  index: number;
  /** Where the date's text ends. */
  end: number;
}

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '');
  const i = EN_MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3)));
  if (i >= 0) return i + 1;
  const r = RU_MONTHS.findIndex((m) => n.startsWith(m));
  return r >= 0 ? r + 1 : 0;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const PATTERNS: { re: RegExp; pick: (m: RegExpExecArray) => [number, number, number | null, boolean] }[] = [
  // From 17 to 28 June 2024 / 17-28 June: the first day.
  { re: new RegExp(`\\b(\\d{1,2})${ORD}\\s*(?:-|–|to)\\s*\\d{1,2}${ORD}\\s+${MONTH}${YEAR_TAIL}`, 'gi'), pick: (m) => [Number(m[1]), monthIndex(m[2]), m[3] ? Number(m[3]) : null, !!m[4]] },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${ORD}\\b${YEAR_TAIL}`, 'gi'), pick: (m) => [Number(m[2]), monthIndex(m[1]), m[3] ? Number(m[3]) : null, !!m[4]] },
  { re: new RegExp(`\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH}\\b${YEAR_TAIL}`, 'gi'), pick: (m) => [Number(m[1]), monthIndex(m[2]), m[3] ? Number(m[3]) : null, !!m[4]] },
  { re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, pick: (m) => [Number(m[1]), Number(m[2]), Number(m[3]), false] },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, pick: (m) => [Number(m[3]), Number(m[2]), Number(m[1]), false] },
  { re: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\s+${RU_MONTH}(?:\\s+(\\d{4}))?`, 'giu'), pick: (m) => [Number(m[1]), monthIndex(m[2]), m[3] ? Number(m[3]) : null, false] },
];

/** Every date in `text`, in order of appearance; `thisYear` resolves "this year" and yearless dates when given. */
export function findDates(text: string, referenceYear: number | null = null): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: [number, number][] = [];
  for (const { re, pick } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const [day, month, year] = pick(m);
      if (!month || day < 1 || day > 31) continue;
      const y = year ?? referenceYear;
      const iso = y !== null ? isoDate(y, month, day) : null;
      taken.push([start, end]);
      found.push({ iso, month, day, year, index: start, end });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A paragraph that is only a date ("08.12.2021", "Published: March 3, 2023"): its ISO form. */
export function dateOnly(text: string): string | null {
  const t = text
    .replace(/^(published|date|posted|опубликовано|дата)\s*[:\-–]?\s*/i, '')
    .replace(/^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+|^(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье),?\s+/i, '')
    .trim();
  if (t.length > 40) return null;
  const d = findDates(t);
  if (d.length !== 1 || !d[0].iso || d[0].year === null) return null;
  const rest = t.replace(/[\d.,\-–/\s]|st|nd|rd|th|года?|г\./gi, '').replace(new RegExp(MONTH, 'gi'), '').replace(new RegExp(RU_MONTH, 'gi'), '');
  return rest.length <= 2 ? d[0].iso : null;
}

/** The first 4-digit year (1900-2100) a text names, e.g. in a title. */
export function yearIn(text: string): number | null {
  const m = /\b(19\d\d|20\d\d|2100)\b/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * What may precede a date that opens a text: a preposition ("On June 6, 2024,",
 * "From 17 to 28 June"), or a dateline's place ("MOSCOW, June 5 -").
 */
const OPENING_PREFIX = /^(?:(?:on|from|since|in|at|by|на|с|в)\s+(?:the\s+)?|[\p{Lu}][\p{L} .'’-]{1,40},\s*)?$/iu;

/** A date that opens `text` ("On November 28, 2019, a session..."), as ISO, or null. */
export function openingDate(text: string, referenceYear: number | null): string | null {
  const d = findDates(text.slice(0, 120), referenceYear)[0];
  if (!d?.iso) return null;
  return OPENING_PREFIX.test(text.slice(0, d.index)) ? d.iso : null;
}

/** A date that closes a headline ("... in Bishkek on May 28, 2013"), as ISO, or null. */
export function closingDate(title: string, referenceYear: number | null): string | null {
  const found = findDates(title, referenceYear);
  const d = found[found.length - 1];
  if (!d?.iso) return null;
  return /^[\s.,;:!?)"”»]*$/u.test(title.slice(d.end)) ? d.iso : null;
}

/** The first sentence of a paragraph (up to 300 characters). */
export function firstSentence(text: string): string {
  const m = /^.{8,300}?[.!?](?=\s+[\p{Lu}"“«]|$)/u.exec(text);
  return m ? m[0] : text.slice(0, 300);
}

/** "... after a session on 3 December 2021.": a full date the opening sentence says the event happened on. */
function onDateInOpening(text: string): string | null {
  const s = firstSentence(text);
  for (const d of findDates(s, null)) {
    if (!d.iso || d.year === null) continue;
    const before = s.slice(Math.max(0, d.index - 12), d.index);
    if (/\bon\s+(?:the\s+)?$/i.test(before) && !/\b(?:born|died|dated)\s+on\s+$/i.test(before)) return d.iso;
  }
  return null;
}

/**
 * The date of the event a document reports, only from an explicit signal: a
 * date opening or closing the title, a dateline opening the body, or a full
 * date the body's first sentence says the event happened "on". A yearless date
 * takes the reference year (the title's year, else the publication year);
 * without one it is not used. A date further into the text is never taken:
 * a birth date or an anniversary mentioned in passing is not the story's date.
 */
export function eventDateOf(title: string | null, firstBody: string | null, referenceYear: number | null): string | null {
  if (title) {
    const t = openingDate(title, referenceYear) ?? closingDate(title, referenceYear);
    if (t) return t;
  }
  if (!firstBody) return null;
  return openingDate(firstBody, referenceYear) ?? onDateInOpening(firstBody);
}

/**
 * A date in a file's path: "2019-11-28-summit.txt", "2019/11/28/page.html",
 * "20191128.txt". A bare number or a hash in the name is not one: the date must
 * stand apart from other letters and digits.
 */
export function dateFromPath(path: string): string | null {
  const m =
    /(?<![\p{L}\p{N}])((?:19|20)\d\d)([-_./])(\d{1,2})\2(\d{1,2})(?![\p{N}])/u.exec(path) ??
    /(?<![\p{L}\p{N}])((?:19|20)\d\d)()(\d\d)(\d\d)(?![\p{L}\p{N}])/u.exec(path);
  return m ? isoDate(Number(m[1]), Number(m[3]), Number(m[4])) : null;
}

/** An ISO date from page metadata ("2024-06-03T10:00:00+03:00", "2024-06-03"), or null. */
export function isoFromMeta(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return value ? dateOnly(value) : null;
}
