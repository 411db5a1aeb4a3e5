/**
 * The on-disk layout of a built archive, read and written only here.
 *
 *   manifest.json   what was built, from which corpus (content hash), when, and the ingest report
 *   list.json       the lean library list (what DocSummary shows, plus the body's byte range):
 *                   read first, so the library can be shown before anything else is parsed
 *   docs.json       every document's summary, facets and links: enough to list and filter
 *   bodies.jsonl    one line of paragraphs per document; read by byte range when a document is opened
 *   index/          owned by the search engine (see search/engine.ts)
 *
 * Bodies stay on disk until needed, so opening a large archive costs the
 * summaries only.
 */
import { closeSync, openSync, promises as fs, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc, DocSummary, Facets, Paragraph } from '../../shared/model';
import { writeNewFile } from './safe-output';

export const ARCHIVE_FORMAT = 1;

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface IngestReport {
  sourceDir: string;
  outDir: string;
  files: number;
  articles: number;
  briefs: number;
  skipped: SkippedFile[];
  corpusHash: string;
  tookMs: number;
}

export interface Manifest {
  format: number;
  /** Version of the ingestion rules; a change rebuilds bundled archives. */
  builder: string;
  builtAt: string;
  corpusHash: string;
  articles: number;
  briefs: number;
  report: IngestReport;
}

/** A document as kept in memory: everything but its paragraphs. */
export interface StoredSummary extends DocSummary {
  facets: Facets;
  textHash: string;
  briefs?: string[];
  appearsIn?: string[];
  /** Byte range of this document's line in bodies.jsonl. */
  body: [number, number];
}

export const paths = (dir: string) => ({
  manifest: join(dir, 'manifest.json'),
  docs: join(dir, 'docs.json'),
  list: join(dir, 'list.json'),
  bodies: join(dir, 'bodies.jsonl'),
  index: join(dir, 'index'),
});

/** Writes docs and bodies (not the manifest: that goes last, once the index is built). */
export async function writeDocs(dir: string, docs: Doc[]): Promise<void> {
  const p = paths(dir);
  const summaries: StoredSummary[] = [];
  const lines: Buffer[] = [];
  let offset = 0;
  for (const d of docs) {
    const line = Buffer.from(JSON.stringify({ id: d.id, paragraphs: d.paragraphs }) + '\n', 'utf8');
    const { paragraphs: _p, ...rest } = d;
    summaries.push({ ...rest, body: [offset, line.length - 1] });
    lines.push(line);
    offset += line.length;
  }
  await writeNewFile(p.bodies, lines);
  await writeNewFile(p.docs, JSON.stringify({ format: ARCHIVE_FORMAT, docs: summaries }));
  await writeNewFile(p.list, JSON.stringify({ format: ARCHIVE_FORMAT, docs: summaries.map(listEntry) }));
}

/** What the library list needs of a document, and where its body is. */
export type ListEntry = DocSummary & { body: [number, number] };

export function listEntry(s: StoredSummary): ListEntry {
  return { id: s.id, kind: s.kind, title: s.title, published: s.published, eventDate: s.eventDate, source: s.source, languages: s.languages, year: s.year, body: s.body };
}

/** The lean list; an archive written before list.json existed falls back to docs.json. */
export async function readList(dir: string): Promise<ListEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(paths(dir).list, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return (await readSummaries(dir)).map(listEntry);
    throw e;
  }
  const raw = JSON.parse(text) as { format?: number; docs?: unknown };
  if (raw.format !== ARCHIVE_FORMAT || !Array.isArray(raw.docs)) throw new Error(`${paths(dir).list} is not an archive of format ${ARCHIVE_FORMAT}; rebuild it`);
  return raw.docs as ListEntry[];
}

/** The full summaries, read synchronously: for the first call that needs facets before they were loaded. */
export function readSummariesSync(dir: string): StoredSummary[] {
  return checkSummaries(dir, JSON.parse(readFileSync(paths(dir).docs, 'utf8')));
}

export async function writeManifest(dir: string, m: Manifest): Promise<void> {
  await writeNewFile(paths(dir).manifest, JSON.stringify(m, null, 2) + '\n');
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const m = JSON.parse(await fs.readFile(paths(dir).manifest, 'utf8')) as Manifest;
    if (typeof m !== 'object' || m === null || m.format !== ARCHIVE_FORMAT || typeof m.corpusHash !== 'string') return null;
    return m;
  } catch {
    return null;
  }
}

export async function readSummaries(dir: string): Promise<StoredSummary[]> {
  return checkSummaries(dir, JSON.parse(await fs.readFile(paths(dir).docs, 'utf8')));
}

function checkSummaries(dir: string, raw: { format?: number; docs?: unknown }): StoredSummary[] {
  if (raw.format !== ARCHIVE_FORMAT || !Array.isArray(raw.docs)) {
    throw new Error(`${paths(dir).docs} is not an archive of format ${ARCHIVE_FORMAT}; rebuild it`);
  }
  return raw.docs as StoredSummary[];
}

/**
 * Reads paragraphs by byte range, keeping one file descriptor open. Reads are
 * synchronous: a body is a few KB from the page cache, and a search shows 20
 * of them; the thread-pool round trip of an async read cost more than the read.
 */
export class BodyReader {
  private fd: number | null = null;
  constructor(private readonly file: string) {}

  async read(range: [number, number]): Promise<Paragraph[]> {
    this.fd ??= openSync(this.file, 'r');
    const buf = Buffer.allocUnsafe(range[1]);
    const n = readSync(this.fd, buf, 0, range[1], range[0]);
    return (JSON.parse(buf.toString('utf8', 0, n)) as { paragraphs: Paragraph[] }).paragraphs;
  }

  async close(): Promise<void> {
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) closeSync(fd);
  }
}
