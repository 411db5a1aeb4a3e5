/**
 * Regression test found by the ingestion fuzzer (tests/reliability/ingest-fuzz.test.ts):
 * a folder whose readable files hold no article (only navigation, photo names)
 * used to build an empty archive, replacing whatever archive was in --out.
 * It must fail like an empty folder, naming each file's reason, and leave the
 * existing archive as it was.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFolder } from './ingest-folder';
import { openArchive } from '../archive-service';
import { removeDir, tempDir } from '../test/helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('ingest-folder-');
  await mkdir(join(dir, 'good'));
  await writeFile(join(dir, 'good', 'a.txt'), 'Harbour reopens\n\nThe harbour reopened on 3 May 2022 after repairs.\n');
  await mkdir(join(dir, 'furniture'));
  await writeFile(join(dir, 'furniture', 'nav.txt'), 'Go back\n\nZVF_3021.JPG\n\n(Photo gallery of the CSTO CSC)\n\nBack to the all news\n');
  await writeFile(join(dir, 'furniture', 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
});
afterAll(() => removeDir(dir));

test('a folder with no article text fails clearly and keeps the archive already in --out', async () => {
  const out = join(dir, 'out');
  await ingestFolder(join(dir, 'good'), out);
  await expect(ingestFolder(join(dir, 'furniture'), out)).rejects.toThrow(
    /No readable pages \(\.txt, \.md, \.html\) in .*furniture \(skipped: scan\.txt: binary file \(contains NUL bytes\); nav\.txt: no article text found\)/,
  );
  const a = await openArchive(out);
  expect(a.list({}).items.map((d) => d.title)).toEqual(['Harbour reopens']);
  await a.close();
});
