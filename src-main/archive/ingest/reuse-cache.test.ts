/**
 * Re-use on re-import (reuse-cache.ts): a build that re-uses the previous
 * build's prepared pages makes the same archive, byte for byte, as a fresh
 * build of the same folder (every file; the manifest apart from when and how
 * long), re-uses exactly the unchanged files, and takes a cache that is
 * damaged, foreign or of the old format as a miss. A re-used page reaches the
 * ingester's onPage step as a fresh one does; the cache holds at most maxFiles.
 * The folder mixes every format (mixed-folder.ts: legacy encodings,
 * duplicates, scraped pages whose teasers depend on each other, saved HTML).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { appendFile, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { serialize } from 'node:v8';
import { ingestFolder } from './ingest-folder';
import { readPages } from './read-pages';
import { preparePage, type PreparedPage } from './prepare-page';
import { readOne, type PageEntry } from './walk-folder';
import { REUSE_CACHE_FILE, type ReuseOptions } from './reuse-cache';
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

/** The cache file's parts: the packed pages, the header (parsed) and where it starts. */
function parts(file: Buffer) {
  const headerAt = file.length - 4 - file.readUInt32BE(file.length - 4);
  return { pages: file.subarray(0, headerAt), header: JSON.parse(file.subarray(headerAt, file.length - 4).toString('utf8')) };
}

/** A cache file of the same layout with its parts as given (the header's checksum made to match unless told). */
function layout(pages: Buffer, header: Record<string, unknown>): Buffer {
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(h.length, 0);
  return Buffer.concat([pages, h, length]);
}

test('a damaged, cut-short, foreign, linked or old-format cache, or one made by other rules, is a miss: a fresh build, the same archive', async () => {
  const base = join(dir, 'base');
  await ingestFolder(src, base, { reuse: {}, threads: 0 });
  const cache = join(base, REUSE_CACHE_FILE);
  const good = await readFile(cache);
  const { pages, header } = parts(good);
  expect(header.format).toBe(3);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  // Format 2 (import2's): preparePage's pages (paragraphs, no encoded body), v8-serialized, gzipped as one file.
  const oldPages = Buffer.concat(r2Pages);
  const oldFormat = gzipSync(layout(oldPages, { format: 2, builder: header.builder, sha256: sha(oldPages), entries: r2Entries }));

  const damaged = Buffer.from(good);
  damaged[10] ^= 0xff; // a byte inside a page: only the cache's own checksum can tell
  const cases: [string, Buffer][] = [
    ['damaged', damaged],
    ['other rules', layout(pages, { ...header, builder: 'ingest-0' })],
    ['cut short', good.subarray(0, good.length >> 1)],
    ['format 2 (gzipped, pages of the old shape)', oldFormat],
    ['format 2 in the header', layout(pages, { ...header, format: 2 })],
    ['entries that are not entries', layout(pages, { ...header, entries: [['a', 'b', -1]] })],
    ['a header that is not an object', layout(pages, null as unknown as Record<string, unknown>)],
    ['a foreign file', Buffer.from('Not a cache at all, just some text someone saved here.\n')],
    ['empty', Buffer.alloc(0)],
  ];
  for (const [what, bytes] of cases) {
    await writeFile(cache, bytes);
    const out = join(dir, `after-${what.replace(/\W+/g, '-')}`);
    expect((await ingestFolder(src, out, { reuse: { from: base }, threads: 0 })).reused, what).toBe(0);
    await writeFile(cache, good);
    await expectSameArchive(out, base);
  }
  // A link to a good cache elsewhere is not followed.
  const elsewhere = join(dir, 'elsewhere.bin');
  await writeFile(elsewhere, good);
  await rm(cache);
  await symlink(elsewhere, cache);
  expect((await ingestFolder(src, join(dir, 'after-link'), { reuse: { from: base }, threads: 0 })).reused, 'a link').toBe(0);
  await rm(cache);
  await writeFile(cache, good);
  // The good one is used.
  expect((await ingestFolder(src, join(dir, 'after-good'), { reuse: { from: base }, threads: 0 })).reused).toBeGreaterThan(0);
});

/** Pages as import2's format 2 held them (preparePage's, with paragraphs), for the old-format case above. */
const r2Pages: Buffer[] = [];
const r2Entries: [string, string, number][] = [];
beforeAll(async () => {
  for (const name of ['bench/000001.txt', 'bench/000002.txt']) {
    const bytes = await readFile(join(src, name));
    const outcome = await readOne(src, { path: join(src, name), name } as PageEntry, 1 << 20, preparePage);
    const page = serialize(outcome.item);
    r2Pages.push(page);
    r2Entries.push([name, createHash('sha256').update(bytes).digest('hex'), page.length]);
  }
});

test('a re-used page arrives through onPage as a page read fresh does, as preparePacked made it', async () => {
  const base = join(dir, 'for-on-page');
  const r = await ingestFolder(src, base, { reuse: {}, threads: 0 });
  const seen = (reuse: ReuseOptions | undefined, threads: number) => {
    const pages: PreparedPage[] = [];
    return readPages(src, { reuse, threads, onPage: (p) => (pages.push(p), p) }).then((c) => ({ c, pages }));
  };
  const fresh = await seen(undefined, 0);
  for (const threads of [0, 2]) {
    const again = await seen({ from: base }, threads);
    expect(again.c.reused).toBe(r.files);
    // Every page went through onPage, each the same as the fresh read's (by source; any order).
    const bySource = (ps: PreparedPage[]) => new Map(ps.map((p) => [p.source, p]));
    expect(again.pages.length).toBe(fresh.pages.length);
    expect(bySource(again.pages)).toEqual(bySource(fresh.pages));
    // The pages kept are those onPage returned.
    expect(again.c.items).toEqual(fresh.c.items);
  }
});

test('at most maxFiles files are cached (the first in folder order); the others are prepared each time, the archive the same', async () => {
  const capped = join(dir, 'capped');
  const r1 = await ingestFolder(src, capped, { reuse: { maxFiles: 10 }, threads: 2 });
  expect(parts(await readFile(join(capped, REUSE_CACHE_FILE))).header.entries).toHaveLength(10);
  const again = join(dir, 'capped-again');
  const r2 = await ingestFolder(src, again, { reuse: { from: capped, maxFiles: 10 }, threads: 2 });
  expect(r2.reused).toBe(10);
  expect(r2.files).toBe(r1.files);
  // The same ten files both times (pages are cached as they arrive, in any order).
  const cached = async (archive: string) => parts(await readFile(join(archive, REUSE_CACHE_FILE))).header.entries.map((e: string[]) => e[0]).sort();
  expect(await cached(again)).toEqual(await cached(capped));
  await expectSameArchive(capped, again);
});

test('a cache is written only as a new file: one already at that path is left as it was, and the read goes on', async () => {
  const there = join(dir, 'not-ours.bin');
  await writeFile(there, 'a file someone else made\n');
  const r = await readPages(src, { reuse: { to: there }, threads: 2 });
  expect(r.items.length).toBeGreaterThan(0);
  expect(await readFile(there, 'utf8')).toBe('a file someone else made\n');
});

test('without the option, no cache is written (the bundled archive carries none)', async () => {
  const plain = join(dir, 'plain');
  const r = await ingestFolder(src, plain, { threads: 0 });
  expect(r.reused).toBeUndefined();
  expect(await readdir(plain)).not.toContain(REUSE_CACHE_FILE);
});
