/**
 * A person's own archive, generated on disk (generate-folder.ts) and built by
 * the real ingester: a recursive tree with clashing names, legacy encodings,
 * exact and near duplicates, undated stories, Markdown. What a reader of the
 * library would notice is checked: every story once, with its own title,
 * section and correctly decoded text, no invented date, no brief.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { ingestFolder, openArchive, type FolderReport } from '../index';
import type { ArchiveService } from '../types';
import { docText, type Doc } from '../../shared/model';
import { removeDir, tempDir } from './helpers';
import { writeArchiveTree, type ExpectedStory } from './generate-folder';

let dir: string;
let archive: ArchiveService;
let report: FolderReport;
let docs: Doc[];
let expected: Awaited<ReturnType<typeof writeArchiveTree>>;

beforeAll(async () => {
  dir = await tempDir('tree-');
  expected = await writeArchiveTree(join(dir, 'src'));
  report = await ingestFolder(join(dir, 'src'), join(dir, 'out'));
  archive = await openArchive(join(dir, 'out'));
  docs = await Promise.all((await archive.list({})).items.map(async (s) => (await archive.get(s.id))!));
}, 60_000);
afterAll(async () => {
  await archive.close();
  await removeDir(dir);
});

const bySource = (s: string) => docs.find((d) => d.source === s);

describe('a generated folder tree', () => {
  test('every story once, as an article, none split into a brief', () => {
    expect(report.files).toBe(expected.files);
    expect(report.skipped).toEqual([]);
    expect(docs.filter((d) => d.kind === 'brief')).toEqual([]);
    expect(docs.map((d) => d.source).sort()).toEqual(expected.stories.map((s) => s.file).sort());
  });

  test.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('story %i: title, section, decoded text and dates', (i) => {
    const s: ExpectedStory = expected.stories[i];
    const d = bySource(s.file)!;
    expect(d, s.file).toBeDefined();
    expect(d.title).toBe(s.title);
    expect(d.section).toBe(s.section);
    expect(docText(d)).toContain(s.contains);
    expect(docText(d)).not.toContain('\ufffd'.repeat(2));
    expect([d.published, d.eventDate]).toEqual([s.published, s.eventDate]);
    expect(d.year).toBe(s.published ? Number(s.published.slice(0, 4)) : null);
  });

  test('the section is a library filter: its folders with counts, and the list and timeline follow it', async () => {
    const bySection = new Map<string, string[]>();
    for (const st of expected.stories) bySection.set(st.section, [...(bySection.get(st.section) ?? []), st.title]);
    const all = await archive.facets({});
    // The timeline the library draws before facets() answers has the same figures.
    expect(archive.info().timeline).toEqual({ years: all.years, undated: all.undated });
    expect(archive.info().sections).toBe(all.sections.length);
    expect(all.sections).toEqual([...bySection].map(([value, titles]) => ({ value, count: titles.length })).sort((a, b) => (a.value < b.value ? -1 : 1)));
    for (const [section, titles] of bySection) expect((await archive.list({ section })).items.map((d) => d.title).sort()).toEqual([...titles].sort());
    // A copy filed in sport/copies was merged into business/001.txt: the sport folder lists only its own story.
    expect((await archive.list({ section: 'sport' })).items.map((d) => d.source)).toEqual(['sport/001.txt']);
    const dated = await archive.facets({ section: '2005/03/14' });
    expect([dated.years, dated.undated]).toEqual([[{ year: 2005, count: 1 }], 0]);
    expect((await archive.list({ section: 'no-such-folder' })).total).toBe(0);
  });

  test('same file name in two folders: two documents with different ids', () => {
    const a = bySource('business/001.txt')!;
    const b = bySource('sport/001.txt')!;
    expect(a.id).not.toBe(b.id);
    expect(a.title).not.toBe(b.title);
  });

  test('an exact copy and a near copy are merged into the first, which lists every source', () => {
    const a = bySource('business/001.txt')!;
    expect(a.sources).toEqual(['business/001.txt', 'business/002.txt', 'sport/copies/001.txt']);
    expect(report.duplicates).toEqual([{ kept: 'business/001.txt', merged: ['business/002.txt', 'sport/copies/001.txt'], near: true }]);
    expect(docs.filter((d) => d.title === 'Markets rally as rates hold')).toHaveLength(1);
  });

  test('legacy and damaged encodings are read and reported, never skipped', () => {
    expect(report.warnings.map((w) => w.file).sort()).toEqual(expected.warnings);
    const w = Object.fromEntries(report.warnings.map((x) => [x.file, x.warning]));
    expect(w['business/003.txt']).toBe('not UTF-8: read as windows-1252');
    expect(w['world/ru-koi8.txt']).toBe('not UTF-8: read as koi8-r');
    expect(w['world/ru-1251.txt']).toBe('not UTF-8: read as windows-1251');
    expect(w['world/damaged.txt']).toMatch(/^invalid UTF-8 at byte 120 \(1 damaged sequence/);
  });

  test('Markdown front matter gives the byline and tags; the library says undated for the rest', async () => {
    const lib = bySource('notes/front.md')!;
    expect(lib.author).toBe('Anna Petrova');
    expect(lib.tags).toEqual(['culture', 'city']);
    expect(bySource('notes/plain.md')!.paragraphs.map((p) => p.text)).toEqual(['Work on the harbour wall began this week.', 'new cranes', 'a longer pier']);
    const undated = (await archive.list({ kind: 'article' })).items.filter((d) => d.year === null);
    expect(undated).toHaveLength(expected.stories.filter((s) => !s.published && !s.eventDate).length);
  });

  test('a rebuild gives the same ids', async () => {
    await ingestFolder(join(dir, 'src'), join(dir, 'out2'));
    const again = await openArchive(join(dir, 'out2'));
    expect((await again.list({})).items.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
    await again.close();
  });
});
