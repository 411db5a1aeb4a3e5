/**
 * Re-use on re-import (reuse-cache.ts): a build that re-uses the previous
 * build's prepared pages makes the same archive, byte for byte, as a fresh
 * build of the same folder (every file; the manifest apart from when and how
 * long), re-uses exactly the unchanged files, and ignores a damaged cache.
 * The folder mixes every format (mixed-folder.ts: legacy encodings,
 * duplicates, scraped pages whose teasers depend on each other, saved HTML).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ingestFolder } from './ingest-folder';
import { REUSE_CACHE_FILE } from './reuse-cache';
import { writeMixedFolder } from '../test/mixed-folder';
import { removeDir, tempDir } from '../test/helpers';

let dir: string;
let src: string;
beforeAll(async () => {
  dir = await tempDir('reuse-cache-');
  src = join(dir, 'src');
  await writeMixedFolder(src, 40);
});
afterAll(() => removeDir(dir));

/**
 * Every file of an archive by relative path (a digest of its bytes); the manifest without what differs between any
 * two builds (when, how long, where to). The cache itself is not compared byte for byte: V8 writes a string as one-
 * or two-byte characters by how it was made, not by what it holds; what it holds is compared by the archives
 * built from it.
 */
async function contents(archive: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(archive, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const name = relative(archive, path);
    const bytes = await readFile(path);
    if (name === REUSE_CACHE_FILE) out.set(name, 'present');
    else if (name !== 'manifest.json') out.set(name, createHash('sha256').update(bytes).digest('hex'));
    else {
      const m = JSON.parse(bytes.toString('utf8'));
      delete m.builtAt;
      delete m.report.tookMs;
      delete m.report.outDir;
      out.set(name, JSON.stringify(m));
    }
  }
  return out;
}

async function expectSameArchive(a: string, b: string): Promise<void> {
  const [x, y] = [await contents(a), await contents(b)];
  expect([...y.keys()].sort()).toEqual([...x.keys()].sort());
  for (const [name, bytes] of x) expect(y.get(name), name).toBe(bytes);
}

test('re-import of an unchanged folder re-uses every page and builds the same archive; after editing 3 files, only those are prepared again', async () => {
  const first = join(dir, 'first');
  const r1 = await ingestFolder(src, first, { reuse: {}, threads: 2 });
  expect(r1.reused).toBe(0);
  const pages = r1.files;

  // Unchanged: every page read is re-used, and the archive is the same as the first build.
  const again = join(dir, 'again');
  const r2 = await ingestFolder(src, again, { reuse: { from: first }, threads: 2 });
  expect(r2.reused).toBe(pages);
  await expectSameArchive(first, again);

  // Three files edited (a headline-first article, a scraped page whose teasers others share, saved HTML),
  // one removed, one added; re-imported into the same archive, as the app does.
  await appendFile(join(src, 'bench', '000003.txt'), '\nA paragraph added later about the harbour.\n');
  const scraped = join(src, 'pages', '002_a7b9a83599aa6619.txt');
  await writeFile(scraped, (await readFile(scraped, 'utf8')).replace(/the/, 'THE'));
  const html = join(src, 'saved', 'harbour-nav.html');
  await writeFile(html, (await readFile(html, 'utf8')).replace('</body>', '<p>A late correction to the story.</p></body>'));
  await rm(join(src, 'bench', '000007.txt'));
  await writeFile(join(src, 'bench', 'late.txt'), 'Ferry timetable changes\n\nThe ferry will leave an hour earlier from Monday.\n');
  const r3 = await ingestFolder(src, again, { reuse: { from: again }, threads: 2 });
  expect(r3.files).toBe(pages);
  expect(r3.reused).toBe(pages - 4); // 3 edited + 1 new prepared; the removed one is simply gone

  // The same as a fresh build of the edited folder.
  const fresh = join(dir, 'fresh');
  const r4 = await ingestFolder(src, fresh, { reuse: {}, threads: 0 });
  expect(r4.reused).toBe(0);
  await expectSameArchive(fresh, again);
});

test('a damaged cache, or one made by other rules, is ignored: a fresh build, the same archive', async () => {
  const base = join(dir, 'base');
  await ingestFolder(src, base, { reuse: {}, threads: 0 });
  const cache = join(base, REUSE_CACHE_FILE);
  const good = await readFile(cache);
  const raw = gunzipSync(good);

  // A byte changed inside a page (packed again, so only the cache's own checksum can tell).
  const damaged = Buffer.from(raw);
  damaged[10] ^= 0xff;
  await writeFile(cache, gzipSync(damaged));
  const out1 = join(dir, 'after-damage');
  expect((await ingestFolder(src, out1, { reuse: { from: base }, threads: 0 })).reused).toBe(0);

  // Made by other rules (another builder version).
  const headerAt = raw.length - 4 - raw.readUInt32BE(raw.length - 4);
  const header = raw.subarray(headerAt, raw.length - 4).toString('utf8').replace(/"builder":"[^"]*"/, '"builder":"ingest-0"');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(Buffer.byteLength(header), 0);
  await writeFile(cache, gzipSync(Buffer.concat([raw.subarray(0, headerAt), Buffer.from(header), length])));
  const out2 = join(dir, 'after-rules');
  expect((await ingestFolder(src, out2, { reuse: { from: base }, threads: 0 })).reused).toBe(0);

  // Cut short on disk.
  await writeFile(cache, good.subarray(0, good.length >> 1));
  const out3 = join(dir, 'after-cut');
  expect((await ingestFolder(src, out3, { reuse: { from: base }, threads: 0 })).reused).toBe(0);

  await writeFile(cache, good);
  await expectSameArchive(out1, base);
  await expectSameArchive(out2, base);
  await expectSameArchive(out3, base);
});

test('without the option, no cache is written (the bundled archive carries none)', async () => {
  const plain = join(dir, 'plain');
  const r = await ingestFolder(src, plain, { threads: 0 });
  expect(r.reused).toBeUndefined();
  expect(await readdir(plain)).not.toContain(REUSE_CACHE_FILE);
});
