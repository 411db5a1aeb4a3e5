/**
 * Ingestion is general, not a table of the five bundled files: a new page of
 * the same site (same sidebar, new article) is segmented right, and each page
 * ingested alone (no other page to compare with) still loses its sidebar by
 * position.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledCorpusDir, ingestFolder, openArchive } from '../index';
import { docText, type Doc } from '../../shared/model';
import { removeDir, SOURCES, tempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => removeDir(dir));

async function build(name: string, files: Record<string, string>): Promise<Doc[]> {
  const src = join(dir, name);
  await mkdir(src, { recursive: true });
  for (const [f, text] of Object.entries(files)) await writeFile(join(src, f), text);
  await ingestFolder(src, join(dir, `${name}-out`));
  const a = await openArchive(join(dir, `${name}-out`));
  const docs = await Promise.all((await a.list({})).items.map(async (s) => (await a.get(s.id))!));
  await a.close();
  return docs;
}

const corpus = (f: string) => readFile(join(bundledCorpusDir(), f), 'utf8');

test('a new page of the same site: shared sidebar teasers, a new dated article, its own unique teaser', async () => {
  const page2021 = await corpus(SOURCES.y2021);
  const sidebar = page2021.slice(0, page2021.indexOf('The Military Committee meeting'));
  const newPage =
    sidebar +
    '\n' + // teasers are separated by two blank lines
    'A fresh teaser that appears on this page only, about an exercise in Dushanbe.\n\n' +
    'CSTO Secretary General met students in Yerevan\n\nCSTO Secretary General met students in Yerevan 14.02.2023\n\n' +
    'On February 13, the CSTO Secretary General met students of the university in Yerevan.\n\nThe meeting lasted two hours.\n\nGo back\n\nBack to the section\n\nBack to the all news';
  const files: Record<string, string> = { 'new-page.txt': newPage };
  for (const s of Object.values(SOURCES)) files[s] = await corpus(s);
  const docs = await build('site', files);
  const article = docs.find((d) => d.source === 'new-page.txt' && d.kind === 'article')!;
  expect(article.title).toBe('CSTO Secretary General met students in Yerevan');
  expect(article.published).toBe('2023-02-14');
  expect(article.eventDate).toBe('2023-02-13');
  expect(article.paragraphs.map((p) => p.text)).toEqual(['On February 13, the CSTO Secretary General met students of the university in Yerevan.', 'The meeting lasted two hours.']);
  expect(article.facets.places).toContain('Yerevan');
  const briefs = docs.filter((d) => d.kind === 'brief');
  expect(briefs).toHaveLength(11); // the ten of the bundled corpus plus the new page's own teaser
  expect(article.briefs).toHaveLength(5);
  const belta = briefs.find((b) => docText(b).includes('told BELTA'))!;
  expect(belta.appearsIn).toContain(article.id);
});

test('each page alone: the sidebar is recognised by position', async () => {
  for (const [source, title, firstWords] of [
    [SOURCES.y2013, 'Informal meeting of the heads of the CSTO member states of the Central Asian region in Bishkek on May 28, 2013', 'Heads of the CSTO member states'],
    [SOURCES.y2017, null, 'On November 30, 2017, the CSTO Collective Security Council'],
    [SOURCES.y2021, 'The Military Committee meeting on the development of military cooperation of the CSTO member States has been held via videoconferencing on December 8', 'The meeting of the Military Committee'],
  ] as const) {
    const docs = await build(`alone-${source}`, { [source]: await corpus(source) });
    const a = docs.find((d) => d.kind === 'article')!;
    if (title) expect(a.title, source).toBe(title);
    expect(a.paragraphs[0].text.startsWith(firstWords), source).toBe(true);
    expect(docText(a)).not.toContain('told BELTA news agency');
    expect(docs.filter((d) => d.kind === 'brief').length, source).toBeGreaterThanOrEqual(4);
  }
});

test('a page copied twice under two names is one article listing both sources', async () => {
  const text = await corpus(SOURCES.y2013);
  const src = join(dir, 'twice');
  await mkdir(src);
  await writeFile(join(src, 'a.txt'), text);
  await copyFile(join(src, 'a.txt'), join(src, 'b.txt'));
  await ingestFolder(src, join(dir, 'twice-out'));
  const a = await openArchive(join(dir, 'twice-out'));
  const articles = (await a.list({ kind: 'article' })).items;
  expect(articles).toHaveLength(1);
  expect((await a.get(articles[0].id))!.sources).toEqual(['a.txt', 'b.txt']);
  await a.close();
});
