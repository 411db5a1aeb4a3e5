/**
 * The browser's side of an import: the chosen files as relative paths (a
 * folder's own name dropped, so its sub-folders become sections and the same
 * folder gives the same ids whichever way it is imported), files past the
 * host's size cap set aside with a reason, and batches within the host's
 * limits, sent one after another to the import's upload route from a Web
 * Worker (upload-worker.ts), so reading and sending 10,000 files never holds
 * the window's thread; in the page only where a worker cannot start.
 */
import type { ImportLimits } from '../../../../src-main/shared/contract';
import { encodeBatch } from '../../../../src-main/shared/upload-format';
import { err, type AppError, type Result } from '../../../../src-main/shared/result';

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

/** The page's commands to the upload worker. */
export type UploadCommand =
  | { type: 'send'; uploadPath: string; batches: number }
  | { type: 'batch'; batch: number; files: PickedFile[] }
  | { type: 'stop' };
/** The upload worker's messages: the next batch it wants, after each batch sent, a refusal (the host's error), or the end. */
export type UploadEvent =
  | { type: 'want'; batch: number }
  | { type: 'sent'; sent: number; file: string | null }
  | { type: 'failed'; error: AppError }
  | { type: 'done'; sent: number };

/**
 * Sends every batch in order from the upload worker, reporting after each (`onSent`: files sent so far, the last
 * one); stops at the first refusal with the host's error. An abort stops the worker at once (the host's job is
 * cancelled by the caller). Where no worker can start, the same batches are sent from the page.
 */
export function sendInWorker(
  uploadPath: string,
  batches: PickedFile[][],
  onSent: (sent: number, file: string | null) => void,
  signal: AbortSignal,
): Promise<Result<{ sent: number }>> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./upload-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return sendInPage(uploadPath, batches, onSent, signal);
  }
  return new Promise((resolve) => {
    let sent = 0;
    const end = (r: Result<{ sent: number }>) => {
      signal.removeEventListener('abort', onAbort);
      worker.terminate();
      resolve(r);
    };
    const onAbort = () => end(CANCELLED);
    signal.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<UploadEvent>) => {
      const m = e.data;
      if (m.type === 'want') {
        const cmd: UploadCommand = { type: 'batch', batch: m.batch, files: batches[m.batch] ?? [] };
        worker.postMessage(cmd);
      } else if (m.type === 'sent') {
        sent = m.sent;
        onSent(m.sent, m.file);
      } else if (m.type === 'failed') end({ ok: false, error: { code: m.error.code as 'io', message: m.error.message } });
      else end({ ok: true, value: { sent: m.sent } });
    };
    // A worker that could not load (a policy, an old browser): send the rest from the page.
    worker.onerror = (e) => {
      e.preventDefault();
      signal.removeEventListener('abort', onAbort);
      worker.terminate();
      const done = new Set(batches.slice(0, batchesSent(batches, sent)));
      void sendInPage(uploadPath, batches.filter((b) => !done.has(b)), (n, f) => onSent(sent + n, f), signal).then((r) => resolve(r.ok ? { ok: true, value: { sent: sent + r.value.sent } } : r));
    };
    const cmd: UploadCommand = { type: 'send', uploadPath, batches: batches.length };
    worker.postMessage(cmd);
  });
}

const CANCELLED = err('cancelled', 'The upload was cancelled.');

/** How many whole batches make `files` files (the worker reports files). */
function batchesSent(batches: PickedFile[][], files: number): number {
  let n = 0;
  for (let i = 0; i < batches.length; i++) {
    n += batches[i].length;
    if (n > files) return i;
  }
  return batches.length;
}

async function sendInPage(uploadPath: string, batches: PickedFile[][], onSent: (sent: number, file: string | null) => void, signal: AbortSignal): Promise<Result<{ sent: number }>> {
  let sent = 0;
  for (const batch of batches) {
    if (signal.aborted) return CANCELLED;
    const r = await sendBatch(uploadPath, batch);
    if (!r.ok) return r;
    sent += batch.length;
    onSent(sent, batch.at(-1)?.path ?? null);
  }
  return { ok: true, value: { sent } };
}

/** Sends one batch; the answer is the host's Result (an error says which file and why). */
export async function sendBatch(uploadPath: string, batch: readonly PickedFile[]): Promise<Result<{ files: number; bytes: number }>> {
  const read = await Promise.all(
    batch.map((f) =>
      f.file.arrayBuffer().then(
        (b) => ({ path: f.path, data: new Uint8Array(b) }),
        (e: unknown) => ({ path: f.path, error: e instanceof Error ? e.message : String(e) }),
      ),
    ),
  );
  const files: { path: string; data: Uint8Array }[] = [];
  for (const r of read) {
    // A file changed or removed since it was chosen: the browser refuses to read it.
    if ('error' in r) return err('io', `${r.path} could not be read (${r.error}); it may have changed since it was chosen. Choose the folder again.`);
    files.push(r);
  }
  try {
    const res = await fetch(uploadPath, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: encodeBatch(files) });
    return (await res.json()) as Result<{ files: number; bytes: number }>;
  } catch (e) {
    return { ok: false, error: { code: 'io', message: `The files could not be sent: ${e instanceof Error ? e.message : String(e)}` } };
  }
}
