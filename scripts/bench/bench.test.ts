/**
 * The benchmark's inputs must be the same on every run, or figures from two
 * runs would describe different archives: the generator, the query mix and the
 * command line are checked here with the real corpus and real files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, processesFor } from './args';
import { articles, articleText, generateArchive } from './generate';
import { boundedQueries, buildQueryMix } from './queries';
import { parseExportOutput } from './pending';
import { summarizeProfile } from './cdp-profile';
import { searchDebounceMs } from './browser-bench';
import { probeScript } from './browser-probe';
import { seedHighlights } from './highlight-seed';
import { docText } from '../../src-main/shared/model';
import { restoreAnnotation } from '../../src-main/shared/notes/schema';
import { percentile } from './stats';
import { loadVocabulary } from './vocabulary';
import { repoRoot } from './paths';

const vocab = loadVocabulary(repoRoot());
const work = mkdtempSync(join(tmpdir(), 'bench-gen-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('synthetic archive', () => {
  it('writes the same headline-first files on every run', () => {
    const a = generateArchive(vocab, join(work, 'a'), 30);
    const b = generateArchive(vocab, join(work, 'b'), 30);
    const names = readdirSync(a.dir).sort();
    expect(names).toHaveLength(30);
    expect(names[0]).toBe('000000.txt');
    for (const n of names) expect(readFileSync(join(a.dir, n), 'utf8')).toBe(readFileSync(join(b.dir, n), 'utf8'));
    expect(a.bytes).toBe(b.bytes);
  });

  it('makes a smaller archive a prefix of a larger one', () => {
    const small = [...articles(vocab, 5)].map(articleText);
    const large = [...articles(vocab, 12)].map(articleText);
    expect(large.slice(0, 5)).toEqual(small);
    expect(new Set(large).size).toBe(12);
  });

  it('writes articles of 300-1,200 words, dated, some with Russian paragraphs', () => {
    const list = [...articles(vocab, 120)];
    for (const a of list) {
      const words = articleText(a).split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(300);
      expect(words).toBeLessThanOrEqual(1300);
      expect(a.title).not.toMatch(/\n/);
      expect(a.paragraphs[0]).toMatch(/^On [A-Z][a-z]+ \d{1,2}, \d{4},/);
    }
    const withRussian = list.filter((a) => a.paragraphs.some((p) => /[а-я]{4}/.test(p))).length;
    expect(withRussian).toBeGreaterThan(10);
    expect(withRussian).toBeLessThan(60);
  });

  it('regenerates a folder whose manifest says another size', () => {
    const first = generateArchive(vocab, join(work, 'c'), 4);
    const again = generateArchive(vocab, join(work, 'c'), 4);
    expect(again.cached).toBe(true);
    expect(first.cached).toBe(false);
    const bigger = generateArchive(vocab, join(work, 'c'), 6);
    expect(bigger.cached).toBe(false);
    expect(readdirSync(bigger.dir)).toHaveLength(6);
  });
});

describe('query mix', () => {
  const mix = buildQueryMix(vocab);
  it('has at least 200 distinct queries of every kind, the same each time', () => {
    expect(mix.length).toBeGreaterThanOrEqual(200);
    expect(new Set(mix.map((q) => q.lunr)).size).toBe(mix.length);
    expect(new Set(mix.map((q) => q.kind))).toEqual(new Set(['single', 'or', 'and', 'prefix', 'fuzzy', 'field', 'phrase', 'russian']));
    expect(buildQueryMix(vocab)).toEqual(mix);
  });

  it('translates each Lunr form to the matching MiniSearch options', () => {
    const of = (kind: string) => mix.find((q) => q.kind === kind)!;
    expect(of('and').lunr).toMatch(/^\+\S+ \+\S+$/);
    expect(of('and').mini.options.combineWith).toBe('AND');
    expect(of('prefix').lunr.endsWith('*')).toBe(true);
    expect(of('prefix').mini).toMatchObject({ text: of('prefix').lunr.slice(0, -1), options: { prefix: true } });
    expect(of('fuzzy').lunr).toMatch(/~1$/);
    expect(of('fuzzy').mini.options.fuzzy).toBe(0.2);
    expect(of('field').lunr.startsWith('title:')).toBe(true);
    expect(of('field').mini.options.fields).toEqual(['title']);
    expect(of('phrase').lunr).toMatch(/^"[a-z]+ [a-z]+"$/);
    expect(of('russian').lunr).toMatch(/^[а-яё]+$/);
  });

  it('includes the pathological queries, one of them 10,000 characters long', () => {
    const b = boundedQueries(vocab);
    expect(b.map((q) => q.lunr)).toContain('*');
    expect(b.some((q) => q.lunr.startsWith('*') && q.lunr.length > 1)).toBe(true);
    expect(b.some((q) => q.lunr.length === 10_000)).toBe(true);
  });
});

describe('command line', () => {
  it('defaults to 1,000 and 10,000 articles, 1,000 when quick', () => {
    expect(parseArgs([]).sizes).toEqual([1000, 10000]);
    const quick = parseArgs(['--quick']);
    expect(quick.sizes).toEqual([1000]);
    expect(processesFor(quick, 1000)).toBe(1);
    expect(processesFor(parseArgs([]), 50000)).toBe(3);
    expect(parseArgs(['--json', '--sizes', '200,50000']).sizes).toEqual([200, 50000]);
    expect(parseArgs(['--sizes', '10000', '--browser-only']).browserOnly).toBe(true);
    expect(parseArgs([]).browserOnly).toBe(false);
  });

  it('refuses bad options with a message naming them', () => {
    expect(() => parseArgs(['--sizes', 'ten'])).toThrow(/--sizes: "ten" is not a positive whole number/);
    expect(() => parseArgs(['--sizes'])).toThrow(/--sizes needs a value/);
    expect(() => parseArgs(['--size', '10'])).toThrow(/unknown option --size/);
    expect(() => parseArgs(['--processes', '0'])).toThrow(/not a positive/);
    expect([parseArgs(['--only', 'build', '--html', '2000']).only, parseArgs(['--html', '2000']).html, parseArgs([]).only]).toEqual(['build', 2000, null]);
    expect(() => parseArgs(['--only', 'browser'])).toThrow(/--only: "browser" is not a part the bench can run alone/);
  });
});

describe('percentiles', () => {
  it('uses nearest rank', () => {
    const v = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 95)).toBe(95);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('export figures', () => {
  it('reads the export benchmark\'s printed lines into numbers', () => {
    const out = `Export of 10,000 annotations over 500 articles (Node v20.20.2)
  md       281 ms     7.2 MB
  json      73 ms    14.7 MB
  html async (yields to the event loop) 531 ms, 21 progress updates
  W3C import 164 ms (10000 annotations)
Backup: write 28 ms (6.9 MB), parse + validate every row 70 ms (ok), canonical hash 61 ms`;
    expect(parseExportOutput(out)).toEqual({
      annotations: 10000,
      markdownMs: 281,
      jsonMs: 73,
      formats: { md: { ms: 281, mb: 7.2 }, json: { ms: 73, mb: 14.7 } },
      other: { 'html async': 531, 'W3C import': 164, write: 28, 'parse + validate every row': 70, 'canonical hash': 61 },
    });
  });

  it('takes a printed JSON object whole and gives up on text without figures', () => {
    expect(parseExportOutput('{"markdownMs": 5}')).toEqual({ markdownMs: 5 });
    expect(parseExportOutput('nothing to see')).toBeNull();
  });
});

describe('browser figures: inputs', () => {
  const doc = (paragraphs: string[]) => ({ id: 'a-bench', textHash: 'h1', paragraphs: paragraphs.map((text) => ({ text, lang: 'en' as const })) });

  it('seeds 500 highlights that the app would store and anchor where they were made, one word each, none overlapping', () => {
    const longest = [...articles(vocab, 40)].sort((a, b) => articleText(b).length - articleText(a).length)[0];
    const d = doc(longest.paragraphs);
    const rows = seedHighlights(d, 500);
    expect(rows).toHaveLength(500);
    expect(new Set(rows.map((r) => r.id)).size).toBe(500);
    const text = docText(d);
    let end = -1;
    for (const r of rows) {
      expect(restoreAnnotation(r)).toEqual({ ok: true, value: r });
      expect(text.slice(r.position.start, r.position.end)).toBe(r.quote.exact);
      expect(r.quote.exact).toMatch(/^[\p{L}\p{N}]+$/u);
      expect(r.position.start).toBeGreaterThan(end);
      end = r.position.end;
      expect(r.docId).toBe('a-bench');
      expect(r.textHash).toBe('h1');
    }
    expect(rows.filter((r) => r.note).length).toBe(50);
  });

  it('refuses an article with fewer words than highlights', () => {
    expect(() => seedHighlights(doc(['Only five words are here.']), 500)).toThrow(/has 5 words, fewer than 500 highlights/);
  });

  it('injects a page script that is valid JavaScript and carries the highlight target', () => {
    const script = probeScript({ markTarget: 500 });
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain('const MARK_TARGET = 500;');
  });

  it('reads the search box debounce from the renderer source', () => {
    const ms = searchDebounceMs();
    // null means the regex no longer finds the constant (renamed or moved); 0 is valid: search is latest-wins, no debounce.
    expect(ms).not.toBeNull();
    expect(Number.isInteger(ms) && ms! >= 0).toBe(true);
  });

  it('sums a CPU profile into self and inclusive time per function', () => {
    const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, children: [2, 4], callFrame: frame('(root)') },
        { id: 2, children: [3], callFrame: frame('render', 'http://127.0.0.1:1/assets/index.js') },
        { id: 3, callFrame: frame('paint', 'http://127.0.0.1:1/assets/index.js') },
        { id: 4, callFrame: frame('(idle)') },
      ],
      // Deltas are in microseconds; each sample's time is the next delta.
      samples: [3, 3, 2, 4, 4],
      timeDeltas: [0, 1000, 1000, 1000, 1000, 0],
      startTime: 0,
      endTime: 5000,
    };
    const s = summarizeProfile(profile);
    expect(s.wallMs).toBe(5);
    expect(s.idleMs).toBe(1);
    expect(s.scriptMs).toBe(3);
    expect(s.top.map((e) => [e.fn, e.selfMs])).toEqual([
      ['paint', 2],
      ['render', 1],
    ]);
    expect(s.inclusive.map((e) => [e.fn, e.selfMs])).toEqual([
      ['render', 3],
      ['paint', 2],
    ]);
  });
});
