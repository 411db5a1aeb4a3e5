/**
 * The on-disk layout of a built archive, read and written only here.
 *
 *   manifest.json   what was built, from which corpus (content hash), when, and the ingest report
 *   list.json       the lean library list (what DocSummary shows, plus the body's byte range):
 *                   read first, so the library can be shown before anything else is parsed
 *   docs.json       every document's summary, facets and links: enough to list and filter
 *   bodies.jsonl    each document's paragraphs in parts (paragraph ranges of at most ~PART_CHARS), one
 *                   line per part, a document's parts contiguous; read by byte range, part by part
 *   index/          owned by the search engine (see search/engine.ts)
 *   reuse-cache.bin an import's per-file work, for importing the same folder again (ingest/reuse-cache.ts owns it)
 *
 * Bodies stay on disk until needed, so opening a large archive costs the
 * summaries only.
 */
import { summaryLine } from './summary-line';
import { promises as fs, readFileSync, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as v from 'valibot';
import { join } from 'node:path';
import type { Doc, DocSummary, Facets, Paragraph } from '../../shared/model';
import { writeNewFile } from './safe-output';
import { BodyLineSchema, DamagedArchive, IngestReportSchema, ManifestSchema, docsFileSchema, listFileSchema, parseArchiveJson, rebuildAdvice, SkippedFileSchema } from './archive-schemas';

export const ARCHIVE_FORMAT = 1;

export type SkippedFile = v.InferOutput<typeof SkippedFileSchema>;
export type IngestReport = v.InferOutput<typeof IngestReportSchema>;
/** What was built, from which corpus (content hash), when; `builder` is the ingestion rules' version (a change rebuilds bundled archives). */
export type Manifest = v.InferOutput<typeof ManifestSchema>;

/** A document as kept in memory: everything but its paragraphs. */
export interface StoredSummary extends DocSummary {
  facets: Facets;
  textHash: string;
  briefs?: string[];
  appearsIn?: string[];
  /** Byte range of this document's lines in bodies.jsonl (start, length without the last newline). */
  body: [number, number];
  /** Each part's line when there is more than one: [byte length without the newline, first paragraph, paragraphs]. */
  parts?: PartEntry[];
}

export type PartEntry = [bytes: number, from: number, count: number];

/**
 * Paragraphs per part: a part holds paragraphs until their text passes this
 * many characters (one long paragraph is a part on its own), so a document of
 * any size is read and parsed a bounded piece at a time.
 */
export const PART_CHARS = 128 * 1024;

/** [index of the first paragraph, paragraphs] for each part of a document. */
export function partsOf(paragraphs: Paragraph[]): [number, Paragraph[]][] {
  const out: [number, Paragraph[]][] = [];
  let from = 0;
  let chars = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    chars += paragraphs[i].text.length;
    if (chars >= PART_CHARS || i === paragraphs.length - 1) {
      out.push([from, paragraphs.slice(from, i + 1)]);
      from = i + 1;
      chars = 0;
    }
  }
  return out.length ? out : [[0, []]];
}

export const paths = (dir: string) => ({
  manifest: join(dir, 'manifest.json'),
  docs: join(dir, 'docs.json'),
  list: join(dir, 'list.json'),
  bodies: join(dir, 'bodies.jsonl'),
  index: join(dir, 'index'),
});

/**
 * A document's lines of bodies.jsonl, already encoded, with each part's entry: made where the document is
 * made (the ingester's worker threads), so the writing thread only copies bytes, and what a large archive
 * holds until it is written is UTF-8 rather than paragraph objects.
 */
export interface BodyBytes {
  /** The document's lines, each ending in a newline. */
  bytes: Uint8Array;
  parts: PartEntry[];
}

const WRITE_CHUNK = 1 << 20;

/** The one definition of a document's lines in bodies.jsonl. */
export function bodyBytes(d: Pick<Doc, 'id' | 'paragraphs'>): BodyBytes {
  const lines: string[] = [];
  const parts: PartEntry[] = [];
  for (const [from, paragraphs] of partsOf(d.paragraphs)) {
    const line = JSON.stringify(from === 0 ? { id: d.id, paragraphs } : { id: d.id, from, paragraphs });
    lines.push(line, '\n');
    parts.push([Buffer.byteLength(line, 'utf8'), from, paragraphs.length]);
  }
  // TextEncoder gives an array of its own (a small Buffer would be a view of a shared pool).
  return { bytes: new TextEncoder().encode(lines.join('')), parts };
}

/** The paragraphs' texts back from a document's encoded lines (rarely needed: near-duplicate checks). */
export function bodyTexts(b: BodyBytes): string[] {
  const text = new TextDecoder().decode(b.bytes);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .flatMap((line) => (JSON.parse(line) as { paragraphs: Paragraph[] }).paragraphs.map((p) => p.text));
}

/** A document's body already encoded and its summary line, when the ingester made them (see BodyBytes). */
export interface WrittenBody {
  body: BodyBytes;
  summary: string;
}

/**
 * Writes docs and bodies (not the manifest: that goes last, once the index is built). A document whose
 * body `prepared` gives has its paragraphs there (its own are empty); each is asked once, in order.
 */
export async function writeDocs(dir: string, docs: Doc[], prepared?: (i: number) => WrittenBody | undefined): Promise<void> {
  const p = paths(dir);
  const summaries: StoredSummary[] = [];
  // Each body's lines are made as they are written, and each summary (where its body is) as its lines are.
  // Written a megabyte at a time: one write per document was a round trip to the disk thread each.
  function* lines(): Generator<Uint8Array> {
    let offset = 0;
    let chunk: Uint8Array[] = [];
    let chunkBytes = 0;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i];
      const made = prepared?.(i);
      const { bytes, parts } = made?.body ?? bodyBytes(d);
      const start = offset;
      offset += bytes.length;
      chunk.push(bytes);
      chunkBytes += bytes.length;
      if (chunkBytes >= WRITE_CHUNK) {
        yield Buffer.concat(chunk);
        chunk = [];
        chunkBytes = 0;
      }
      const { paragraphs: _p, ...rest } = d;
      const summary = made ? made.summary : summaryLine(d.title, d.paragraphs);
      summaries.push({ ...rest, ...(summary ? { summary } : {}), body: [start, offset - start - 1], ...(parts.length > 1 ? { parts } : {}) });
    }
    if (chunk.length) yield Buffer.concat(chunk);
  }
  await writeNewFile(p.bodies, lines());
  await writeNewFile(p.docs, JSON.stringify({ format: ARCHIVE_FORMAT, docs: summaries }));
  await writeNewFile(p.list, JSON.stringify({ format: ARCHIVE_FORMAT, docs: summaries.map(listEntry) }));
}

/** A source's section: its sub-folder path ('' at the top of the chosen folder), for ingest and the list alike. */
export function sectionOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return slash < 0 ? '' : source.slice(0, slash);
}

/** What the library list needs of a document, and where its body is. */
export type ListEntry = DocSummary & Pick<StoredSummary, 'body' | 'parts'>;

export function listEntry(s: StoredSummary): ListEntry {
  return { id: s.id, kind: s.kind, title: s.title, published: s.published, eventDate: s.eventDate, source: s.source, languages: s.languages, year: s.year, ...(s.summary ? { summary: s.summary } : {}), body: s.body, ...(s.parts ? { parts: s.parts } : {}) };
}

/** The lean list; an archive written before list.json existed falls back to docs.json. Throws DamagedArchive naming a bad file. */
export async function readList(dir: string, rebuild = rebuildAdvice(dir)): Promise<ListEntry[]> {
  const file = paths(dir).list;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return (await readSummaries(dir, rebuild)).map(listEntry);
    throw new DamagedArchive(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, rebuild);
  }
  return parseArchiveJson(listFileSchema(ARCHIVE_FORMAT), text, file, rebuild).docs as ListEntry[];
}

/** The full summaries, read synchronously: for the first call that needs facets before they were loaded. */
export function readSummariesSync(dir: string, rebuild = rebuildAdvice(dir)): StoredSummary[] {
  const file = paths(dir).docs;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DamagedArchive(file, missingOr(e), rebuild);
  }
  return parseArchiveJson(docsFileSchema(ARCHIVE_FORMAT), text, file, rebuild).docs as StoredSummary[];
}

const missingOr = (e: unknown) =>
  (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;

export async function writeManifest(dir: string, m: Manifest): Promise<void> {
  await writeNewFile(paths(dir).manifest, JSON.stringify(m, null, 2) + '\n');
}

/** The manifest, or null when there is none or it is not ours (freshness checks, safe-output's "is this our archive?"). */
export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const m = v.safeParse(ManifestSchema, JSON.parse(await fs.readFile(paths(dir).manifest, 'utf8')));
    return m.success && m.output.format === ARCHIVE_FORMAT ? m.output : null;
  } catch {
    return null;
  }
}

/** The manifest of an archive being opened; throws DamagedArchive naming the file when it is unreadable or not ours. */
export async function readManifestChecked(dir: string): Promise<Manifest> {
  const file = paths(dir).manifest;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new DamagedArchive(file, missingOr(e), rebuildAdvice(dir));
  }
  const m = parseArchiveJson(ManifestSchema, text, file, rebuildAdvice(dir));
  if (m.format !== ARCHIVE_FORMAT) throw new DamagedArchive(file, `is of format ${m.format}, not ${ARCHIVE_FORMAT}`, rebuildAdvice(dir, m.report.sourceDir));
  return m;
}

export async function readSummaries(dir: string, rebuild = rebuildAdvice(dir)): Promise<StoredSummary[]> {
  const file = paths(dir).docs;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new DamagedArchive(file, missingOr(e), rebuild);
  }
  return parseArchiveJson(docsFileSchema(ARCHIVE_FORMAT), text, file, rebuild).docs as StoredSummary[];
}

/** Where a document's body is in bodies.jsonl. */
export type BodyLocation = Pick<StoredSummary, 'body' | 'parts'>;

/** Characters of recently read body parts kept parsed (BodyReader): about 16 MB of text at most. */
export const RECENT_PARTS_CHARS = 8 * 1024 * 1024;

/**
 * Reads paragraphs by byte range, part by part, keeping one file handle open. Reads are
 * asynchronous (a large body must not hold the thread). A line that is cut
 * short or not a body raises DamagedArchive naming bodies.jsonl.
 *
 * Recently read parts are kept parsed and checked (least recently used first out, up to
 * RECENT_PARTS_CHARS): the search as a person types reads the same best hits' bodies for
 * key after key, and an article opened again is not read again. The archive never changes
 * while it is open (a rebuild opens a new one), and callers never change the paragraphs.
 */
export class BodyReader {
  private fh: Promise<FileHandle> | null = null;
  private readonly recent = new Map<number, { from?: number; paragraphs: Paragraph[]; chars: number }>();
  private recentChars = 0;
  constructor(
    private readonly file: string,
    private readonly rebuild: string,
  ) {}

  /** Checks that bodies.jsonl is there and long enough for every range (cheap: one stat). */
  async check(lastByte: number): Promise<void> {
    let st: Stats;
    try {
      st = await fs.stat(this.file);
    } catch (e) {
      throw new DamagedArchive(this.file, missingOr(e), this.rebuild);
    }
    if (!st.isFile()) throw new DamagedArchive(this.file, 'is not a file', this.rebuild);
    if (st.size < lastByte) throw new DamagedArchive(this.file, `is cut short (${st.size} bytes; the documents need ${lastByte})`, this.rebuild);
  }

  /** Every paragraph of a document, read part by part, letting other work run between parts. */
  async read(where: BodyLocation): Promise<Paragraph[]> {
    const out: Paragraph[] = [];
    for await (const part of this.parts(where)) for (const p of part.paragraphs) out.push(p);
    return out;
  }

  /**
   * A document's parts in order, each read and parsed only when asked for (a
   * search stops early); with `fromParagraph`, parts before the one holding it
   * are skipped without being read.
   */
  async *parts(where: BodyLocation, fromParagraph = 0): AsyncGenerator<{ from: number; paragraphs: Paragraph[] }> {
    const parts: PartEntry[] = where.parts ?? [[where.body[1], 0, Number.MAX_SAFE_INTEGER]];
    let pos = where.body[0];
    let read = 0;
    for (const [bytes, from, count] of parts) {
      if (from + count > fromParagraph) {
        if (read++ > 0) await new Promise<void>((r) => setImmediate(r)); // between parts, other requests run
        const line = await this.cachedLine(pos, bytes);
        yield { from: line.from ?? 0, paragraphs: line.paragraphs };
      }
      pos += bytes + 1;
    }
  }

  private async cachedLine(start: number, length: number): Promise<{ from?: number; paragraphs: Paragraph[] }> {
    const hit = this.recent.get(start);
    if (hit) {
      // Most recently used goes last.
      this.recent.delete(start);
      this.recent.set(start, hit);
      return hit;
    }
    const line = await this.readLine(start, length);
    const paragraphs = line.paragraphs as Paragraph[];
    const entry = { from: line.from, paragraphs, chars: paragraphs.reduce((n, p) => n + p.text.length, 0) };
    this.recent.set(start, entry);
    this.recentChars += entry.chars;
    for (const [key, old] of this.recent) {
      if (this.recentChars <= RECENT_PARTS_CHARS) break;
      this.recent.delete(key);
      this.recentChars -= old.chars;
    }
    return entry;
  }

  private async readLine(start: number, length: number) {
    const handle = await (this.fh ??= fs.open(this.file, 'r').catch((e: unknown) => {
      this.fh = null;
      throw new DamagedArchive(this.file, missingOr(e), this.rebuild);
    }));
    const buf = Buffer.allocUnsafe(length);
    let n = 0;
    while (n < length) {
      const { bytesRead } = await handle.read(buf, n, length - n, start + n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (n < length) throw new DamagedArchive(this.file, `is cut short (a document's text ends at byte ${start + length}, the file at ${start + n})`, this.rebuild);
    return parseArchiveJson(BodyLineSchema, buf.toString('utf8', 0, n), this.file, this.rebuild);
  }

  async close(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    this.recent.clear();
    this.recentChars = 0;
    if (fh) await (await fh.catch(() => null))?.close();
  }
}
