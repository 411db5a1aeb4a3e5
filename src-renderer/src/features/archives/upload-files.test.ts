/** The browser's side of an upload: paths without the chosen folder's own name, batches within the host's limits, files over the cap set aside. */
import { describe, expect, test } from 'vitest';
import { BATCH_FILES, pickedFiles, planBatches, type PickedFile } from './upload-files';

const file = (webkitRelativePath: string, size: number, name = webkitRelativePath.split('/').at(-1)!) =>
  ({ webkitRelativePath, name, size }) as unknown as File;

describe('pickedFiles', () => {
  test("a folder upload drops the folder's own name, so sub-folders are sections", () => {
    const p = pickedFiles([file('harbour/business/001.txt', 10), file('harbour/sport/001.txt', 12)]);
    expect(p.folder).toBe('harbour');
    expect(p.files.map((f) => f.path)).toEqual(['business/001.txt', 'sport/001.txt']);
  });
  test('plain files keep their names', () => {
    const p = pickedFiles([file('', 10, 'a.txt'), file('', 5, 'b.md')]);
    expect(p.folder).toBeNull();
    expect(p.files.map((f) => f.path)).toEqual(['a.txt', 'b.md']);
  });
});

describe('planBatches', () => {
  const limits = { maxFileBytes: 1000, maxBatchBytes: 256 * 1024 + 2500, maxTotalBytes: 1e9, maxFiles: 1e6 };
  const picked = (sizes: number[]): PickedFile[] => sizes.map((size, i) => ({ path: `${i}.txt`, size, file: new Blob() }));
  test('batches stay under the batch size; files over the cap are set aside, not sent', () => {
    const { batches, tooLarge } = planBatches(picked([900, 900, 900, 5000, 100]), limits);
    expect(tooLarge.map((f) => f.path)).toEqual(['3.txt']);
    expect(batches.map((b) => b.map((f) => f.path))).toEqual([['0.txt', '1.txt'], ['2.txt', '4.txt']]);
    for (const b of batches) expect(b.reduce((n, f) => n + f.size, 0)).toBeLessThanOrEqual(2500);
  });
  test('at most BATCH_FILES files a batch', () => {
    const { batches } = planBatches(picked(Array(2 * BATCH_FILES + 50).fill(0)), limits);
    expect(batches.map((b) => b.length)).toEqual([BATCH_FILES, BATCH_FILES, 50]);
  });
});
