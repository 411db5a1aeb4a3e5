/**
 * The benchmark's synthetic archive (scripts/bench/generate.ts) is a folder
 * of headline-first articles with repeated stock paragraphs: none of it may
 * become a brief (at 50,000 articles the old rules made 81 "briefs" of
 * paragraphs that recur across articles). Every file must be read as one
 * article, titled by its headline, with its opening dateline as event date.
 */
import { expect, test } from 'vitest';
import { articleFileName, articles, articleText } from '../../../scripts/bench/generate';
import { loadVocabulary } from '../../../scripts/bench/vocabulary';
import { repoRoot } from '../../../scripts/bench/paths';
import { buildDocs } from '../ingest/build-docs';
import { pageParagraphs } from '../ingest/page-text';
import { txtShape } from '../ingest/segment';
import { sha256 } from '../text';
import type { SourceFile } from '../ingest/walk-folder';

test('2,000 synthetic benchmark articles: 2,000 articles, 0 briefs, each titled by its headline', () => {
  const vocab = loadVocabulary(repoRoot());
  const files: SourceFile[] = [];
  const titles: string[] = [];
  let i = 0;
  for (const a of articles(vocab, 2000)) {
    const text = articleText(a);
    files.push({ name: articleFileName(i++), section: '', format: 'txt', text, hash: sha256(text), encoding: 'utf-8' });
    titles.push(a.title);
  }
  expect(files.filter((f) => txtShape(pageParagraphs(f.text)) !== 'article').map((f) => f.name)).toEqual([]);
  const built = buildDocs(files);
  expect(built.briefs).toBe(0);
  expect(built.articles).toBe(2000);
  expect(built.docs.map((d) => d.title)).toEqual(titles);
  expect(built.docs.every((d) => d.eventDate !== null && (d.briefs ?? []).length === 0)).toBe(true);
}, 120_000);
