/**
 * Re-use on re-import: the per-file work of a build (a page read by its
 * format and prepared, prepare-page.ts preparePacked) kept beside the archive
 * it built, so that importing the same folder again prepares only the files
 * whose bytes changed. An unchanged file is still read and hashed (that is how
 * it is known to be unchanged), but not parsed, segmented, analyzed or encoded
 * again: its prepared page is taken from the previous build's cache.
 *
 * The cache is keyed by a file's relative path and the sha256 of its bytes,
 * because the prepared page depends on both (the id and the section come from
 * the path); it is valid only for the same BUILDER_VERSION (the rules that made
 * it) and CACHE_FORMAT (the shape of a prepared page). It holds exactly what a
 * reader hands the ingester for a file: preparePacked's page, before the
 * ingester's own per-page step (read-pages.ts onPage, which numbers index
 * terms). A re-used page takes the same path from there as one read fresh, so
 * the archive is the same, byte for byte, as a fresh build (reuse-cache.test.ts).
 *
 * Memory: each page is v8-serialized and deflated on its own where it is
 * prepared (a worker thread). This build's cache is written to its file (in
 * the build's own folder) as pages arrive, and the previous one is read where
 * it lies, a page when its file is reached: a build holds the caches' index
 * (path, hash, place), not their pages. At most MAX_CACHED_FILES files are
 * cached (the first in folder order), which bounds the file and the index.
 *
 * The file (`reuse-cache.bin` in the archive folder) is ours: written by the
 * build into its own temporary folder and swapped in with the archive. One
 * that is missing, damaged, of another format or from other rules is ignored
 * (a fresh build), never an error. Layout: each page's deflated bytes, then a
 * UTF-8 JSON header naming them in order, then the header's length in 4 bytes
 * big-endian (the header is last so pages are kept as they arrive).
 */
import { closeSync, constants, createReadStream, fstatSync, lstatSync, openSync, promises as fs, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { BUILDER_VERSION } from './version';
import { preparePacked, type PreparedPage } from './prepare-page';
import type { SourceFile } from './walk-folder';

export const REUSE_CACHE_FILE = 'reuse-cache.bin';
/**
 * 3: preparePacked's pages (bodies as UTF-8 bytes, terms not yet numbered), each deflated on its own;
 * 2: preparePage's pages (paragraphs), gzipped as one. Another format is a miss.
 */
const CACHE_FORMAT = 3;
/** Files cached per build, the first in folder order: bounds the cache file (about 6 KB a file, 290 MB at the cap) and its index. */
export const MAX_CACHED_FILES = 50_000;

export interface ReuseOptions {
  /** A previous build of the same archive (usually the folder being replaced); its cache, if valid, is used. */
  from?: string;
  /** Where to write this build's cache (a new file: the build's own folder); without it none is written. */
  to?: string;
  /** At most this many files cached, the first in folder order (default MAX_CACHED_FILES). */
  maxFiles?: number;
}

/** Relative path -> sha256 of the bytes, for every page the previous build cached: what a reader needs to decide. */
export type ReuseIndex = Map<string, string>;

/**
 * What a reader makes of one file with re-use on: a mark that the previous build's page holds (the file's path
 * and bytes are those it cached), or the page prepared now with its packed bytes for this build's cache.
 */
export type ReuseRead = { kind: 'reused' } | { kind: 'read'; page: PreparedPage; packed?: Uint8Array };

interface CacheHeader {
  format: number;
  builder: string;
  /** sha256 of everything before the header: a damaged cache is never used. */
  sha256: string;
  /** [relative path, sha256 of the file's bytes, bytes of its packed page], in the file's order. */
  entries: [string, string, number][];
}

/**
 * A page as the cache holds it. Copied into an array of its own size: zlib's result is a view of a 16 KB
 * chunk, which a thread would send and the cache would keep whole.
 */
export function packForCache(page: PreparedPage): Uint8Array {
  return new Uint8Array(deflateRawSync(serialize(page), { level: 1 }));
}

/**
 * The per-file function of a reader (this thread or a worker) with re-use on: a file whose path and bytes are in
 * the previous build's index is marked, not prepared; another is prepared, and packed when `pack` (it will be cached).
 */
export function readForReuse(index: ReuseIndex, pack: boolean): (file: SourceFile) => ReuseRead {
  return (file) => {
    if (index.get(file.name) === file.hash) return { kind: 'reused' };
    const page = preparePacked(file);
    return pack ? { kind: 'read', page, packed: packForCache(page) } : { kind: 'read', page };
  };
}

/**
 * The previous build's cache, read where it lies: checked whole once (its checksum, streamed), then each page's
 * bytes read when its file is reached. Only the index (path, hash, place) is held.
 */
class PreviousPages {
  readonly index: ReuseIndex = new Map();
  private readonly at = new Map<string, [number, number]>();

  constructor(private readonly fd: number, private readonly file: string, entries: CacheHeader['entries']) {
    let offset = 0;
    for (const [name, hash, length] of entries) {
      this.index.set(name, hash);
      this.at.set(name, [offset, length]);
      offset += length;
    }
  }

  /** The page of `name` (marked for re-use by a reader), read and unpacked now, with its packed bytes. */
  pageOf(name: string): { page: PreparedPage; packed: Uint8Array } {
    const at = this.at.get(name);
    if (!at) throw new Error(`${this.file} has no page for ${name}`);
    const packed = new Uint8Array(at[1]);
    try {
      if (readSync(this.fd, packed, 0, at[1], at[0]) !== at[1]) throw new Error('cut short');
      return { page: ownArrays(deserialize(inflateRawSync(packed)) as PreparedPage), packed };
    } catch (e) {
      // Checked at the start, so changed since by someone else: say which file.
      throw new Error(`${this.file} changed while it was read (${(e as Error).message}): import again.`);
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The cache in `dir`, or null when there is none we can trust (missing, damaged, foreign, another format or rules). */
export async function loadPrevious(dir: string): Promise<PreviousPages | null> {
  const file = join(dir, REUSE_CACHE_FILE);
  let fd: number;
  try {
    // Only a plain file of ours: a link (it could lead out of the archive) or a pipe (never waited on) is a miss.
    if (!lstatSync(file).isFile()) return null;
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return null;
  }
  let kept = false;
  try {
    const size = fstatSync(fd).size;
    if (size < 4) return null;
    const tail = Buffer.alloc(4);
    readSync(fd, tail, 0, 4, size - 4);
    const headerLength = tail.readUInt32BE(0);
    if (headerLength > size - 4) return null;
    const headerAt = size - 4 - headerLength;
    const headerBytes = Buffer.alloc(headerLength);
    readSync(fd, headerBytes, 0, headerLength, headerAt);
    const header = JSON.parse(headerBytes.toString('utf8')) as CacheHeader;
    if (header?.format !== CACHE_FORMAT || header.builder !== BUILDER_VERSION || !validEntries(header.entries)) return null;
    const total = header.entries.reduce((n, e) => n + e[2], 0);
    if (total !== headerAt) return null;
    const sha = createHash('sha256');
    if (headerAt > 0) for await (const b of createReadStream(file, { fd, start: 0, end: headerAt - 1, autoClose: false })) sha.update(b as Buffer);
    if (sha.digest('hex') !== header.sha256) return null;
    kept = true;
    return new PreviousPages(fd, file, header.entries);
  } catch {
    return null;
  } finally {
    if (!kept) closeSync(fd);
  }
}

function validEntries(entries: unknown): entries is CacheHeader['entries'] {
  return (
    Array.isArray(entries) &&
    entries.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string' && Number.isSafeInteger(e[2]) && e[2] >= 0)
  );
}

/** Written a megabyte at a time: each write is a round trip to the disk thread. */
const WRITE_CHUNK = 1 << 20;

/**
 * This build's cache, written to its file as pages arrive (so the build holds no more than a chunk of it).
 * Writing it is a help, not a duty: when a write fails, the file is removed and the build goes on without it.
 */
class CacheWriter {
  private readonly entries: CacheHeader['entries'] = [];
  private readonly sha = createHash('sha256');
  private chunk: Uint8Array[] = [];
  private chunkBytes = 0;
  private writes: Promise<void> = Promise.resolve();
  private failed = false;

  private constructor(private readonly file: string, private readonly fh: fs.FileHandle) {}

  /** A new file at `file` (never one that exists), or null when it cannot be made. */
  static async create(file: string): Promise<CacheWriter | null> {
    const fh = await fs.open(file, 'wx').catch(() => null);
    return fh && new CacheWriter(file, fh);
  }

  add(name: string, hash: string, packed: Uint8Array): void {
    if (this.failed) return;
    this.entries.push([name, hash, packed.length]);
    this.sha.update(packed);
    this.chunk.push(packed);
    this.chunkBytes += packed.length;
    if (this.chunkBytes >= WRITE_CHUNK) this.flush();
  }

  private flush(): void {
    const bytes = Buffer.concat(this.chunk);
    this.chunk = [];
    this.chunkBytes = 0;
    this.writes = this.writes.then(async () => {
      if (this.failed) return;
      await this.fh.write(bytes).catch(() => {
        this.failed = true;
      });
    });
  }

  /** The header written last, the file closed; a file whose writing failed (or `keep` false) is removed. */
  async finish(keep: boolean): Promise<void> {
    if (keep && !this.failed) {
      const header: CacheHeader = { format: CACHE_FORMAT, builder: BUILDER_VERSION, sha256: this.sha.digest('hex'), entries: this.entries };
      const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(headerBytes.length, 0);
      this.chunk.push(headerBytes, length);
      this.flush();
    }
    this.chunk = [];
    await this.writes;
    await this.fh.close().catch(() => undefined);
    if (!keep || this.failed) await fs.rm(this.file, { force: true });
  }
}

/**
 * One build's re-use, in the ingester's thread: the previous build's pages (until reading is over) and this
 * build's cache, written as pages arrive.
 */
export class ReuseSession {
  reused = 0;

  private constructor(
    private previous: PreviousPages | null,
    private readonly writer: CacheWriter | null,
    private readonly maxFiles: number,
  ) {}

  /** Files at places before this one in folder order are cached (0 when no cache is written): readers pack those. */
  get cachedBelow(): number {
    return this.writer ? this.maxFiles : 0;
  }

  static async open(opts: ReuseOptions): Promise<ReuseSession> {
    const previous = opts.from ? await loadPrevious(opts.from) : null;
    const writer = opts.to ? await CacheWriter.create(opts.to) : null;
    return new ReuseSession(previous, writer, opts.maxFiles ?? MAX_CACHED_FILES);
  }

  /** What readers need to mark files for re-use (empty without a previous cache). */
  get index(): ReuseIndex {
    return this.previous?.index ?? new Map();
  }

  /**
   * The page of the file at `place` in folder order as it arrives from a reader: the previous build's for a
   * marked one, read now. It goes into this build's cache when place < cachedBelow.
   */
  take(place: number, name: string, hash: string, read: ReuseRead): PreparedPage {
    const cache = place < this.cachedBelow;
    if (read.kind === 'read') {
      if (cache) this.writer!.add(name, hash, read.packed ?? packForCache(read.page));
      return read.page;
    }
    if (!this.previous) throw new Error(`${name} was marked for re-use without a previous build`);
    const { page, packed } = this.previous.pageOf(name);
    this.reused++;
    if (cache) this.writer!.add(name, hash, packed);
    return page;
  }

  /**
   * Reading is over: the previous build's cache is closed, and this build's is finished (`complete`) or removed
   * (reading failed or was cancelled).
   */
  async close(complete: boolean): Promise<void> {
    this.previous?.close();
    this.previous = null;
    await this.writer?.finish(complete);
  }
}

/**
 * A deserialized page's typed arrays are views of the buffer it was read from (the whole inflated page): copied,
 * so the page holds only its own bytes, as a page that crossed from a worker thread does.
 */
function ownArrays(p: PreparedPage): PreparedPage {
  if (p.kind !== 'article') return p;
  if (p.written) p.written.body.bytes = new Uint8Array(p.written.body.bytes);
  if (p.terms) for (const f of [p.terms.title, p.terms.body]) f.counts = new Uint32Array(f.counts);
  return p;
}
