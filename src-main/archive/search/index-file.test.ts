/**
 * The index file's own version: a file from a newer app, of another layout or
 * made by another text analysis is refused with a message naming the file; a
 * file written before the version field existed still loads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, loadEngine } from './engine';
import { INDEX_FORMAT_VERSION } from './index-file';
import { tempDirsForFile } from '../../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();

const docs = [
  { id: 'a', title: 'Border security', body: 'The border guards met in Minsk.', facets: 'Minsk' },
  { id: 'b', title: 'Граница', body: 'Пограничники встретились в Минске.', facets: 'Минск' },
];

/** Build an index, then rewrite its JSON header with `edit` (same length rules as the writer: padded with spaces). */
async function indexWithHeader(edit: (h: Record<string, unknown>) => void): Promise<{ dir: string; file: string }> {
  const dir = tempDir('index-version-');
  await buildIndex(docs, dir);
  const file = join(dir, 'index.bin');
  const buf = readFileSync(file);
  const hlen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + hlen)) as Record<string, unknown>;
  edit(header);
  const text = Buffer.from(JSON.stringify(header), 'utf8');
  if (text.length > hlen) throw new Error('edited header does not fit');
  const padded = Buffer.concat([text, Buffer.alloc(hlen - text.length, 0x20)]);
  writeFileSync(file, Buffer.concat([buf.subarray(0, 8), padded, buf.subarray(8 + hlen)]));
  return { dir, file };
}

describe('index format version', () => {
  it('writes its version and its analysis into the header, and reads itself', async () => {
    const { dir } = await indexWithHeader((h) => {
      expect(h.formatVersion).toBe(INDEX_FORMAT_VERSION);
      expect(typeof h.analysis).toBe('string');
    });
    const engine = await loadEngine(dir);
    expect(engine.docCount).toBe(2);
  });

  it('refuses an index from a newer app, naming the file and both versions', async () => {
    const { dir, file } = await indexWithHeader((h) => (h.formatVersion = INDEX_FORMAT_VERSION + 1));
    await expect(loadEngine(dir)).rejects.toThrow(`search index ${file} cannot be read: it was written by a newer Archive Reader (index format version ${INDEX_FORMAT_VERSION + 1}; this app reads up to ${INDEX_FORMAT_VERSION})`);
  });

  it('refuses a stale index: another layout, or terms made by another analysis', async () => {
    const layout = await indexWithHeader((h) => (h.format = 'compact-0'));
    await expect(loadEngine(layout.dir)).rejects.toThrow(new RegExp(`${layout.file.replace(/[.\\/]/g, '\\$&')} cannot be read: it is a stale index \\(format "compact-0".*rebuild the archive`));
    const analysis = await indexWithHeader((h) => (h.analysis = 'stem(en)'));
    await expect(loadEngine(analysis.dir)).rejects.toThrow(/cannot be read: it is a stale index: its terms were made by another text analysis \("stem\(en\)"\); rebuild the archive/);
  });

  it('reads a file written before the version field existed as version 1', async () => {
    const { dir } = await indexWithHeader((h) => {
      delete h.formatVersion;
      delete h.analysis;
    });
    expect((await loadEngine(dir)).docCount).toBe(2);
  });
});
