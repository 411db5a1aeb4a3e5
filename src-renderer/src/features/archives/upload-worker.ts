/**
 * The upload's own thread (a Web Worker): reads the chosen files, frames each
 * batch and sends it to the host, so none of that (nor the garbage of a few
 * thousand file buffers) ever runs on the window's thread, which only shows
 * the progress (upload-files.ts sendInWorker starts it; the messages are
 * UploadCommand and UploadEvent there). The worker asks for one batch at a
 * time, one ahead of the one it sends: handing over 10,000 File objects in
 * one message took the window ~100 ms (a structured clone of every one).
 */
import { sendBatch, type PickedFile, type UploadCommand, type UploadEvent } from './upload-files';

// The renderer is typed against the DOM; a worker's global needs only these two.
const scope = self as unknown as { onmessage: ((e: MessageEvent<UploadCommand>) => void) | null; postMessage: (m: UploadEvent) => void };

let stopped = false;
const waiting = new Map<number, (files: PickedFile[]) => void>();

function want(batch: number): Promise<PickedFile[]> {
  scope.postMessage({ type: 'want', batch });
  return new Promise((resolve) => waiting.set(batch, resolve));
}

async function send(uploadPath: string, batches: number): Promise<void> {
  let sent = 0;
  let next = want(0);
  for (let i = 0; i < batches; i++) {
    const batch = await next;
    if (i + 1 < batches) next = want(i + 1);
    if (stopped) return;
    const r = await sendBatch(uploadPath, batch);
    if (stopped) return;
    if (!r.ok) return scope.postMessage({ type: 'failed', error: r.error });
    sent += batch.length;
    scope.postMessage({ type: 'sent', sent, file: batch.at(-1)?.path ?? null });
  }
  scope.postMessage({ type: 'done', sent });
}

scope.onmessage = (e) => {
  const cmd = e.data;
  if (cmd.type === 'stop') stopped = true;
  else if (cmd.type === 'batch') {
    waiting.get(cmd.batch)?.(cmd.files);
    waiting.delete(cmd.batch);
  } else void send(cmd.uploadPath, cmd.batches);
};
