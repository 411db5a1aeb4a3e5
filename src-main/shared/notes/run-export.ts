/**
 * Running an exporter over many annotations with progress.
 *
 * Every format renders one annotation at a time (`item`) and then joins the
 * pieces (`assemble`). The synchronous `renderSync` is what the CLI and tests
 * call; `renderAsync` does the same work in chunks and yields to the event loop
 * between them, so a 10,000-annotation export keeps the UI responsive and can
 * move a progress bar, and can be cancelled with an AbortSignal.
 */
import type { ProgressCallback } from './types';

export interface ItemRenderer<Item, Piece> {
  item(value: Item, index: number): Piece;
  assemble(pieces: Piece[]): string;
}

const CHUNK = 500;

export function renderSync<Item, Piece>(
  renderer: ItemRenderer<Item, Piece>,
  items: readonly Item[],
  onProgress?: ProgressCallback,
): string {
  const pieces: Piece[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    pieces[i] = renderer.item(items[i], i);
    if (onProgress && ((i + 1) % CHUNK === 0 || i + 1 === items.length)) onProgress(i + 1, items.length);
  }
  if (onProgress && items.length === 0) onProgress(0, 0);
  return renderer.assemble(pieces);
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelledError';
  }
}

export async function renderAsync<Item, Piece>(
  renderer: ItemRenderer<Item, Piece>,
  items: readonly Item[],
  opts: { onProgress?: ProgressCallback; signal?: AbortSignal } = {},
): Promise<string> {
  const pieces: Piece[] = new Array(items.length);
  opts.onProgress?.(0, items.length);
  for (let start = 0; start < items.length; start += CHUNK) {
    if (opts.signal?.aborted) throw new ExportCancelledError();
    const end = Math.min(items.length, start + CHUNK);
    for (let i = start; i < end; i++) pieces[i] = renderer.item(items[i], i);
    opts.onProgress?.(end, items.length);
    if (end < items.length) await yieldToLoop();
  }
  if (opts.signal?.aborted) throw new ExportCancelledError();
  return renderer.assemble(pieces);
}
