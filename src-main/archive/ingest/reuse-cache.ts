/**
 * Re-use on re-import: the per-file work of a build (a page read by its
 * format and prepared, prepare-page.ts) kept beside the archive it built, so
 * that importing the same folder again prepares only the files whose bytes
 * changed. An unchanged file is still read and hashed (that is how it is
 * known to be unchanged), but not parsed, segmented or analyzed again: its
 * prepared page is taken from the previous build's cache.
 *
 * The cache is keyed by a file's relative path and the sha256 of its bytes,
 * because the prepared page depends on both (the id and the section come from
 * the path); it is valid only for the same BUILDER_VERSION (the rules that made
 * it). The result is the same archive, byte for byte, as a fresh build
 * (reuse-cache.test.ts): a reused page is the structured-clone copy of what the
 * same rules made of the same bytes, which is also how pages cross from the
 * worker threads.
 *
 * The file (`reuse-cache.bin` in the archive folder) is ours: written by the
 * build into its own temporary folder and swapped in with the archive. One
 * that is missing, damaged or from other rules is ignored (a fresh build),
 * never an error. Layout, gzipped (V8 writes most strings as two bytes a
 * character: 185 MB for 10,000 articles unpacked, 50 MB packed): each page's
 * v8-serialized bytes, then a UTF-8 JSON header naming them in order, then the
 * header's length in 4 bytes big-endian. The header is last so that the pages
 * are packed as they are made and only packed bytes are held; packing and
 * unpacking run on libuv's thread pool.
 */
import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { createGzip, gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { BUILDER_VERSION } from './version';
import { preparePage, type PreparedPage } from './prepare-page';
import type { EntryOutcome, SourceFile } from './walk-folder';

export const REUSE_CACHE_FILE = 'reuse-cache.bin';
const CACHE_FORMAT = 2; // 2: the header last (the pages are packed as they are made)

export interface ReuseOptions {
  /** A previous build of the same archive (usually the folder being replaced); its cache, if valid, is used. */
  from?: string;
}

/** Relative path -> sha256 of the bytes, for every page the previous build prepared: what a worker needs to decide. */
export type ReuseIndex = Map<string, string>;

/** What a reader returns instead of a prepared page whose bytes are those of the previous build: filled in here. */
export interface ReusedMarker {
  kind: 'reused';
}

interface CacheHeader {
  format: number;
  builder: string;
  /** sha256 of everything after the header: a damaged cache is never used. */
  sha256: string;
  /** [relative path, sha256 of the file's bytes, bytes of its prepared page], in the file's order. */
  entries: [string, string, number][];
}

/** The previous build's prepared pages, read from its cache. */
export class PreviousPages {
  readonly index: ReuseIndex = new Map();
  private readonly at = new Map<string, [number, number]>();

  private constructor(private readonly blob: Buffer, entries: CacheHeader['entries']) {
    let offset = 0;
    for (const [name, hash, length] of entries) {
      this.index.set(name, hash);
      this.at.set(name, [offset, length]);
      offset += length;
    }
  }

  /** The cache in `dir`, or null when there is none we can trust (missing, damaged, other rules). */
  static async load(dir: string): Promise<PreviousPages | null> {
    const packed = await fs.readFile(join(dir, REUSE_CACHE_FILE)).catch(() => null);
    if (!packed) return null;
    try {
      const buf = await promisify(gunzip)(packed);
      const headerLength = buf.readUInt32BE(buf.length - 4);
      const headerAt = buf.length - 4 - headerLength;
      const header = JSON.parse(buf.subarray(headerAt, buf.length - 4).toString('utf8')) as CacheHeader;
      if (header.format !== CACHE_FORMAT || header.builder !== BUILDER_VERSION || !Array.isArray(header.entries)) return null;
      const blob = buf.subarray(0, headerAt);
      const total = header.entries.reduce((n, e) => n + e[2], 0);
      if (total !== blob.length || createHash('sha256').update(blob).digest('hex') !== header.sha256) return null;
      return new PreviousPages(blob, header.entries);
    } catch {
      return null;
    }
  }

  /** The serialized prepared page of `name` (the bytes the cache holds). */
  bytesOf(name: string): Buffer {
    const at = this.at.get(name);
    if (!at) throw new Error(`${REUSE_CACHE_FILE} has no page ${name}`);
    return this.blob.subarray(at[0], at[0] + at[1]);
  }
}

/**
 * The per-file function of a reader (this thread or a worker): a file whose path and bytes are in the previous
 * build's index is marked for re-use instead of prepared. Without an index it is preparePage.
 */
export function prepareOrReuse(index: ReuseIndex | null | undefined): (file: SourceFile) => PreparedPage | ReusedMarker {
  if (!index || index.size === 0) return preparePage;
  return (file) => (index.get(file.name) === file.hash ? { kind: 'reused' } : preparePage(file));
}

/**
 * Puts the previous build's prepared page in place of each marker, and makes this build's cache from every page
 * read (a reused page's bytes are copied as they are), packed as it goes: only the packed bytes are held until the
 * build writes them. Call before the pages are used: later steps change them.
 */
export async function fillReused(
  outcomes: EntryOutcome<PreparedPage | ReusedMarker>[],
  previous: PreviousPages | null,
): Promise<{ outcomes: EntryOutcome<PreparedPage>[]; cache: Buffer[]; reused: number }> {
  const entries: CacheHeader['entries'] = [];
  const sha = createHash('sha256');
  const gz = createGzip({ level: 1 });
  const packed: Buffer[] = [];
  gz.on('data', (b: Buffer) => packed.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    gz.on('end', resolve);
    gz.on('error', reject);
  });
  let reused = 0;
  for (const o of outcomes) {
    if (!o.item || o.hash === undefined) continue;
    let bytes: Buffer;
    if (o.item.kind === 'reused') {
      if (!previous) throw new Error(`${o.name} was marked for re-use without a previous build`);
      bytes = previous.bytesOf(o.name);
      o.item = deserialize(bytes) as PreparedPage;
      reused++;
    } else bytes = serialize(o.item);
    entries.push([o.name, o.hash, bytes.length]);
    sha.update(bytes);
    if (!gz.write(bytes)) await new Promise((r) => gz.once('drain', r));
  }
  const header: CacheHeader = { format: CACHE_FORMAT, builder: BUILDER_VERSION, sha256: sha.digest('hex'), entries };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length, 0);
  gz.end(Buffer.concat([headerBytes, length]));
  await ended;
  return { outcomes: outcomes as EntryOutcome<PreparedPage>[], cache: packed, reused };
}
