/**
 * Reads stay inside the folder a person chose. Every entry a folder reader
 * meets goes through classifyEntry (look, without following links) and, when
 * it is a page, readEntryBytes (read, without ever waiting on a pipe):
 *  - a symbolic link is followed only when its real path stays inside the
 *    chosen folder; one that leaves it is skipped with that reason;
 *  - pipes (FIFOs), sockets and devices are skipped, never opened for reading
 *    in a way that could block (O_NONBLOCK, then fstat on what was opened, so
 *    a file swapped for a pipe after the look is still caught);
 *  - a file larger than MAX_PAGE_BYTES is skipped as too large, before it is
 *    read (a 600 MB file is not "not UTF-8", it is too large).
 * Kept apart from read-folder.ts so any folder reader (flat or recursive)
 * applies the same rules.
 */
import { constants, promises as fs } from 'node:fs';
import { relative, sep } from 'node:path';

/** Largest single page read: far above any article (a 200 MB document is accepted), below V8's string limits. */
export const MAX_PAGE_BYTES = 256 * 1024 * 1024;

export type EntryVerdict =
  | { kind: 'file'; path: string; size: number }
  | { kind: 'folder'; path: string }
  | { kind: 'skip'; reason: string };

const errText = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;
const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

function within(root: string, p: string): boolean {
  const r = relative(root, p);
  return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && !/^[a-zA-Z]:/.test(r));
}

/** What `path` (an entry of the folder whose real path is `realRoot`) is, without following it out of the folder. */
export async function classifyEntry(realRoot: string, path: string, maxBytes = MAX_PAGE_BYTES): Promise<EntryVerdict> {
  let st;
  try {
    st = await fs.lstat(path);
  } catch (e) {
    return { kind: 'skip', reason: `unreadable (${errText(e)})` };
  }
  if (st.isSymbolicLink()) {
    let real: string;
    try {
      real = await fs.realpath(path);
    } catch (e) {
      return { kind: 'skip', reason: `unreadable: a link to nothing (${errText(e)})` };
    }
    if (!within(realRoot, real)) return { kind: 'skip', reason: 'a link to a file outside the chosen folder (not followed)' };
    try {
      st = await fs.stat(real);
    } catch (e) {
      return { kind: 'skip', reason: `unreadable (${errText(e)})` };
    }
    // A link to a folder inside the tree would be read twice (or loop): only its real place is read.
    if (st.isDirectory()) return { kind: 'skip', reason: 'a link to a folder (its real place is read instead)' };
  }
  if (st.isDirectory()) return { kind: 'folder', path };
  if (st.isFIFO()) return { kind: 'skip', reason: 'not a regular file (a pipe)' };
  if (st.isSocket()) return { kind: 'skip', reason: 'not a regular file (a socket)' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { kind: 'skip', reason: 'not a regular file (a device)' };
  if (!st.isFile()) return { kind: 'skip', reason: 'not a regular file' };
  if (st.size > maxBytes) return { kind: 'skip', reason: `too large (${mb(st.size)}; the limit is ${mb(maxBytes)})` };
  return { kind: 'file', path, size: st.size };
}

/** The bytes of a file classifyEntry accepted, or why they could not be read. Never blocks on a pipe. */
export async function readEntryBytes(path: string, maxBytes = MAX_PAGE_BYTES): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
  let fh;
  try {
    fh = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, reason: `unreadable (${errText(e)})` };
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, reason: 'not a regular file (changed while reading)' };
    if (st.size > maxBytes) return { ok: false, reason: `too large (${mb(st.size)}; the limit is ${mb(maxBytes)})` };
    // Read at most one byte more than the limit: a file that grows while read is still bounded.
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) break;
    }
    if (n > maxBytes) return { ok: false, reason: `too large (over ${mb(maxBytes)})` };
    return { ok: true, bytes: buf.subarray(0, n) };
  } catch (e) {
    return { ok: false, reason: `unreadable (${errText(e)})` };
  } finally {
    await fh.close();
  }
}
