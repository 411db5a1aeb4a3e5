/**
 * In real Chromium: progress reports faster than frames cost one call a frame
 * with the latest figures (throttle-frames.ts), and the upload worker
 * (upload-worker.ts, started by sendInWorker) stops at once on cancel. That
 * it sends every batch to a real host is import.e2e.test.ts's.
 */
import { expect, test } from 'vitest';
import { throttleToFrames } from './throttle-frames';
import { sendInWorker, type PickedFile } from './upload-files';

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

test('a hundred reports within one frame are one call, with the last figures', async () => {
  const seen: number[] = [];
  const show = throttleToFrames((n: number) => seen.push(n));
  for (let i = 1; i <= 100; i++) show(i);
  await frame();
  await frame();
  expect(seen).toEqual([100]);
  show(101);
  show.cancel();
  await frame();
  expect(seen).toEqual([100]);
});

const picked = (n: number, batch: number): PickedFile[][] =>
  Array.from({ length: n / batch }, (_, b) =>
    Array.from({ length: batch }, (_, i) => {
      const path = `s/${b * batch + i}.txt`;
      const text = `Story ${path}\n\nBody.\n`;
      return { path, size: text.length, file: new Blob([text]) };
    }),
  );

test('cancelling the upload stops the worker at once: nothing more is reported', async () => {
  const reports: number[] = [];
  const cancel = new AbortController();
  const sending = sendInWorker('/upload/j-000000000000', picked(400, 1), (sent) => reports.push(sent), cancel.signal);
  cancel.abort();
  const r = await sending;
  expect(r).toEqual({ ok: false, error: { code: 'cancelled', message: 'The upload was cancelled.' } });
  const after = reports.length;
  await new Promise((done) => setTimeout(done, 100));
  expect(reports.length).toBe(after);
});
