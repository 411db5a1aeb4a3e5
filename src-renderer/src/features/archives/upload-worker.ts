/**
 * The upload's own thread (a Web Worker): reads the chosen files, frames each
 * batch and sends it to the host, so none of that (nor the garbage of a few
 * thousand file buffers) ever runs on the window's thread, which only shows
 * the progress (upload-files.ts sendInWorker starts it; the messages are
 * UploadCommand and UploadEvent there). File objects cross into a worker
 * without being read (structured clone keeps a reference to the file).
 */
import { sendBatch, type UploadCommand, type UploadEvent } from './upload-files';

// The renderer is typed against the DOM; a worker's global needs only these two.
const scope = self as unknown as { onmessage: ((e: MessageEvent<UploadCommand>) => void) | null; postMessage: (m: UploadEvent) => void };

let stopped = false;

scope.onmessage = (e) => {
  const cmd = e.data;
  if (cmd.type === 'stop') {
    stopped = true;
    return;
  }
  void (async () => {
    let sent = 0;
    for (const batch of cmd.batches) {
      if (stopped) return;
      const r = await sendBatch(cmd.uploadPath, batch);
      if (stopped) return;
      if (!r.ok) return scope.postMessage({ type: 'failed', error: r.error });
      sent += batch.length;
      scope.postMessage({ type: 'sent', sent, file: batch.at(-1)?.path ?? null });
    }
    scope.postMessage({ type: 'done', sent });
  })();
};
