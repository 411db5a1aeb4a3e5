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
 * prepared (a worker thread), so the ingester holds only packed bytes, both of
 * this build's cache and of the previous one (a re-used page is inflated when
 * its file is reached, never the whole cache at once); and at most
 * MAX_CACHED_FILES files are cached (the first in folder order), so what a
 * build holds for the cache is bounded whatever the folder's size.
 *
 * The file (`reuse-cache.bin` in the archive folder) is ours: written by the
 * build into its own temporary folder and swapped in with the archive. One
 * that is missing, damaged, of another format or from other rules is ignored
 * (a fresh build), never an error. Layout: each page's deflated bytes, then a
 * UTF-8 JSON header naming them in order, then the header's length in 4 bytes
 * big-endian (the header is last so pages are kept as they arrive).
 */
import { promises as fs } from 'node:fs';
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
/** Files cached per build, the first in folder order: bounds what a build holds for its cache (about 3 KB a file packed). */
export const MAX_CACHED_FILES = 50_000;

export interface ReuseOptions {
  /** A previous build of the same archive (usually the folder being replaced); its cache, if valid, is used. */
  from?: string;
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

/** The previous build's cache: its packed pages, one buffer, inflated a page at a time. */
class PreviousPages {
  readonly index: ReuseIndex = new Map();
  private readonly at = new Map<string, [number, number]>();

  constructor(private readonly blob: Buffer, entries: CacheHeader['entries']) {
    let offset = 0;
    for (const [name, hash, length] of entries) {
      this.index.set(name, hash);
      this.at.set(name, [offset, length]);
      offset += length;
    }
  }

  packedOf(name: string): Buffer {
    const at = this.at.get(name);
    if (!at) throw new Error(`${REUSE_CACHE_FILE} has no page ${name}`);
    return this.blob.subarray(at[0], at[0] + at[1]);
  }
}

/** The cache in `dir`, or null when there is none we can trust (missing, damaged, foreign, another format or rules). */
export async function loadPrevious(dir: string): Promise<PreviousPages | null> {
  const buf = await fs.readFile(join(dir, REUSE_CACHE_FILE)).catch(() => null);
  if (!buf || buf.length < 4) return null;
  try {
    const headerLength = buf.readUInt32BE(buf.length - 4);
    if (headerLength > buf.length - 4) return null;
    const headerAt = buf.length - 4 - headerLength;
    const header = JSON.parse(buf.subarray(headerAt, buf.length - 4).toString('utf8')) as CacheHeader;
    if (header?.format !== CACHE_FORMAT || header.builder !== BUILDER_VERSION || !validEntries(header.entries)) return null;
    const blob = buf.subarray(0, headerAt);
    const total = header.entries.reduce((n, e) => n + e[2], 0);
    if (total !== blob.length || createHash('sha256').update(blob).digest('hex') !== header.sha256) return null;
    return new PreviousPages(blob, header.entries);
  } catch {
    return null;
  }
}

function validEntries(entries: unknown): entries is CacheHeader['entries'] {
  return (
    Array.isArray(entries) &&
    entries.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string' && Number.isSafeInteger(e[2]) && e[2] >= 0)
  );
}

/**
 * One build's re-use: the previous build's pages (until let go) and this build's cache, made as pages arrive.
 * In the ingester's thread.
 */
export class ReuseSession {
  reused = 0;
  private previous: PreviousPages | null;
  private readonly entries: CacheHeader['entries'] = [];
  private readonly chunks: Uint8Array[] = [];
  private readonly sha = createHash('sha256');

  private constructor(
    previous: PreviousPages | null,
    /** Files cached: entries before this place in folder order. */
    readonly maxFiles: number,
  ) {
    this.previous = previous;
  }

  static async open(opts: ReuseOptions): Promise<ReuseSession> {
    return new ReuseSession(opts.from ? await loadPrevious(opts.from) : null, opts.maxFiles ?? MAX_CACHED_FILES);
  }

  /** What readers need to mark files for re-use (empty without a previous cache). */
  get index(): ReuseIndex {
    return this.previous?.index ?? new Map();
  }

  /**
   * The page of the file at `place` in folder order as it arrives from a reader: the previous build's for a
   * marked one, inflated now. It goes into this build's cache when place < maxFiles.
   */
  take(place: number, name: string, hash: string, read: ReuseRead): PreparedPage {
    const cache = place < this.maxFiles;
    if (read.kind === 'read') {
      if (cache) this.add(name, hash, read.packed ?? packForCache(read.page));
      return read.page;
    }
    if (!this.previous) throw new Error(`${name} was marked for re-use without a previous build`);
    const packed = this.previous.packedOf(name);
    const page = ownArrays(deserialize(inflateRawSync(packed)) as PreparedPage);
    this.reused++;
    // Copied: a view would keep the whole previous cache alive.
    if (cache) this.add(name, hash, new Uint8Array(packed));
    return page;
  }

  /** Reading is over: the previous build's cache is let go. */
  dropPrevious(): void {
    this.previous = null;
  }

  /** This build's cache file, in chunks (the session holds nothing after). */
  finish(): Uint8Array[] {
    const header: CacheHeader = { format: CACHE_FORMAT, builder: BUILDER_VERSION, sha256: this.sha.digest('hex'), entries: this.entries };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length, 0);
    const out = [...this.chunks, headerBytes, length];
    this.chunks.length = 0;
    return out;
  }

  private add(name: string, hash: string, packed: Uint8Array): void {
    this.entries.push([name, hash, packed.length]);
    this.sha.update(packed);
    this.chunks.push(packed);
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
