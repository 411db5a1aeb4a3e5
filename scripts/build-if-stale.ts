/**
 * Builds main, preload and renderer into out/ (electron-vite) only when their
 * inputs changed since the last build, so `npm start` and `npm run web` are up
 * in a few seconds on every start after the first.
 *
 * The inputs are the sources (tests excluded), the build and TypeScript
 * configs and the lock file; their content hash is kept in out/.build-hash.
 * `--force` builds regardless (npm run build).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'out');
const stampFile = join(outDir, '.build-hash');
const INPUT_DIRS = ['src-main', 'src-renderer'];
const INPUT_FILES = ['electron.vite.config.ts', 'tsconfig.json', 'tsconfig.node.json', 'tsconfig.web.json', 'package.json', 'package-lock.json'];
const OUTPUTS = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'];

function isTestFile(name: string): boolean {
  return /\.test\.tsx?$/.test(name) || name === 'test' || name === 'fixtures' || name === '__golden__';
}

function listFiles(dir: string, into: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (isTestFile(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, into);
    else if (entry.isFile()) into.push(path);
  }
}

/** One hash over every build input's path and content. */
export function inputsHash(): string {
  const files: string[] = [];
  for (const d of INPUT_DIRS) listFiles(join(root, d), files);
  for (const f of INPUT_FILES) if (existsSync(join(root, f))) files.push(join(root, f));
  files.sort();
  const h = createHash('sha256');
  for (const f of files) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

function outputsPresent(): boolean {
  return OUTPUTS.every((o) => existsSync(join(outDir, o)));
}

/** Returns true when it built. Throws when the build fails. */
export function buildIfStale(force = false): boolean {
  const hash = inputsHash();
  const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (!force && previous === hash && outputsPresent()) return false;
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  // Quiet unless it fails: a person starting the app wants the URL, not a list of chunks.
  const run = spawnSync(bin, ['build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    throw new Error(`electron-vite build failed (exit code ${run.status ?? run.signal})`);
  }
  writeFileSync(stampFile, `${hash}\n`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    const force = process.argv.includes('--force');
    const t0 = performance.now();
    const built = buildIfStale(force);
    console.log(built ? `build: out/ built in ${Math.round(performance.now() - t0)} ms` : 'build: out/ is up to date');
  } catch (e) {
    console.error(`build: ${(e as Error).message}`);
    process.exit(1);
  }
}
