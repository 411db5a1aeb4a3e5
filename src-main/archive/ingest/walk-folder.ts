/**
 * The one folder reader: walks a folder tree and reads every page in it
 * (.txt, .md, .html), for the CLI's `ingest` and the in-app import alike.
 *
 * It never reads outside the chosen folder and never blocks: entries are
 * looked at with lstat before anything is opened; a link is followed only to
 * a regular file whose real path is inside the folder; pipes, sockets and
 * devices are never opened; a file is opened without following links and
 * without blocking, and checked again on the open handle (the folder may
 * change while it is read). Files over the size limit, binary files (a NUL
 * byte anywhere) and unsupported types are skipped with a reason a person can
 * act on; one bad file never stops the others. Hidden entries (".git",
 * ".DS_Store") are not part of an archive and are passed over silently.
 */
import { constants, promises as fs, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sha256 } from '../text';
import { decodeText, type Encoding } from './decode';
import { sectionOf, type SkippedFile } from '../store/layout';

export type SourceFormat = 'txt' | 'md' | 'html';

export interface SourceFile {
  /** Path relative to the chosen folder, with '/' separators: the document's source. */
  name: string;
  /** The sub-folder path ('' at the top): the document's section. */
  section: string;
  format: SourceFormat;
  text: string;
  /** sha256 of the file's bytes. */
  hash: string;
  encoding: Encoding;
}

export interface FileWarning {
  file: string;
  warning: string;
}

export interface FolderContents {
  files: SourceFile[];
  skipped: SkippedFile[];
  /** Files read, but with something a person should know (encoding guessed, damaged bytes). */
  warnings: FileWarning[];
  /** Hash of every file's relative path and content: decides when to rebuild. */
  contentHash: string;
}

export interface WalkOptions {
  /** Larger files are skipped as too large (default 25 MB: no article is that long). */
  maxFileBytes?: number;
  /** Called after each file is looked at: how many so far, of how many found. */
  onFile?: (done: number, total: number, file: string) => void;
  /** Stops the walk between files (the promise rejects with IngestCancelled); nothing is written by a walk. */
  signal?: AbortSignal;
}

export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;
export const READ_CONCURRENCY = 16;

const FORMATS: [RegExp, SourceFormat][] = [
  [/\.(txt|text)$/i, 'txt'],
  [/\.(md|markdown)$/i, 'md'],
  [/\.(html?|xhtml)$/i, 'html'],
];

export function formatOf(name: string): SourceFormat | null {
  for (const [re, f] of FORMATS) if (re.test(name)) return f;
  return null;
}

const posix = (p: string) => p.split(sep).join('/');

/** Reads every page under `dir`, recursively; throws only when `dir` itself cannot be read. */
export async function walkFolder(dir: string, opts: WalkOptions = {}): Promise<FolderContents> {
  const { items, ...rest } = await walkFolderMapped(dir, opts, (f) => f);
  return { files: items, ...rest };
}

export interface MappedContents<T> extends Omit<FolderContents, 'files'> {
  /** What `map` made of each file read, in folder order. */
  items: T[];
}

/** The pages to read under a folder, found before any is opened (folder order), and what cannot be a page. */
export interface FolderListing {
  /** The folder's real path: nothing outside it is read. */
  root: string;
  entries: PageEntry[];
  skipped: SkippedFile[];
}

export interface PageEntry {
  /** Absolute path (under root). */
  path: string;
  /** Relative to root, with '/' separators. */
  name: string;
}

/** What reading one entry gave: the mapped page, or why it was skipped; the bytes' hash when they were read. */
export interface EntryOutcome<T> {
  name: string;
  hash?: string;
  skipped?: string;
  warning?: string;
  item?: T;
}

/** Lists the pages under `dir`, recursively; throws only when `dir` itself cannot be read. */
export async function listFolder(dir: string): Promise<FolderListing> {
  let root: string;
  try {
    const st = await fs.stat(dir);
    if (!st.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    root = await fs.realpath(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `Folder not found: ${dir}` : code === 'ENOTDIR' ? `Not a folder: ${dir}` : `Cannot read folder ${dir}: ${(e as Error).message}`);
  }
  const skipped: SkippedFile[] = [];
  const entries: PageEntry[] = [];
  await collect(root, root, entries, skipped);
  return { root, entries, skipped };
}

/**
 * Reads one listed page and hands it to `map` (a format reader); a page its
 * reader cannot make sense of is skipped, named, and the others are read.
 * Used in this thread and in the ingester's worker threads alike.
 */
export async function readOne<T>(root: string, e: PageEntry, maxBytes: number, map: (file: SourceFile) => T): Promise<EntryOutcome<T>> {
  const r = await readEntry(root, e.path, e.name, maxBytes);
  if (!r.file) return { name: r.name, hash: r.hash, skipped: r.skipped, warning: r.warning };
  try {
    return { name: r.name, hash: r.hash, warning: r.warning, item: map(r.file) };
  } catch (err) {
    return { name: r.name, hash: r.hash, skipped: `could not be read as .${r.file.format} (${(err as Error).message})` };
  }
}

/** The folder's contents from every entry's outcome (in folder order) and the listing's skips. */
export function assembleContents<T>(outcomes: EntryOutcome<T>[], listed: SkippedFile[]): MappedContents<T> {
  const skipped = [...listed];
  const items: T[] = [];
  const warnings: FileWarning[] = [];
  const hashes: string[] = [];
  for (const r of outcomes) {
    if (r.hash !== undefined) hashes.push(`${r.name}\0${r.hash}`);
    if (r.skipped) skipped.push({ file: r.name, reason: r.skipped });
    else if (r.item !== undefined) items.push(r.item);
    if (r.warning) warnings.push({ file: r.name, warning: r.warning });
  }
  skipped.sort((a, b) => compare(a.file, b.file));
  return { items, skipped, warnings, contentHash: sha256(hashes.join('\n')) };
}

/**
 * Reads every page under `dir` and hands each to `map` as soon as it is read,
 * keeping only what `map` returns: the raw text of a large folder is never
 * all in memory at once. In this thread; read-pages.ts spreads the same
 * per-file work over worker threads.
 */
export async function walkFolderMapped<T>(dir: string, opts: WalkOptions, map: (file: SourceFile) => T): Promise<MappedContents<T>> {
  const { root, entries, skipped } = await listFolder(dir);
  throwIfCancelled(opts.signal);
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let done = 0;
  const outcomes = await mapLimit(entries, READ_CONCURRENCY, async (e) => {
    throwIfCancelled(opts.signal);
    const r = await readOne(root, e, maxBytes, map);
    opts.onFile?.(++done, entries.length, e.name);
    return r;
  });
  return assembleContents(outcomes, skipped);
}

/** Cancelling an ingest: thrown where the work stops; callers tell it from a failure by its class. */
export class IngestCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was written.');
    this.name = 'IngestCancelled';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new IngestCancelled();
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lists the pages to read under `dir` (name order, folders depth-first); reports what cannot be a page. */
async function collect(root: string, dir: string, out: PageEntry[], skipped: SkippedFile[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    skipped.push({ file: posix(relative(root, dir)) + '/', reason: `folder unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    return;
  }
  for (const e of entries.filter((x) => !x.name.startsWith('.')).sort((a, b) => compare(a.name, b.name))) {
    const path = join(dir, e.name);
    const name = posix(relative(root, path));
    // lstat, not the Dirent's type: some file systems report 'unknown'.
    let st: import('node:fs').Stats;
    try {
      st = await fs.lstat(path);
    } catch (err) {
      skipped.push({ file: name, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
      continue;
    }
    if (st.isDirectory()) await collect(root, path, out, skipped);
    else if (st.isSymbolicLink() || st.isFile()) {
      const why = (st.isSymbolicLink() && (await linkProblem(root, path))) || typeProblem(e.name);
      if (why) skipped.push({ file: name, reason: why });
      else out.push({ path, name });
    } else skipped.push({ file: name, reason: 'not a regular file (a pipe, socket or device)' });
  }
}

/** Why a link is not followed (it leads outside the folder, or to a folder), or null. */
async function linkProblem(root: string, path: string): Promise<string | null> {
  try {
    const target = await fs.realpath(path);
    if (target !== root && !target.startsWith(root + sep)) return 'a link to outside the folder (not followed)';
    // A link inside the folder to a folder: its pages are read where they are (and a loop is impossible).
    if ((await fs.stat(target)).isDirectory()) return 'a link to a folder (not followed; its pages are read where they are)';
    return null;
  } catch (err) {
    return `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
}

/** Why a file of this name is not read, or null when it is a page format. */
function typeProblem(name: string): string | null {
  if (formatOf(name)) return null;
  if (/\.zip$/i.test(name)) return 'a .zip archive: not read (unpack it into the folder to include its pages)';
  return 'not a supported page type (.txt, .md, .html)';
}

interface EntryResult {
  name: string;
  hash?: string;
  file?: SourceFile;
  skipped?: string;
  warning?: string;
}

async function readEntry(root: string, path: string, name: string, maxBytes: number): Promise<EntryResult> {
  // A link: follow it only to a file inside the chosen folder (checked again: the folder may have changed).
  let target = path;
  try {
    if ((await fs.lstat(path)).isSymbolicLink()) {
      const why = await linkProblem(root, path);
      if (why) return { name, skipped: why };
      target = await fs.realpath(path);
    }
  } catch (err) {
    return { name, skipped: `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  let buf: Buffer;
  try {
    // O_NOFOLLOW: the path was checked above and must not have become a link since;
    // O_NONBLOCK: a pipe swapped in meanwhile must not hang the read (checked below).
    const fh = await fs.open(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const st = await fh.stat();
      if (st.isDirectory()) return { name, skipped: 'a folder, not a file' };
      if (!st.isFile()) return { name, skipped: 'not a regular file (a pipe, socket or device)' };
      if (st.size > maxBytes) return { name, skipped: `too large (${megabytes(st.size)}; the limit is ${megabytes(maxBytes)})` };
      buf = await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { name, skipped: 'a link (changed while the folder was read; not followed)' };
    return { name, skipped: `unreadable (${code ?? (err as Error).message})` };
  }
  if (buf.length > maxBytes) return { name, skipped: `too large (${megabytes(buf.length)}; the limit is ${megabytes(maxBytes)})` };
  const hash = sha256(buf);
  const format = formatOf(name)!;
  const problem = bytesProblem(buf);
  if (problem) return { name, hash, skipped: problem };
  const decoded = decodeText(buf, format === 'html' ? declaredCharset(buf) : null);
  const textIssue = textProblem(decoded.text);
  if (textIssue) return { name, hash, skipped: textIssue };
  return {
    name,
    hash,
    warning: decoded.warning,
    file: { name, section: sectionOf(name), format, text: decoded.text, hash, encoding: decoded.encoding },
  };
}

const megabytes = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${(n / 1024 ** 2).toFixed(1)} MB`);

const hasUtf16Bom = (buf: Buffer) => (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);

/** Why these bytes are not a text page (before decoding), or null. */
function bytesProblem(buf: Buffer): string | null {
  if (buf.length === 0) return 'empty file';
  // UTF-16 text is full of zero bytes; anything else with one is binary.
  if (!hasUtf16Bom(buf) && buf.includes(0)) return 'binary file (contains NUL bytes)';
  return null;
}

/** Why decoded text is not a page, or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\0')) return 'binary file (contains NUL bytes)';
  const head = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  if (control > head.length * 0.01) return 'binary file (control characters)';
  if (!/[\p{L}\p{N}]/u.test(text)) return 'no text in file';
  return null;
}

/** The charset an HTML page declares in its first 2 KB (<meta charset> or http-equiv). */
function declaredCharset(buf: Buffer): string | null {
  const head = buf.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
}

/** fn over items with at most `limit` running at once; results in the items' order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
