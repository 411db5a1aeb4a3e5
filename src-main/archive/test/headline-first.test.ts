/**
 * A folder of plain-text articles whose first line is the headline (a common
 * export format): no sidebar, no teasers, wrapped lines. Also a folder with a
 * binary and an unreadable file: those are skipped and reported, the rest is
 * ingested.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chmod, copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFolder, openArchive, type FolderReport } from '../index';
import type { ArchiveService } from '../types';
import type { Doc } from '../../shared/model';
import { removeDir, tempDir } from './helpers';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'headline-first');

let dir: string;
let archive: ArchiveService;
let report: FolderReport;
let docs: Doc[];
const progress: string[] = [];

beforeAll(async () => {
  dir = await tempDir();
  const src = join(dir, 'src');
  await mkdir(src);
  for (const f of await readdir(FIXTURES)) await copyFile(join(FIXTURES, f), join(src, f));
  // Things a real folder holds besides articles.
  await writeFile(join(src, '05-scan.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe]));
  await writeFile(join(src, '06-latin1.txt'), Buffer.from('Caf\xe9 cr\xe8me\n\nBody.', 'latin1'));
  await writeFile(join(src, 'notes.docx'), 'not a text page');
  await writeFile(join(src, '07-locked.txt'), 'Locked headline\n\nLocked body.');
  await chmod(join(src, '07-locked.txt'), 0o000);
  report = await ingestFolder(src, join(dir, 'out'), { onProgress: (p) => progress.push(p.phase) });
  archive = await openArchive(join(dir, 'out'));
  await archive.searchReady;
  docs = await Promise.all((await archive.list({ sort: 'title' })).items.map(async (s) => (await archive.get(s.id))!));
});
afterAll(async () => {
  await archive.close();
  await removeDir(dir);
});

const bySource = (s: string) => docs.find((d) => d.source === s)!;

describe('headline-first plain-text articles', () => {
  test('first line is the title; no briefs', () => {
    const fixtures = docs.filter((d) => /^0[1-4]-/.test(d.source));
    expect(fixtures.map((d) => d.kind)).toEqual(['article', 'article', 'article', 'article']);
    expect(docs.every((d) => d.kind === 'article')).toBe(true);
    expect(bySource('01-river-port.txt').title).toBe('River port reopens after three years of repairs');
    expect(bySource('02-winter-roads.txt').title).toBe('Winter roads: what changes this season');
    expect(bySource('03-ru-library.txt').title).toBe('Городская библиотека открыла новый читальный зал');
    expect(bySource('04-short.txt').title).toBe('Council approves budget?');
    expect(docs.every((d) => (d.briefs ?? []).length === 0)).toBe(true);
  });

  test('a date line under the headline is the publication date, not body text', () => {
    const port = bySource('01-river-port.txt');
    expect(port.published).toBe('2023-03-12');
    expect(port.paragraphs[0].text).toMatch(/^The river port/);
    expect(bySource('03-ru-library.txt').published).toBe('2022-10-05');
    expect(bySource('02-winter-roads.txt').published).toBeNull();
    expect(bySource('04-short.txt').eventDate).toBe('2021-12-03');
    expect(bySource('04-short.txt').year).toBe(2021);
  });

  test('wrapped lines join into paragraphs', () => {
    const port = bySource('01-river-port.txt');
    expect(port.paragraphs.map((p) => p.text)).toEqual([
      'The river port of the old town reopened on Sunday after three years of repairs, the city council said. Barges carrying grain will again stop at the upper quay from April.',
      'The café on the pier, closed since 2020, reopens with the port. Its owner said the first customers were dock workers.',
      '"We waited a long time for this day," the harbour master said.',
    ]);
    // The headline had no blank line after it: still split off.
    expect(bySource('02-winter-roads.txt').paragraphs[0].text).toMatch(/^The regional transport agency published its winter plan on Monday\. Snow ploughs/);
  });

  test('languages per paragraph', () => {
    const lib = bySource('03-ru-library.txt');
    expect(lib.paragraphs.map((p) => p.lang)).toEqual(['ru', 'en']);
    expect(lib.languages).toEqual(['en', 'ru']);
  });

  test('diacritics fold both ways: cafe finds café', async () => {
    const r = await archive.search({ query: 'cafe' });
    expect(r.hits.map((h) => h.id).sort()).toEqual([bySource('01-river-port.txt').id, bySource('06-latin1.txt').id].sort());
    r.hits = r.hits.filter((h) => h.id === bySource('01-river-port.txt').id);
    const s = r.hits[0].snippets[0];
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['café']);
    const r2 = await archive.search({ query: 'hárbour' });
    expect(r2.total).toBe(1);
  });
});

describe('bad files', () => {
  test('binary, unreadable and unsupported files are skipped with reasons; a Latin-1 file is read; the rest is ingested', () => {
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    expect(reasons['05-scan.txt']).toMatch(/binary/);
    expect(reasons['06-latin1.txt']).toBeUndefined();
    expect(bySource('06-latin1.txt').title).toBe('Café crème');
    expect(report.warnings).toContainEqual({ file: '06-latin1.txt', warning: 'not UTF-8: read as windows-1252' });
    expect(reasons['notes.docx']).toMatch(/not a supported page type/);
    if (process.getuid?.() !== 0) expect(reasons['07-locked.txt']).toMatch(/unreadable/); // root reads anything
    expect(report.articles).toBeGreaterThanOrEqual(4);
    expect(report.files).toBe(report.articles + report.skipped.filter((s) => s.reason === 'no article text found').length);
  });

  test('progress is reported', () => {
    expect(progress).toEqual(expect.arrayContaining(['read', 'segment', 'index', 'done']));
  });

  test('a missing folder and a folder without pages are clear errors', async () => {
    await expect(ingestFolder(join(dir, 'nope'), join(dir, 'x'))).rejects.toThrow(/Folder not found/);
    const empty = join(dir, 'empty');
    await mkdir(empty);
    await writeFile(join(empty, 'a.bin.txt'), Buffer.from([0, 1, 2, 3]));
    await expect(ingestFolder(empty, join(dir, 'y'))).rejects.toThrow(/No readable pages \(\.txt, \.md, \.html\) in .*a\.bin\.txt: binary/);
  });
});
