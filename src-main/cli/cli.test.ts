/**
 * The CLI as a person runs it (a real process): JSON shapes the issue
 * specifies, readable text, and clear messages with non-zero exits for bad
 * input. Uses archives built in temp folders, never the bundled one.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundledCorpusDir, ingestFolder } from '../archive/index';
import { removeDir, tempDir } from '../archive/test/helpers';

const CLI = join(import.meta.dirname, 'main.ts');
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};

let dir: string;
let archive: string;
beforeAll(async () => {
  dir = await tempDir();
  archive = join(dir, 'archive');
  await ingestFolder(bundledCorpusDir(), archive);
});
afterAll(() => removeDir(dir));

describe('list and show', () => {
  test('list --json: one entry per document with the specified fields', async () => {
    const r = await run('list', '--json', '--archive', archive);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout);
    expect(items).toHaveLength(15);
    for (const i of items) {
      expect(Object.keys(i).sort()).toEqual(['eventDate', 'id', 'kind', 'languages', 'published', 'source', 'title']);
      expect(['article', 'brief']).toContain(i.kind);
      if (i.published !== null) expect(i.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(items.filter((i: { kind: string }) => i.kind === 'article')).toHaveLength(5);
  });

  test('show --json: paragraphs, briefs or appearsIn, facets', async () => {
    const items = JSON.parse((await run('list', '--json', '--archive', archive)).stdout);
    const article = items.find((i: { source: string; kind: string }) => i.kind === 'article' && i.source.startsWith('000_'));
    const a = JSON.parse((await run('show', article.id, '--json', '--archive', archive)).stdout);
    expect(a).toMatchObject({ id: article.id, kind: 'article', eventDate: '2017-11-30', published: null });
    expect(a.paragraphs[1]).toEqual({ text: expect.stringMatching(/^November 30 A session/), lang: 'en' });
    expect(a.briefs).toHaveLength(4);
    expect(a.appearsIn).toBeUndefined();
    expect(Object.keys(a.facets).sort()).toEqual(['organizations', 'people', 'places']);
    const b = JSON.parse((await run('show', a.briefs[0], '--json', '--archive', archive)).stdout);
    expect(b.kind).toBe('brief');
    expect(b.appearsIn).toContain(article.id);
    const text = await run('show', article.id, '--archive', archive);
    expect(text.stdout).toMatch(/^On November 30, 2017/);
    expect(text.stdout).toMatch(/people: .*Nikolai Bordyuzha/);
  });

  test('an unknown id is a clear error', async () => {
    const r = await run('show', 'no-such-id', '--archive', archive);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/No document with id “no-such-id”/);
  });
});

describe('search', () => {
  test('--json shape, filters and limit', async () => {
    const r = await run('search', 'Bordyusha', '--json', '--archive', archive, '--limit', '1');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(['hits', 'interpretedAs', 'notice', 'query', 'tookMs', 'total']);
    expect(j).toMatchObject({ query: 'Bordyusha', interpretedAs: 'fuzzy', total: 2 });
    expect(j.hits).toHaveLength(1);
    expect(Object.keys(j.hits[0])).toEqual(expect.arrayContaining(['id', 'title', 'kind', 'published', 'score', 'snippets']));
    const s = j.hits[0].snippets[0];
    expect(s.highlights.map(([a, b]: [number, number]) => s.text.slice(a, b))).toContain('Bordyuzha');
    const briefs = JSON.parse((await run('search', 'tasmagambetov', '--json', '--kind', 'brief', '--from', '2024', '--to', '2024', '--archive', archive)).stdout);
    expect(briefs.hits.every((h: { kind: string }) => h.kind === 'brief')).toBe(true);
  });

  test('readable text marks the matches', async () => {
    const r = await run('search', 'граница', '--archive', archive);
    expect(r.stdout).toMatch(/1 result for граница/);
    expect(r.stdout).toContain('[границы]');
  });

  test('bad options are clear errors with a non-zero exit', async () => {
    for (const [args, msg] of [
      [['search', 'x', '--kind', 'photo'], /--kind must be article or brief/],
      [['search', 'x', '--from', 'soon'], /--from must be a whole number/],
      [['search', 'x', '--from', '2024', '--to', '2013'], /--from 2024 is after --to 2013/],
      [['search', 'x', '--limit', '0'], /--limit must be a whole number from 1 to 200/],
      [['search'], /missing argument/],
      [['search', 'two', 'words'], /unexpected argument “words”.*quote a query/],
      [['frobnicate'], /unknown command “frobnicate”/],
      [['list', '--colour'], /unknown option --colour/],
      [['list', '--archive', join(dir, 'missing')], /No archive in/],
    ] as [string[], RegExp][]) {
      const r = await run(...args, ...(args.includes('--archive') ? [] : ['--archive', archive]));
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(msg);
    }
  });

  test('a hostile query still prints a result', async () => {
    const r = await run('search', 'title:', '--json', '--archive', archive);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ interpretedAs: 'literal', notice: expect.stringMatching(/Read literally/) });
  });
});

describe('ingest', () => {
  test('builds an archive from a folder, reports a binary file, and --archive uses it', async () => {
    const src = join(dir, 'pages');
    await mkdir(src);
    await writeFile(join(src, 'a.txt'), 'Harbour reopens\n\nThe harbour reopened on 3 May 2022 after repairs.\n');
    await writeFile(join(src, 'b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    const out = join(dir, 'built');
    const r = await run('ingest', src, '--out', out);
    expect(r.code).not.toBe(0); // something was skipped: say so in the exit code
    expect(r.stderr).toMatch(/ingest: skipped b\.txt: binary file/);
    expect(r.stderr).toMatch(/ingest: indexing/);
    expect(r.stdout).toMatch(/Built .*: 1 article, 0 briefs from 1 file; skipped 1/);
    const list = JSON.parse((await run('list', '--json', '--archive', out)).stdout);
    expect(list).toEqual([expect.objectContaining({ title: 'Harbour reopens', kind: 'article', eventDate: '2022-05-03' })]);
    const found = JSON.parse((await run('search', 'harbor~1', '--json', '--archive', out)).stdout);
    expect(found.total).toBe(1);
  });

  test('--json prints the report of a folder tree: sections, duplicates merged, skipped with reasons; progress on stderr', async () => {
    const src = join(dir, 'tree');
    await mkdir(join(src, 'business'), { recursive: true });
    await mkdir(join(src, 'sport'), { recursive: true });
    const story = 'Harbour reopens\n\nThe harbour reopened after repairs that took three years and cost the city more than planned.\n';
    await writeFile(join(src, 'business', '001.txt'), story);
    await writeFile(join(src, 'sport', '001.txt'), 'Cup final tonight\n\nThe final of the regional cup is played tonight in the new stadium.\n');
    await writeFile(join(src, 'sport', '002.txt'), story);
    await writeFile(join(src, 'archive.zip'), Buffer.from([0x50, 0x4b, 3, 4]));
    const out = join(dir, 'tree-built');
    const r = await run('ingest', src, '--out', out, '--json');
    expect(r.code).toBe(3); // something was skipped
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ files: 3, articles: 2, briefs: 0, duplicates: [{ kept: 'business/001.txt', merged: ['sport/002.txt'], near: false }] });
    expect(report.skipped).toEqual([{ file: 'archive.zip', reason: expect.stringMatching(/\.zip archive: not read/) }]);
    expect(r.stderr).toMatch(/ingest: read 3 of 3 files/);
    expect(r.stderr).toMatch(/ingest: duplicate of business\/001\.txt merged: sport\/002\.txt/);
    const list = JSON.parse((await run('show', JSON.parse((await run('list', '--json', '--archive', out)).stdout).find((d: { title: string }) => d.title === 'Harbour reopens').id, '--json', '--archive', out)).stdout);
    expect(list).toMatchObject({ source: 'business/001.txt', section: 'business', sources: ['business/001.txt', 'sport/002.txt'] });
  });

  test('a missing folder or a missing --out is a clear error', async () => {
    const r = await run('ingest', join(dir, 'nope'), '--out', join(dir, 'o'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Folder not found/);
    const r2 = await run('ingest', join(dir, 'pages'));
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toMatch(/ingest needs --out <dir>/);
  });
});
