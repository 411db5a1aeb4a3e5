/**
 * Reads one batch of uploaded files, as the browser sends it to `POST
 * /upload/<jobId>` (application/octet-stream; the format is
 * shared/upload-format.ts's, which writes it):
 *
 *   4 bytes   big-endian length N of the header
 *   N bytes   UTF-8 JSON: [{ "path": "sub/a.txt", "bytes": 1234 }, ...]
 *   then      each file's bytes, in the header's order
 *
 * Raw bytes, not JSON or base64, so a file arrives as it is on disk (its
 * encoding is the reader's business) at its own size. Every name is a
 * relative path that must stay inside the staging folder: `..`, `.`, empty
 * parts, absolute paths, drive letters, backslashes and NUL are refused, and
 * the whole batch with them (nothing of a refused batch is written).
 */
import * as v from 'valibot';
import { HEADER_LENGTH_BYTES } from '../shared/upload-format';

export const MAX_HEADER_BYTES = 1024 * 1024;
export const MAX_PATH_CHARS = 1024;

const FileEntrySchema = v.strictObject({
  path: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PATH_CHARS)),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const HeaderSchema = v.pipe(v.array(FileEntrySchema), v.minLength(1), v.maxLength(5000));

export interface UploadedFile {
  /** Relative path with '/' separators, checked (safeRelativePath). */
  path: string;
  data: Buffer;
}

export class BatchRefused extends Error {}

/** Why `p` cannot be a path inside the staging folder, or null when it can. */
export function unsafePathReason(p: string): string | null {
  if (p.includes('\0')) return 'contains a NUL character';
  if (p.includes('\\')) return 'contains a backslash (send paths with /)';
  if (p.startsWith('/')) return 'is an absolute path';
  if (/^[a-zA-Z]:/.test(p)) return 'starts with a drive letter';
  const parts = p.split('/');
  if (parts.some((s) => s === '..')) return 'goes up a folder (..)';
  if (parts.some((s) => s === '' || s === '.')) return 'has an empty or "." part';
  if (parts.some((s) => s.length > 255)) return 'has a name longer than 255 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(p)) return 'contains a control character';
  return null;
}

/** Splits a batch into files; throws BatchRefused naming the problem (and the file) on anything malformed. */
export function parseBatch(body: Buffer, limits: { maxFileBytes: number }): UploadedFile[] {
  if (body.length < HEADER_LENGTH_BYTES) throw new BatchRefused('The upload is empty.');
  const headerBytes = body.readUInt32BE(0);
  if (headerBytes === 0 || headerBytes > MAX_HEADER_BYTES || HEADER_LENGTH_BYTES + headerBytes > body.length) {
    throw new BatchRefused('The upload does not start with a readable list of files.');
  }
  let header: unknown;
  try {
    header = JSON.parse(body.subarray(HEADER_LENGTH_BYTES, HEADER_LENGTH_BYTES + headerBytes).toString('utf8'));
  } catch {
    throw new BatchRefused('The upload does not start with a readable list of files.');
  }
  const parsed = v.safeParse(HeaderSchema, header);
  if (!parsed.success) throw new BatchRefused(`The upload's list of files is malformed: ${parsed.issues[0].message}.`);
  const files: UploadedFile[] = [];
  let at = HEADER_LENGTH_BYTES + headerBytes;
  const seen = new Set<string>();
  for (const entry of parsed.output) {
    const why = unsafePathReason(entry.path);
    if (why) throw new BatchRefused(`Refused the file name "${entry.path.replace(/\0/g, '\\0').slice(0, 200)}": it ${why}.`);
    if (seen.has(entry.path)) throw new BatchRefused(`The file "${entry.path}" is in the upload twice.`);
    seen.add(entry.path);
    if (entry.bytes > limits.maxFileBytes) throw new BatchRefused(`The file "${entry.path}" is larger than ${limits.maxFileBytes} bytes.`);
    if (at + entry.bytes > body.length) throw new BatchRefused(`The upload ends before the end of "${entry.path}".`);
    files.push({ path: entry.path, data: body.subarray(at, at + entry.bytes) });
    at += entry.bytes;
  }
  if (at !== body.length) throw new BatchRefused('The upload holds more bytes than its list of files says.');
  return files;
}
