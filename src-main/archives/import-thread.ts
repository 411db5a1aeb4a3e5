/**
 * Runs one import's build in a worker thread (import-worker.ts), so the host
 * answers the window (and other windows) while a large folder is read.
 * Where the worker comes from: the built app passes the bundled
 * `import-worker.js` (electron.vite.config.ts emits it beside index.js); from
 * the sources (`npm run web`, tests) it starts through the archive core's
 * worker-boot.mjs, which registers tsx in the thread. Without either, the
 * build runs in process.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IngestCancelled, type IngestProgress } from '../archive/index';
import { buildArchive, type BuildRequest, type BuildResult } from './build-archive';
import type { FromWorker } from './import-protocol';

/** true: from the sources (tsx); a path: the bundled worker; null: in process. */
export type ImportWorkerOption = true | string | null;

export function importWorkerFor(bundledFile: string | undefined): ImportWorkerOption {
  if (bundledFile) return existsSync(bundledFile) ? bundledFile : null;
  return fileURLToPath(import.meta.url).endsWith('.ts') ? true : null;
}

export function runBuild(req: BuildRequest, how: ImportWorkerOption, onProgress: (p: IngestProgress) => void, signal: AbortSignal): Promise<BuildResult> {
  if (how === null) return buildArchive(req, onProgress, signal);
  const worker =
    how === true
      ? new Worker(new URL('../archive/search/worker-boot.mjs', import.meta.url), {
          workerData: { ...req, __entry: new URL('./import-worker.ts', import.meta.url).href },
        })
      : new Worker(how, { workerData: req });
  return new Promise<BuildResult>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      f();
      void worker.terminate();
    };
    const onAbort = () => worker.postMessage({ type: 'cancel' });
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort);
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'done') settle(() => resolve(m.result));
      else settle(() => reject(m.cancelled ? new IngestCancelled() : new Error(m.message)));
    });
    worker.on('error', (e) => settle(() => reject(new Error(`The import stopped: ${e.message}`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`The import stopped (exit ${code}).`))));
  });
}
