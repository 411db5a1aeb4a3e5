/**
 * Sections of the benchmark that measure code other parts of the project own:
 * the browser-side figures (keystroke to results painted, opening an article
 * with 500 highlights, scrolling the library), measured by browser-bench.ts
 * in Chromium against the HTTP host, and the export figures.
 *
 * A section that cannot be measured is reported as null figures with a
 * `pending` or `error` reason, so the JSON shape stays stable. The export section is
 * folded in from `scripts/bench/export-bench.ts` (written with the exporters)
 * when that file exists: it is run as `node --import tsx export-bench.ts 10000`;
 * if it prints a JSON object that is taken whole, otherwise its figure lines
 * ("  md   281 ms   7.2 MB", "W3C import 164 ms", ...) are read into numbers.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export interface BrowserFigures {
  /** Keystroke in the search box to results painted, including the box's debounce (the headline). */
  keystrokeToPaintP50Ms: number | null;
  keystrokeToPaintP95Ms: number | null;
  /** The same, from the moment the debounce hands the query on (the UI's and host's own work). */
  keystrokeToPaintNoDebounceP50Ms: number | null;
  keystrokeToPaintNoDebounceP95Ms: number | null;
  /** Median of several opens (library -> article route) until all 500 highlights are painted. */
  openArticle500HighlightsMs: number | null;
  /** Fresh page load at the library until its first rows are painted. */
  libraryFirstRowsMs: number | null;
  /** The same on a later load (median of 3): the build's files come from the browser's cache, as on every start after the first. */
  libraryFirstRowsAgainMs: number | null;
  /** On those later loads, the app's own rows (the first rows painted may be the picture of the last screen, start-snapshot.ts). */
  libraryAppRowsAgainMs: number | null;
  /** Wheel-scrolling the whole library from top to bottom. */
  scrollLibraryMs: number | null;
  scrollFps: number | null;
  /** Frames longer than 50 ms while scrolling. */
  scrollLongFrames: number | null;
  /** Splits, samples and CPU profiles (scripts/bench/browser-bench.ts). */
  detail: Record<string, unknown> | null;
  pending: string | null;
  error: string | null;
}

/** The browser section with no figures: `pending` (not measured yet) or `error` (measuring failed). */
export function browserFigures(pending: string | null, error: string | null = null): BrowserFigures {
  return {
    keystrokeToPaintP50Ms: null,
    keystrokeToPaintP95Ms: null,
    keystrokeToPaintNoDebounceP50Ms: null,
    keystrokeToPaintNoDebounceP95Ms: null,
    openArticle500HighlightsMs: null,
    libraryFirstRowsMs: null,
    libraryFirstRowsAgainMs: null,
    libraryAppRowsAgainMs: null,
    scrollLibraryMs: null,
    scrollFps: null,
    scrollLongFrames: null,
    detail: null,
    pending,
    error,
  };
}

export interface ExportFigures {
  figures: Record<string, unknown> | null;
  pending: string | null;
  error: string | null;
}

export function exportBenchPath(): string {
  return join(repoRoot(), 'scripts', 'bench', 'export-bench.ts');
}

/** Reads export-bench.ts's printed lines into figures (per format: ms and MB; other timings: ms). */
export function parseExportOutput(out: string): Record<string, unknown> | null {
  const trimmed = out.trim();
  if (trimmed.startsWith('{')) return JSON.parse(trimmed) as Record<string, unknown>;
  const formats: Record<string, { ms: number; mb: number }> = {};
  const other: Record<string, number> = {};
  for (const line of trimmed.split('\n')) {
    const f = line.match(/^\s+(\w+)\s+(\d+(?:\.\d+)?) ms\s+(\d+(?:\.\d+)?) MB\s*$/);
    if (f) {
      formats[f[1]] = { ms: Number(f[2]), mb: Number(f[3]) };
      continue;
    }
    // "W3C import 164 ms (...)", "Backup: write 28 ms (...), parse + validate every row 70 ms ...".
    for (const m of line.matchAll(/([A-Za-z][\w +()-]*?)\s+(\d+(?:\.\d+)?) ms/g)) {
      const key = m[1].replace(/^Backup:\s*/, '').replace(/\s*\([^)]*\)/g, '').trim();
      if (key) other[key] = Number(m[2]);
    }
  }
  if (Object.keys(formats).length === 0) return null;
  const header = trimmed.match(/Export of ([\d,]+) annotations/);
  return {
    annotations: header ? Number(header[1].replace(/,/g, '')) : null,
    markdownMs: formats.md?.ms ?? null,
    jsonMs: formats.json?.ms ?? null,
    formats,
    other,
  };
}

export async function exportFigures(count = 10_000, timeoutMs = 600_000): Promise<ExportFigures> {
  const script = exportBenchPath();
  if (!existsSync(script)) {
    return { figures: null, pending: 'scripts/bench/export-bench.ts (10,000 annotations to Markdown and JSON) not written yet', error: null };
  }
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(count)], { cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => process.stderr.write(d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  if (code !== 0) return { figures: null, pending: null, error: `export-bench.ts exited with ${code}` };
  try {
    const figures = parseExportOutput(out);
    if (figures) return { figures, pending: null, error: null };
  } catch {
    // unreadable output is reported below
  }
  return { figures: null, pending: null, error: `export-bench.ts printed no figures the benchmark can read: ${out.slice(0, 300)}` };
}
