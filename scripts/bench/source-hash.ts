/**
 * A hash of the engine's source (src-main/archive/**), recorded with every
 * run so a figure can be tied to the code that produced it, and checked again
 * at the end: the archive core is being changed by others while benchmarks
 * run, and a run that straddles a change must say so.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './paths';

export function engineSourceHash(): string | null {
  const dir = join(repoRoot(), 'src-main', 'archive');
  const hash = createHash('sha256');
  let any = false;
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
        hash.update(relative(dir, p)).update('\0').update(readFileSync(p)).update('\0');
        any = true;
      }
    }
  };
  walk(dir);
  return any ? hash.digest('hex').slice(0, 16) : null;
}
