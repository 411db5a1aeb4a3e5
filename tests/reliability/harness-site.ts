/**
 * The site the Chromium-driven reliability drills load: a copy of the built
 * renderer (out/renderer, the real app) with the harness page
 * (tests/reliability/harness/, built here by Vite) under /harness/, served by
 * the real web host (startWebHost: same CSP, same request guard, real backups
 * folder). Same origin for both, so the harness writes into the very
 * IndexedDB database the app reads.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startWebHost, type WebHost } from '../../src-main/web/server';

const root = resolve(import.meta.dirname, '..', '..');
export const BUILT_RENDERER = resolve(root, 'out', 'renderer');

export interface HarnessSite {
  dir: string;
  /** True when the real app (out/renderer) is served at / next to the harness. */
  withApp: boolean;
  cleanup(): void;
}

/** Build the harness into a fresh folder (with the built app when `needApp`; fails clearly when it is missing). */
export async function buildHarnessSite(opts: { needApp: boolean }): Promise<HarnessSite> {
  const dir = mkdtempSync(join(tmpdir(), 'reliability-site-'));
  const withApp = existsSync(join(BUILT_RENDERER, 'index.html'));
  if (opts.needApp && !withApp) throw new Error(`no built renderer at ${BUILT_RENDERER}: run "npm run build" first ("npm test" does)`);
  if (withApp) cpSync(BUILT_RENDERER, dir, { recursive: true });
  await build({
    configFile: false,
    root: resolve(import.meta.dirname, 'harness'),
    base: '/harness/',
    logLevel: 'error',
    mode: 'production',
    // Under vitest NODE_ENV is "test", which would make this a development build and the
    // database the development one (archive-reader-notes-dev): pin the production build's flags.
    define: { 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true' },
    build: { outDir: join(dir, 'harness'), emptyOutDir: true, reportCompressedSize: false, minify: false },
  });
  return { dir, withApp, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The real web host over the site, on a free port of 127.0.0.1. */
export async function startSiteHost(site: HarnessSite, opts: { dataDir: string; archiveDir?: string }): Promise<WebHost> {
  const logs: string[] = [];
  const host = await startWebHost({ port: 0, rendererDir: site.dir, dataDir: opts.dataDir, archiveDir: opts.archiveDir, version: '0.1.0-drill', log: (m) => logs.push(m) });
  const state = await host.ready;
  if (state.status !== 'ready') {
    await host.close();
    throw new Error(`the web host could not open the archive: ${logs.join(' | ')}`);
  }
  return host;
}
