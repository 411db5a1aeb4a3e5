/**
 * Keeps the benchmark working: runs the real harness (`npm run bench`'s script)
 * at 200 articles in quick mode, in a fresh work folder, and checks that the
 * JSON it prints carries every figure for both engines and the browser. Shape, not speed: no
 * timing is asserted (speed belongs to the benchmark itself).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../scripts/bench/report';

const root = resolve(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'bench-quick-'));

function bench(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench', 'main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 240_000,
  });
}

const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let report: any;

beforeAll(() => {
  const r = bench(['--json', '--quick', '--sizes', '200', '--work', work]);
  if (r.status !== 0) throw new Error(`bench exited ${r.status}: ${r.stderr.slice(-3000)}`);
  report = JSON.parse(r.stdout);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('benchmark, quick variant', () => {
  it('records the machine and the date', () => {
    expect(isNum(report.machine.cores)).toBe(true);
    expect(typeof report.machine.cpuModel).toBe('string');
    expect(new Date(report.date).toString()).not.toBe('Invalid Date');
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0].size).toBe(200);
    expect(report.runs[0].queries).toBeGreaterThanOrEqual(200);
  });

  for (const side of ['engine', 'minisearch'] as const) {
    it(`has every figure for ${side}`, () => {
      const s = report.runs[0][side];
      expect(s.error).toBeNull();
      expect(s.available).toBe(true);
      for (const v of [s.build.ms, s.build.peakRssMB, s.build.indexBytes]) expect(isNum(v)).toBe(true);
      for (const v of [s.load.openMs, s.load.searchReadyMs, s.load.rssMB]) expect(isNum(v)).toBe(true);
      expect(s.load.processes).toBe(1);
      expect(s.load.articles).toBeGreaterThanOrEqual(200);
      expect(s.query.count).toBeGreaterThanOrEqual(200);
      for (const v of [s.query.p50Ms, s.query.p95Ms, s.query.maxMs]) expect(isNum(v)).toBe(true);
      expect(s.query.p50Ms).toBeLessThanOrEqual(s.query.p95Ms);
      expect(s.query.p95Ms).toBeLessThanOrEqual(s.query.maxMs);
      // Most of the mix finds something: the engine really searched the generated articles.
      expect(s.query.zeroHits).toBeLessThan(s.query.count / 2);
      expect(s.bounded.map((b: { label: string }) => b.label)).toEqual(
        expect.arrayContaining(['*', '10,000-character string']),
      );
      for (const b of s.bounded) expect(isNum(b.ms)).toBe(true);
    });
  }

  it('gives the ratios of this engine to MiniSearch', () => {
    const r = report.runs[0].ratios;
    for (const k of ['searchReady', 'rss', 'p50', 'p95']) expect(isNum(r[k])).toBe(true);
  });

  it('measures the UI in Chromium: keystroke to results painted, an article with 500 highlights, the library', () => {
    const b = report.runs[0].browser;
    expect(b.error).toBeNull();
    expect(b.pending).toBeNull();
    for (const k of [
      'keystrokeToPaintP50Ms',
      'keystrokeToPaintP95Ms',
      'keystrokeToPaintNoDebounceP50Ms',
      'keystrokeToPaintNoDebounceP95Ms',
      'openArticle500HighlightsMs',
      'libraryFirstRowsMs',
      'libraryFirstRowsAgainMs',
      'libraryAppRowsAgainMs',
      'scrollLibraryMs',
      'scrollFps',
      'scrollLongFrames',
    ]) expect(isNum(b[k]), k).toBe(true);
    expect(b.keystrokeToPaintP50Ms).toBeLessThanOrEqual(b.keystrokeToPaintP95Ms);
    // On a later start the first rows on screen are at the latest the app's own (a picture of the last screen can come first).
    expect(b.libraryFirstRowsAgainMs).toBeLessThanOrEqual(b.libraryAppRowsAgainMs);
    // With the debounce is the longer of the two: the same keystrokes, timed from earlier.
    expect(b.keystrokeToPaintNoDebounceP50Ms).toBeLessThan(b.keystrokeToPaintP50Ms);
    const d = b.detail;
    expect(d.keystrokes.timed).toBeGreaterThanOrEqual(30);
    // The tail by name: the slowest keystrokes, each a prefix of what was typed, slowest first.
    const slowest = d.keystrokes.slowest as { query: string; totalMs: number }[];
    expect(slowest.length).toBe(5);
    for (const s of slowest) expect((d.keystrokes.typed as string[]).some((t) => t.startsWith(s.query))).toBe(true);
    expect(slowest.map((s) => s.totalMs)).toEqual([...slowest.map((s) => s.totalMs)].sort((a, b) => b - a));
    expect(slowest[0].totalMs).toBeGreaterThanOrEqual(b.keystrokeToPaintP95Ms);
    // Read from SearchBox.tsx (0 since the box searches on every key, latest wins); null would mean the probe lost it.
    expect(d.searchDebounceMs).toBeGreaterThanOrEqual(0);
    // Every seeded highlight was painted, and the whole library was scrolled.
    expect(d.openArticle.marksPainted).toBe(500);
    expect(d.library.reachedEnd).toBe(true);
    expect(d.libraryItems).toBeGreaterThanOrEqual(200);
    expect(d.pageErrors).toEqual([]);
    expect(d.profiles.openArticle.inclusive.length).toBeGreaterThan(0);
  });

  it('keeps a place for the export figures', () => {
    expect(report.export.figures !== null || typeof report.export.pending === 'string').toBe(true);
  });

  it('formats the same report as a readable table', () => {
    const table = formatReport(report);
    expect(table).toMatch(/200 articles/);
    for (const row of ['index build', 'search ready', 'memory after load', 'query p95', 'bounded: *', 'keystroke to results painted', '500 highlights']) expect(table).toContain(row);
    expect(table).toMatch(/this engine\s+MiniSearch\s+ratio/);
  });

  it('refuses a bad option with a message and a non-zero exit', () => {
    const bad = bench(['--sizes', 'lots']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--sizes: "lots" is not a positive whole number/);
    expect(bad.stdout).toBe('');
  });
});
