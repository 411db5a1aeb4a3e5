/**
 * `npm run archive`: builds resources/archive from resources/corpus when it is
 * missing or stale (corpus content hash or ingestion rules changed), and
 * prints one line either way. Run first by build, start, dev and test.
 */
import { ensureBundledArchiveStatus } from '../src-main/archive/index';

try {
  const t0 = performance.now();
  const s = await ensureBundledArchiveStatus();
  const ms = Math.round(performance.now() - t0);
  console.log(s.rebuilt ? `archive: rebuilt ${s.dir} (${s.reason}) in ${ms} ms` : `archive: ${s.dir} is up to date (corpus ${s.corpusHash.slice(0, 12)})`);
} catch (e) {
  console.error(`archive: build failed: ${(e as Error).message}`);
  process.exit(1);
}
