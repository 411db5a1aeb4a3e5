/**
 * How long exports of many annotations take, per format, in Node:
 *   npx tsx scripts/bench/export-bench.ts [count=10000]
 * Also times a backup file (write, then parse + validate every row) and the
 * canonical hash. Prints figures; asserts nothing (speed belongs here, not in
 * unit tests). The target from the issue: 10,000 annotations well under 2 s.
 */
import { performance } from 'node:perf_hooks';
import type { Annotation } from '../../src-main/shared/notes/annotation-model';
import { createBackup } from '../../src-main/shared/notes/backup/backup-format';
import { parseBackup } from '../../src-main/shared/notes/backup/backup-parse';
import { snapshotHash } from '../../src-main/shared/notes/backup/restore-plan';
import { FORMATS, exportAsync, exportSync } from '../../src-main/shared/notes/formats';
import { importW3cText } from '../../src-main/shared/notes/w3c-import';
import type { CitedDoc } from '../../src-main/shared/notes/types';

const count = Number(process.argv[2] ?? 10_000);
const only = process.argv[3];
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;

const docs = new Map<string, CitedDoc>();
for (let d = 0; d < 500; d++) {
  const id = `csto-${2013 + (d % 12)}-${String(d).padStart(4, '0')}`;
  docs.set(id, { id, title: `CSTO news item ${d}: the Council "met" & agreed <on> *borders*`, published: `${2013 + (d % 12)}-0${1 + (d % 9)}-1${d % 10}` });
}
const docIds = [...docs.keys()];

const annotations: Annotation[] = Array.from({ length: count }, (_, i) => {
  const exact = `Quote ${i}: the heads of state signed a declaration on collective security, # not a heading, =1+1, "quoted", <b>not bold</b>. `.repeat(1 + (i % 3));
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    archiveId: 'bundled',
    docId: docIds[i % docIds.length],
    color: COLORS[i % COLORS.length],
    quote: { type: 'TextQuoteSelector', exact, prefix: 'the Council said that the ', suffix: ' according to the statement' },
    position: { type: 'TextPositionSelector', start: i * 10, end: i * 10 + exact.length },
    textHash: 'sha256:abcdef',
    note: i % 2 ? `A **note** with a [link](https://example.org/${i}) and a list:\n\n- one\n- two\n\n<script>x</script>` : '',
    tags: i % 3 ? [`tag-${i % 20}`, 'borders'] : [],
    created: '2024-03-01T10:00:00.000Z',
    modified: '2024-03-02T11:30:00.000Z',
  };
});

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

const mb = (s: string) => (Buffer.byteLength(s) / 1024 / 1024).toFixed(1);
const input = { annotations, docs, linkBase: 'archive-reader://', generatedAt: '2026-01-01T00:00:00.000Z' };

console.log(`Export of ${count.toLocaleString('en')} annotations over ${docs.size} articles (Node ${process.version})`);
exportSync('md', { ...input, annotations: annotations.slice(0, 200) }); // warm up markdown-it / sanitize-html
for (const f of FORMATS.filter((x) => !only || x.id === only)) {
  const [file, ms] = time(() => exportSync(f.id, input));
  console.log(`  ${f.id.padEnd(5)} ${ms.toFixed(0).padStart(6)} ms  ${mb(file.text).padStart(6)} MB`);
}
{
  let updates = 0;
  const t0 = performance.now();
  await exportAsync('html', input, { onProgress: () => updates++ });
  console.log(`  html async (yields to the event loop) ${(performance.now() - t0).toFixed(0)} ms, ${updates} progress updates`);
}
{
  const [json] = time(() => exportSync('json', input).text);
  const [r, ms] = time(() => importW3cText(json, { knownDocIds: new Set(docIds) }));
  console.log(`  W3C import ${ms.toFixed(0)} ms (${r.ok ? r.annotations.length : r.message} annotations)`);
}
const snapshot = { annotations, docState: [], tags: [], settings: [] };
const [backup, writeMs] = time(() => createBackup(snapshot, { appVersion: 'bench' }));
const [parsed, parseMs] = time(() => parseBackup(backup));
const t0 = performance.now();
await snapshotHash(snapshot);
const hashMs = performance.now() - t0;
console.log(`Backup: write ${writeMs.toFixed(0)} ms (${mb(backup)} MB), parse + validate every row ${parseMs.toFixed(0)} ms (${parsed.ok ? 'ok' : parsed.message}), canonical hash ${hashMs.toFixed(0)} ms`);
