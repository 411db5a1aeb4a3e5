/**
 * Reads a folder of text pages. Every file is either read as UTF-8 text or
 * skipped with a reason a person can act on (binary, not UTF-8, unreadable,
 * empty, not a .txt file, too large); one bad file never stops the others.
 * What may be read at all (no links out of the folder, no pipes or devices,
 * a size limit) is safe-entry.ts's rule.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../text';
import type { SkippedFile } from '../store/layout';
import { classifyEntry, readEntryBytes } from './safe-entry';

export interface SourceFile {
  name: string;
  text: string;
  hash: string;
}

export interface FolderContents {
  files: SourceFile[];
  skipped: SkippedFile[];
  /** Hash of every file name and content in the folder: decides when to rebuild. */
  contentHash: string;
}

const TEXT_EXT = /\.(txt|text)$/i;

export async function readFolder(dir: string): Promise<FolderContents> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `Folder not found: ${dir}` : code === 'ENOTDIR' ? `Not a folder: ${dir}` : `Cannot read folder ${dir}: ${(e as Error).message}`);
  }
  const realRoot = await fs.realpath(dir);
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const hashes: string[] = [];
  const sorted = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Files are looked at and read several at a time (one at a time, a 50,000-page folder spent
  // most of its 20 s waiting on the disk), then taken in name order as before.
  const results = await mapLimit(sorted, READ_CONCURRENCY, (e) => readEntry(dir, realRoot, e));
  for (const r of results) {
    if (r.hash !== undefined) hashes.push(`${r.name}\0${r.hash}`);
    if (r.skipped) skipped.push({ file: r.name, reason: r.skipped });
    else if (r.text !== undefined) files.push({ name: r.name, text: r.text, hash: r.hash! });
  }
  return { files, skipped, contentHash: sha256(hashes.join('\n')) };
}

const READ_CONCURRENCY = 16;

interface EntryResult {
  name: string;
  hash?: string;
  text?: string;
  skipped?: string;
}

async function readEntry(dir: string, realRoot: string, e: import('node:fs').Dirent): Promise<EntryResult> {
  const name = e.name;
  if (!TEXT_EXT.test(name)) return e.isFile() || e.isSymbolicLink() ? { name, skipped: 'not a .txt file' } : { name };
  // Look before reading (safe-entry.ts): a link out of the folder, a FIFO named *.txt, a
  // folder named *.txt or a file too large is reported, never read.
  const verdict = await classifyEntry(realRoot, join(dir, name));
  if (verdict.kind === 'skip') return { name, skipped: verdict.reason };
  if (verdict.kind === 'folder') return { name, skipped: 'a folder, not a file' };
  const read = await readEntryBytes(verdict.path);
  if (!read.ok) return { name, skipped: read.reason };
  const buf = read.bytes;
  const hash = sha256(buf);
  const problem = textProblem(buf);
  if (problem) return { name, hash, skipped: problem };
  return { name, hash, text: buf.toString('utf8').replace(/^\ufeff/, '') };
}

/** fn over items with at most `limit` running at once; results in the items' order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
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

/** Why a buffer is not a text page, or null when it is. */
export function textProblem(buf: Buffer): string | null {
  if (buf.length === 0) return 'empty file';
  const head = buf.subarray(0, 8192);
  // Anywhere, not only at the start: a text head can hide a binary body.
  if (buf.includes(0)) return 'binary file (contains NUL bytes)';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return 'not UTF-8 text';
  }
  let control = 0;
  for (const b of head) if (b < 9 || (b > 13 && b < 32)) control++;
  if (control > head.length * 0.01) return 'binary file (control characters)';
  if (!/[\p{L}\p{N}]/u.test(buf.toString('utf8'))) return 'no text in file';
  return null;
}
