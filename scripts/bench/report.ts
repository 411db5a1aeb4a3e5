/** The readable form of a benchmark run: one table per archive size. */
import type { BenchReport } from './main';
import type { EngineSection } from './run-size';

type Row = [string, string, string, string];

const fmt = (v: number | null | undefined, unit = '') => (v == null ? '-' : `${v}${unit}`);
const mb = (b: number | null | undefined) => (b == null ? '-' : `${(b / 1024 / 1024).toFixed(1)} MB`);

function rows(e: EngineSection, m: EngineSection, ratios: Record<string, number | null>): Row[] {
  return [
    ['index build', fmt(e.build?.ms, ' ms'), fmt(m.build?.ms, ' ms'), fmt(ratios.build)],
    ['build peak memory', fmt(e.build?.peakRssMB, ' MB'), fmt(m.build?.peakRssMB, ' MB'), fmt(ratios.buildPeakRss)],
    ['serialized index', mb(e.build?.indexBytes), mb(m.build?.indexBytes), fmt(ratios.indexBytes)],
    ['archive on disk (all files)', mb(e.build?.disk?.totalBytes), mb(m.build?.indexBytes), ''],
    ['library shown (open)', fmt(e.load?.openMs, ' ms'), fmt(m.load?.openMs, ' ms'), ''],
    ['search ready', fmt(e.load?.searchReadyMs, ' ms'), fmt(m.load?.searchReadyMs, ' ms'), fmt(ratios.searchReady)],
    ['memory after load (RSS)', fmt(e.load?.rssMB, ' MB'), fmt(m.load?.rssMB, ' MB'), fmt(ratios.rss)],
    ['query p50', fmt(e.query?.p50Ms, ' ms'), fmt(m.query?.p50Ms, ' ms'), fmt(ratios.p50)],
    ['query p95', fmt(e.query?.p95Ms, ' ms'), fmt(m.query?.p95Ms, ' ms'), fmt(ratios.p95)],
    ['query max', fmt(e.query?.maxMs, ' ms'), fmt(m.query?.maxMs, ' ms'), ''],
    ['queries with no hits', fmt(e.query?.zeroHits), fmt(m.query?.zeroHits), ''],
    ...(e.bounded ?? m.bounded ?? []).map((b, i): Row => [
      `bounded: ${b.label}`,
      e.bounded ? `${e.bounded[i].ms} ms${e.bounded[i].error ? ' (threw)' : ''}` : '-',
      m.bounded ? `${m.bounded[i].ms} ms` : '-',
      '',
    ]),
  ];
}

/** The UI in Chromium (browser-bench.ts): one table of figures against their targets. */
function browserLines(b: BenchReport['runs'][number]['browser']): string[] {
  if (b.pending) return [`browser figures pending: ${b.pending}`];
  if (b.error) return [`browser figures failed: ${b.error.split('\n')[0]}`];
  const d = (b.detail ?? {}) as { searchDebounceMs?: number | null; libraryItems?: number | null; openArticle?: { freshPageLoadP50Ms?: number | null } };
  const body: Row[] = [
    [`keystroke to results painted, with the ${d.searchDebounceMs ?? '?'} ms debounce`, fmt(b.keystrokeToPaintP50Ms, ' ms'), fmt(b.keystrokeToPaintP95Ms, ' ms'), 'p95 <= 50 ms'],
    ['keystroke to results painted, after the debounce', fmt(b.keystrokeToPaintNoDebounceP50Ms, ' ms'), fmt(b.keystrokeToPaintNoDebounceP95Ms, ' ms'), ''],
    ['open an article with 500 highlights (in the app)', fmt(b.openArticle500HighlightsMs, ' ms'), '', '<= 100 ms'],
    ['the same from a fresh page load', fmt(d.openArticle?.freshPageLoadP50Ms, ' ms'), '', ''],
    [`library first rows (fresh page load, ${d.libraryItems ?? '?'} items)`, fmt(b.libraryFirstRowsMs, ' ms'), '', '<= 300 ms'],
    ['the same on a later load (build files cached)', fmt(b.libraryFirstRowsAgainMs, ' ms'), '', '<= 300 ms'],
    ['- of which the app drew its own rows (they answer clicks)', fmt(b.libraryAppRowsAgainMs, ' ms'), '', ''],
    ['scroll the library top to bottom', fmt(b.scrollLibraryMs, ' ms'), `${fmt(b.scrollFps)} fps, ${fmt(b.scrollLongFrames)} frames > 50 ms`, ''],
  ];
  return ['', table(['in Chromium (the built UI against the web host)', 'p50', 'p95 / other', 'target'], body)];
}

function table(header: Row, body: Row[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: Row) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  out.push(`Archive Reader benchmark, ${r.date}`);
  out.push(`${r.machine.cpuModel} x${r.machine.cores}, ${r.machine.memoryGB} GB, Node ${r.machine.node}, load ${r.machine.loadAverageAtStart.join(' ')}`);
  out.push(`engine source ${r.engineSource ?? '-'}${r.engineSourceChanged ? ' (CHANGED during the run: figures mix two versions)' : ''}`);
  for (const run of r.runs) {
    out.push('');
    out.push(`${run.size} articles (${(run.generated.bytes / 1024 / 1024).toFixed(1)} MB of text, ${run.queries} queries, ${run.engine.load?.processes ?? run.minisearch.load?.processes ?? 0} fresh processes per load figure)`);
    out.push(table(['', 'this engine', 'MiniSearch', 'ratio'], rows(run.engine, run.minisearch, run.ratios)));
    if (run.engine.error) out.push(`engine: ${run.engine.error.split('\n')[0]}`);
    if (run.minisearch.error) out.push(`MiniSearch: ${run.minisearch.error.split('\n')[0]}`);
    out.push(...browserLines(run.browser));
  }
  out.push('');
  if (r.html) out.push(r.html.error ? `${r.html.pages} HTML pages: build failed: ${r.html.error.split('\n')[0]}` : `${r.html.pages} HTML pages (${(r.html.bytes / 1024 / 1024).toFixed(1)} MB): built in ${r.html.ms} ms, peak ${r.html.peakRssMB} MB; ${JSON.stringify(r.html.result)}`);
  if (r.export.figures) out.push(`export: ${JSON.stringify(r.export.figures)}`);
  else out.push(`export figures ${r.export.pending ? `pending: ${r.export.pending}` : `failed: ${r.export.error}`}`);
  return out.join('\n');
}
