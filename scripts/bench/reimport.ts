/**
 * `npx tsx scripts/bench/reimport.ts [--files N] [--work DIR]` (default 2,000;
 * the figure is 10,000): what re-use on re-import saves
 * (src-main/archive/ingest/reuse-cache.ts). The benchmark's generated folder of
 * N headline-first articles is built three ways, as an import builds it
 * (ingestFolder with `reuse`, worker threads by default):
 *   first import   nothing to re-use; the build writes its cache
 *   plain build    the same without the option (no cache written): what the cache costs
 *   re-import      the same folder again, every file unchanged: re-used
 * and once more after editing 1% of the files. Prints each time (and the read
 * phase, which is what re-use shortens), the files re-used and the cache's
 * size. Figures, not assertions (docs/benchmarks.md).
 *
 * `--once first|again|plain`: one build only, in this process, so that
 * `/usr/bin/time -v` gives that build's peak memory: `first` imports the
 * folder into a fresh archive (writing its cache), `again` re-imports it into
 * that archive (run `first` before), `plain` builds without re-use. The folder
 * is kept unedited.
 */
import { appendFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ingestFolder, type IngestProgress } from '../../src-main/archive/index';
import { REUSE_CACHE_FILE, type ReuseOptions } from '../../src-main/archive/ingest/reuse-cache';
import { generateArchive } from './generate';
import { loadVocabulary } from './vocabulary';
import { defaultWorkDir, repoRoot } from './paths';

const { values } = parseArgs({ options: { files: { type: 'string', default: '2000' }, work: { type: 'string' }, once: { type: 'string' } } });
if (values.once !== undefined && !['first', 'again', 'plain'].includes(values.once)) throw new Error('--once must be first, again or plain');
const files = Number(values.files);
if (!Number.isInteger(files) || files < 1) throw new Error('--files must be a whole number');
const work = values.work ?? defaultWorkDir();
mkdirSync(work, { recursive: true });

const load = () => loadavg().map((l) => Math.round(l * 10) / 10);
const loadAtStart = load();
const folder = generateArchive(loadVocabulary(repoRoot()), work, files);
const out = join(work, `reimport-${files}`);
const plain = join(work, `reimport-plain-${files}`);
if (values.once !== 'again') rmSync(out, { recursive: true, force: true });
rmSync(plain, { recursive: true, force: true });

async function build(to: string, reuse: ReuseOptions | undefined) {
  const t0 = performance.now();
  let readEnd = 0;
  const onProgress = (p: IngestProgress) => {
    if (p.phase === 'segment' && !readEnd) readEnd = performance.now();
  };
  const r = await ingestFolder(folder.dir, to, { reuse, onProgress });
  return { ms: Math.round(performance.now() - t0), readMs: Math.round(readEnd - t0), reused: r.reused ?? null, articles: r.articles };
}

if (values.once) {
  const once = values.once === 'plain' ? await build(plain, undefined) : await build(out, { from: out });
  if (values.once === 'plain') rmSync(plain, { recursive: true, force: true });
  const cache = join(out, REUSE_CACHE_FILE);
  const cacheMB = values.once === 'plain' ? null : Math.round((statSync(cache).size / 1024 ** 2) * 10) / 10;
  console.log(JSON.stringify({ files, once: values.once, loadAverage: { atStart: loadAtStart, atEnd: load() }, cacheMB, ...once }, null, 2));
  process.exit(0);
}

const first = await build(out, { from: out });
const cacheMB = Math.round((statSync(join(out, REUSE_CACHE_FILE)).size / 1024 ** 2) * 10) / 10;
const plainBuild = await build(plain, undefined);
rmSync(plain, { recursive: true, force: true });
const again = await build(out, { from: out });
// 1% of the files edited (a sentence added at the end), then imported again.
const names = readdirSync(folder.dir).sort();
const step = 100;
const edited = names.filter((_, i) => i % step === 0);
for (const n of edited) appendFileSync(join(folder.dir, n), '\nA sentence added in an edit.\n');
const afterEdits = await build(out, { from: out });
// The generated folder is cached for other runs: regenerate it next time rather than leave it edited.
rmSync(folder.dir, { recursive: true, force: true });
rmSync(join(work, `${folder.dir.split('/').pop()}.json`), { force: true });
rmSync(out, { recursive: true, force: true });

console.log(
  JSON.stringify(
    { files, loadAverage: { atStart: loadAtStart, atEnd: load() }, cacheMB, firstImport: first, plainBuild, reimportUnchanged: again, reimportAfterEdits: { edited: edited.length, ...afterEdits } },
    null,
    2,
  ),
);
