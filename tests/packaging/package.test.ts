/**
 * Packages the app the way `npm run dist` does (electron-builder, real config
 * from package.json) but as an unpacked Linux folder and with `electronDist`
 * pointed at a stand-in folder holding a fake `electron` executable, so no
 * Electron download is needed. Then reads the resulting app.asar and
 * resources/ like the installed app would: the main, preload and renderer
 * bundles, the corpus and the prebuilt archive must all be there, and every
 * package the main bundle imports must be inside the asar.
 *
 * Needs `npm run build` first (npm test does it). Takes a few seconds.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractFile, listPackage } from '@electron/asar';
import { build, Platform } from 'electron-builder';

const root = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  build: Record<string, any>;
  devDependencies: Record<string, string>;
};
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

let work: string;
let appDir: string;
let asarPath: string;
let entries: Set<string>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Bare package names a bundle imports (`import x from "lunr"`, `require("lunr-languages/lunr.ru")`). */
function importedPackages(code: string): string[] {
  const names = new Set<string>();
  const patterns = [
    /^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm, // static import/export ... from "x"
    /\bimport\(\s*["']([^"']+)["']\s*\)/g, // import("x")
    /\brequire\(\s*["']([^"']+)["']\s*\)/g, // require("x")
  ];
  for (const re of patterns) {
    for (const m of code.matchAll(re)) {
      const spec = m[1].replace(/^node:/, '');
      if (spec.startsWith('.') || spec.startsWith('/')) continue;
      names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  return [...names].filter((n) => !builtinModules.includes(n) && n !== 'electron');
}

beforeAll(async () => {
  for (const need of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'resources/archive']) {
    if (!existsSync(join(root, need))) throw new Error(`${need} is missing: run "npm run build" before this test (npm test does).`);
  }
  work = mkdtempSync(join(tmpdir(), 'archive-reader-pack-'));
  // The stand-in for Electron's prebuilt binaries: electron-builder copies this folder and renames `electron`.
  const fakeDist = join(work, 'electron-dist');
  mkdirSync(fakeDist);
  writeFileSync(join(fakeDist, 'electron'), '#!/bin/sh\necho "stand-in Electron used by the packaging test" >&2\nexit 1\n');
  chmodSync(join(fakeDist, 'electron'), 0o755);
  writeFileSync(join(fakeDist, 'version'), electronVersion);

  const started = performance.now();
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    // Only the overrides: electron-builder merges this with package.json's "build" (and would
    // concatenate arrays such as extraResources if we passed them again).
    config: {
      electronDist: fakeDist,
      electronVersion,
      npmRebuild: false,
      directories: { ...pkg.build.directories, output: join(work, 'dist') },
    },
  });
  console.log(`packaging test: electron-builder --dir took ${Math.round(performance.now() - started)} ms`);
  appDir = join(work, 'dist', 'linux-unpacked');
  asarPath = join(appDir, 'resources', 'app.asar');
  entries = new Set(listPackage(asarPath, { isPack: false }).map((p) => p.replace(/\\/g, '/')));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packaged app (electron-builder --dir with a stand-in Electron)', () => {
  test('the executable is the stand-in, renamed to the app', () => {
    expect(existsSync(join(appDir, pkg.build.executableName))).toBe(true);
    expect(existsSync(join(appDir, 'electron'))).toBe(false);
  });

  test('app.asar holds the main, preload and renderer bundles and the package.json pointing at main', () => {
    for (const f of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']) {
      expect(entries, f).toContain(f);
    }
    expect([...entries].some((e) => /^\/out\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
    expect([...entries].some((e) => e.endsWith('.map'))).toBe(false);
    const packedPkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main: string };
    expect(packedPkg.main).toBe(pkg.main);
    expect(extractFile(asarPath, 'out/main/index.js').equals(readFileSync(join(root, 'out/main/index.js')))).toBe(true);
  });

  test('no development tooling is packed', () => {
    for (const dev of ['electron', 'electron-builder', 'vitest', 'typescript', 'playwright-core', 'vite']) {
      expect(entries, dev).not.toContain(`/node_modules/${dev}`);
    }
  });

  test('renderer-only packages are bundled into the renderer, not packed as node_modules', () => {
    // The renderer bundle already contains them; main never imports them (next test), so they are devDependencies.
    // (markdown-it is not among them: the ingester reads .md files with it in main.)
    for (const name of ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'sanitize-html', '@tanstack/react-virtual', 'approx-string-match']) {
      expect(pkg.devDependencies[name], `${name} is a devDependency`).toBeDefined();
      expect(entries, name).not.toContain(`/node_modules/${name}/package.json`);
    }
  });

  test('every runtime dependency is one the main bundle imports', () => {
    const mainFiles = [...entries].filter((e) => /^\/out\/main\/.+\.(js|mjs|cjs)$/.test(e));
    const imported = new Set(mainFiles.flatMap((f) => importedPackages(extractFile(asarPath, f.slice(1)).toString('utf8'))));
    const runtime = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    expect(runtime.filter((name) => !imported.has(name))).toEqual([]);
  });

  test('every package the main bundle imports is inside the asar', () => {
    const mainFiles = [...entries].filter((e) => /^\/out\/main\/.+\.(js|mjs|cjs)$/.test(e));
    const imported = new Set(mainFiles.flatMap((f) => importedPackages(extractFile(asarPath, f.slice(1)).toString('utf8'))));
    // The archive core's search engine is lunr, loaded from node_modules at run time.
    expect(imported).toContain('lunr');
    for (const name of imported) {
      expect(entries, `main imports "${name}"`).toContain(`/node_modules/${name}/package.json`);
    }
  });

  test('resources hold the whole corpus, the prebuilt archive and the window icon', () => {
    const resources = join(appDir, 'resources');
    expect(filesUnder(join(resources, 'corpus'))).toEqual(filesUnder(join(root, 'resources/corpus')));
    const archiveFiles = filesUnder(join(root, 'resources/archive'));
    expect(archiveFiles.length).toBeGreaterThan(0);
    expect(filesUnder(join(resources, 'archive'))).toEqual(archiveFiles);
    for (const f of archiveFiles) {
      expect(statSync(join(resources, 'archive', f)).size, f).toBe(statSync(join(root, 'resources/archive', f)).size);
    }
    expect(readFileSync(join(resources, 'icon.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
