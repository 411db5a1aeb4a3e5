/**
 * Test helpers: build real archives in temporary folders (never the bundled
 * resources/archive, which other processes may be reading).
 */
import { mkdtemp, rm, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledCorpusDir, ingestFolder, openArchive } from '../index';
import type { ArchiveService } from '../types';

export async function tempDir(prefix = 'archive-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A copy of the bundled corpus in a temp folder, to change freely. */
export async function copyCorpus(): Promise<string> {
  const dir = await tempDir('corpus-');
  await cp(bundledCorpusDir(), dir, { recursive: true });
  return dir;
}

/** Builds the bundled corpus into a fresh temp archive and opens it (search loaded). */
export async function openBundledCopy(): Promise<{ archive: ArchiveService; dir: string; cleanup: () => Promise<void> }> {
  const dir = await tempDir();
  await ingestFolder(bundledCorpusDir(), join(dir, 'archive'));
  const archive = await openArchive(join(dir, 'archive'));
  await archive.searchReady;
  return { archive, dir: join(dir, 'archive'), cleanup: async () => (await archive.close(), removeDir(dir)) };
}

export const SOURCES = {
  y2017: '000_7e7c3fc6c71971c6.txt',
  y2024: '001_0ed0ae22f2c68011.txt',
  y2019: '002_a7b9a83599aa6619.txt',
  y2021: '003_0eeb045d78135ec7.txt',
  y2013: '004_dd9f77a6c879bfad.txt',
} as const;
