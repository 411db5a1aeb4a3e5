/**
 * Temporary folders a test file makes, removed when its tests are done: a
 * run of the suite used to leave about a hundred folders in the system's
 * temporary folder. Only folders made here are removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Call at the top of a test file: the function it returns makes a folder (named `<prefix>XXXXXX`) that is removed after the file. */
export function tempDirsForFile(): (prefix: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
