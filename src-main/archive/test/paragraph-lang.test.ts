/**
 * A paragraph's language is that of most of its letters. A paragraph with no
 * letters (a year, a page number, a dash) says nothing about the language and
 * takes the whole article's: a Russian article with a line "2019" was listed
 * (and labelled in the reader) as "English and Russian".
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ingestFolder, openArchive } from '../index';
import type { ArchiveService } from '../types';
import { removeDir, tempDir } from './helpers';

let dir: string;
let archive: ArchiveService;

beforeAll(async () => {
  dir = await tempDir('paragraph-lang-');
  const src = join(dir, 'src');
  await mkdir(join(src, 'мир'), { recursive: true });
  await writeFile(
    join(src, 'мир', 'итоги.txt'),
    'Итоги года для организации\n\nПервый абзац текста на русском языке, достаточно длинный для настоящей статьи.\n\n2019\n\n— 12 —\n\nВторой абзац текста на русском языке, тоже достаточно длинный для статьи.\n',
  );
  await writeFile(
    join(src, 'summary.md'),
    '# The year in review\n\nThe first paragraph of an English article, long enough to be read as one.\n\n2019\n\nThe second paragraph, which mentions the ОДКБ once and is otherwise English.\n',
  );
  await writeFile(
    join(src, 'both.txt'),
    'A bilingual statement\n\nThe statement in English, as it was read at the meeting of the council.\n\nЗаявление на русском языке, как оно было зачитано на заседании совета.\n\n2020\n',
  );
  await ingestFolder(src, join(dir, 'archive'));
  archive = await openArchive(join(dir, 'archive'));
});
afterAll(async () => {
  await archive?.close();
  await removeDir(dir);
});

const byTitle = async (title: string) => {
  const s = (await archive.list({})).items.find((d) => d.title === title);
  if (!s) throw new Error(`no article "${title}" in ${(await archive.list({})).items.map((d) => d.title).join(', ')}`);
  return { summary: s, doc: (await archive.get(s.id))! };
};

test('a Russian article with a year and a page number on lines of their own is Russian only', async () => {
  const { summary, doc } = await byTitle('Итоги года для организации');
  expect(summary.languages).toEqual(['ru']);
  expect(doc.paragraphs.find((p) => p.text === '2019')?.lang).toBe('ru');
});

test('an English article with a year on its own line and one Russian word is English only', async () => {
  const { summary, doc } = await byTitle('The year in review');
  expect(summary.languages).toEqual(['en']);
  expect(doc.paragraphs.map((p) => p.lang)).toEqual(['en', 'en', 'en']);
});

test('an article with a paragraph in each language is still both', async () => {
  const { summary } = await byTitle('A bilingual statement');
  expect(summary.languages).toEqual(['en', 'ru']);
});
