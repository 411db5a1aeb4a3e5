/**
 * Where the bundled corpus and the built archive live. The archive core never
 * assumes the repository layout by itself: hosts may pass `resourcesDir`
 * (Electron's packaged app passes one under process.resourcesPath); without
 * it we look upward from this module (source under tsx, or the built bundle
 * in out/main) and from the working directory for a `resources/corpus` folder.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ResourceOptions {
  /** Folder holding `corpus/` and `archive/`. */
  resourcesDir?: string;
}

function here(): string {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return process.cwd();
  }
}

/** A folder that holds a corpus or a built archive. */
const holdsResources = (dir: string) => existsSync(join(dir, 'corpus')) || existsSync(join(dir, 'archive', 'manifest.json'));

/**
 * Finds the resources folder: explicit option, $ARCHIVE_RESOURCES_DIR,
 * Electron's process.resourcesPath when it holds them, then a `resources`
 * folder upward from this module or the working directory.
 */
export function resourcesDir(opts: ResourceOptions = {}): string {
  if (opts.resourcesDir) return resolve(opts.resourcesDir);
  const env = process.env.ARCHIVE_RESOURCES_DIR;
  if (env) return resolve(env);
  const electronResources = (process as { resourcesPath?: string }).resourcesPath;
  if (electronResources) {
    for (const c of [electronResources, join(electronResources, 'resources')]) if (holdsResources(c)) return c;
  }
  for (const start of [here(), process.cwd()]) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      const candidate = join(dir, 'resources');
      if (holdsResources(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return resolve(process.cwd(), 'resources');
}

export function bundledCorpusDir(opts: ResourceOptions = {}): string {
  return join(resourcesDir(opts), 'corpus');
}

export function bundledArchiveDir(opts: ResourceOptions = {}): string {
  return join(resourcesDir(opts), 'archive');
}
