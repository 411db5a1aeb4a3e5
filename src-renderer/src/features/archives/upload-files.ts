/**
 * The browser's side of an import: the chosen files as relative paths (a
 * folder's own name dropped, so its sub-folders become sections and the same
 * folder gives the same ids whichever way it is imported), files past the
 * host's size cap set aside with a reason, and batches within the host's
 * limits, sent one after another to the import's upload route.
 */
import type { ImportLimits } from '../../../../src-main/shared/contract';
import { encodeBatch } from '../../../../src-main/shared/upload-format';
import type { Result } from '../../../../src-main/shared/result';

export interface PickedFile {
  path: string;
  size: number;
  file: Blob;
}

/** The chosen files with their paths: a folder upload's shared first folder is dropped. */
export function pickedFiles(files: readonly File[]): { folder: string | null; files: PickedFile[] } {
  const withPaths = files.map((f) => ({ path: f.webkitRelativePath || f.name, size: f.size, file: f as Blob }));
  const firsts = new Set(withPaths.map((f) => (f.path.includes('/') ? f.path.split('/')[0] : null)));
  const folder = firsts.size === 1 ? [...firsts][0] : null;
  if (!folder) return { folder: null, files: withPaths };
  return { folder, files: withPaths.map((f) => ({ ...f, path: f.path.slice(folder.length + 1) })) };
}

/**
 * Files per batch, and bytes per batch at most: small enough that reading and framing one batch never holds the
 * window for long (a frame is 16 ms), large enough that a folder of 100,000 files is not 100,000 requests.
 */
export const BATCH_FILES = 100;
export const BATCH_BYTES = 4 * 1024 * 1024;

/** Batches of at most BATCH_FILES files and BATCH_BYTES (and the host's `maxBatchBytes`, with room for the header); files over the cap go to `tooLarge`. */
export function planBatches(files: readonly PickedFile[], limits: ImportLimits): { batches: PickedFile[][]; tooLarge: PickedFile[] } {
  const room = Math.min(BATCH_BYTES, limits.maxBatchBytes - 256 * 1024);
  const batches: PickedFile[][] = [];
  const tooLarge: PickedFile[] = [];
  let batch: PickedFile[] = [];
  let bytes = 0;
  for (const f of files) {
    if (f.size > limits.maxFileBytes) {
      tooLarge.push(f);
      continue;
    }
    if (batch.length && (bytes + f.size > room || batch.length >= BATCH_FILES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(f);
    bytes += f.size;
  }
  if (batch.length) batches.push(batch);
  return { batches, tooLarge };
}

/** Sends one batch; the answer is the host's Result (an error says which file and why). */
export async function sendBatch(uploadPath: string, batch: readonly PickedFile[]): Promise<Result<{ files: number; bytes: number }>> {
  const files = await Promise.all(batch.map(async (f) => ({ path: f.path, data: new Uint8Array(await f.file.arrayBuffer()) })));
  try {
    const res = await fetch(uploadPath, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: encodeBatch(files) });
    return (await res.json()) as Result<{ files: number; bytes: number }>;
  } catch (e) {
    return { ok: false, error: { code: 'io', message: `The files could not be sent: ${e instanceof Error ? e.message : String(e)}` } };
  }
}
