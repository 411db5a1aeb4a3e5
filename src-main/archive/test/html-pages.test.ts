/**
 * Saved web pages: each hand-written fixture (navigation, related lists,
 * comment threads, captions, multi-column layouts, a Russian page in
 * Windows-1251, an old table-and-<br> page in Latin-1) must give its article
 * body (word 4-gram F1 >= 0.9 against the hand-checked text) and its
 * metadata; scripts never run; a page with no article is kept as text with a
 * warning; and a folder of them builds into a searchable archive.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HTML_FIXTURES, ngramF1, overall, scoreFixtures, type FixtureResult } from './html-f1';
import { parseHtml } from '../ingest/formats/html';
import { ingestFolder, openArchive, type FolderReport } from '../index';
import { removeDir, tempDir } from './helpers';

let results: FixtureResult[];
let meta: Record<string, { title: string; published: string | null; author: string | null; url: string | null }>;
beforeAll(async () => {
  results = scoreFixtures();
  meta = JSON.parse(await readFile(join(HTML_FIXTURES, 'meta.json'), 'utf8'));
});

describe('the article of each saved page', () => {
  test('every fixture has hand-checked metadata', () => {
    expect(results.map((r) => r.name).sort()).toEqual(Object.keys(meta).filter((k) => k !== '_').sort());
  });

  test.each(['bakery-br-discussion', 'election-columns', 'glacier-captions', 'harbour-nav', 'kazan-ru-cp1251', 'library-related', 'recipes-listicle', 'trains-comments'])('%s: body F1 >= 0.9, title, date, byline, canonical URL', (name) => {
    const r = results.find((x) => x.name === name)!;
    expect(r.f1, r.body).toBeGreaterThanOrEqual(0.9);
    expect({ title: r.title, published: r.meta.published ?? null, author: r.meta.author ?? null, url: r.meta.url ?? null }).toEqual(meta[name]);
    expect(r.warning).toBeUndefined();
  });

  test('overall F1', () => {
    expect(overall(results).f1).toBeGreaterThanOrEqual(0.95);
  });

  test('the measure itself: furniture lowers precision, a missing paragraph lowers recall', () => {
    const article = 'one two three four five six seven eight nine ten';
    expect(ngramF1(article, article).f1).toBe(1);
    expect(ngramF1(`${article} menu home news sport weather`, article).precision).toBeLessThan(1);
    expect(ngramF1('one two three four five', article).recall).toBeLessThan(1);
    expect(ngramF1('', article).f1).toBe(0);
  });
});

describe('hostile and empty pages', () => {
  const file = (text: string) => ({ name: 'p.html', section: '', format: 'html' as const, text, hash: 'x', encoding: 'utf-8' as const });

  test('scripts never run and never reach the text', () => {
    (globalThis as { pwned?: boolean }).pwned = false;
    const page = parseHtml(file(`<html><head><script>globalThis.pwned = true</script></head><body onload="globalThis.pwned = true"><article><h1>Title here</h1>${'<p>A sentence of the article that goes on for a while to be long enough.</p>'.repeat(8)}<script>document.write('INJECTED')</script><img src=x onerror="globalThis.pwned = true"><noscript>Enable JavaScript</noscript></article></body></html>`));
    expect((globalThis as { pwned?: boolean }).pwned).toBe(false);
    const text = page.paras.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/INJECTED|pwned|Enable JavaScript/);
    expect(text).toContain('A sentence of the article');
  });

  test('a page with no article (a list of links) is kept as plain text, with a warning', () => {
    const page = parseHtml(file('<html><head><title>Archive index</title></head><body><nav><a href="/">Home</a></nav><ul><li><a href="a.html">Harbour wall</a></li><li><a href="b.html">Library hours</a></li></ul></body></html>'));
    expect(page.warning).toBe('no article found in the page: kept as plain text');
    expect(page.meta.title).toBe('Archive index');
    expect(page.paras.map((p) => p.text)).toEqual(['Harbour wall', 'Library hours']);
  });
});

describe('a folder of saved pages', () => {
  let dir: string;
  let report: FolderReport;
  beforeAll(async () => {
    dir = await tempDir('html-folder-');
    await mkdir(join(dir, 'src', 'saved'), { recursive: true });
    for (const f of await readdir(HTML_FIXTURES)) if (f.endsWith('.html')) await copyFile(join(HTML_FIXTURES, f), join(dir, 'src', 'saved', f.replace(/\.html$/, '.htm')));
    await writeFile(join(dir, 'src', 'saved', 'index.html'), '<html><head><title>Saved pages</title></head><body><ul><li><a href="a.htm">One</a></li></ul></body></html>');
    report = await ingestFolder(join(dir, 'src'), join(dir, 'out'));
  }, 60_000);
  afterAll(() => removeDir(dir));

  test('builds one article per page with its URL, byline and date; the link-only page is kept with a warning', async () => {
    expect(report).toMatchObject({ files: 9, articles: 9, briefs: 0, skipped: [] });
    expect(report.warnings).toContainEqual({ file: 'saved/index.html', warning: 'no article found in the page: kept as plain text' });
    expect(report.warnings).toContainEqual({ file: 'saved/kazan-ru-cp1251.htm', warning: 'not UTF-8: read as windows-1251' });
    const a = await openArchive(join(dir, 'out'));
    await a.searchReady;
    const hit = (await a.search({ query: 'Казанку' })).hits[0];
    const doc = (await a.get(hit.id))!;
    expect(doc).toMatchObject({ title: 'В Казани открыли новый мост через Казанку', published: '2020-08-27', url: 'https://vecher.example/news/2020/08/27/most', author: 'Ирина Волкова', section: 'saved' });
    expect(doc.languages).toEqual(['ru']);
    expect((await a.search({ query: 'Марат' })).total).toBe(0); // a commenter's name: comments are not the article
    await a.close();
  });
});
