/**
 * Starts the real HTTP host (src-main/web) once for the end-to-end suite:
 * the built renderer from out/renderer and the real bundled archive, on a
 * free port on 127.0.0.1. Tests read its URL with `inject('baseUrl')`.
 *
 * The renderer must be built first (`npm test` and `npm run test:e2e` run
 * `npm run build`); without it, this fails at once with a message that says
 * so rather than letting every test time out on a blank page.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startWebHost } from '../../src-main/web/server';
import { chromiumPath } from '../support/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = resolve(import.meta.dirname, '..', '..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const rendererDir = resolve(root, 'out', 'renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error(
      `e2e: no built renderer at ${rendererDir}/index.html. Run "npm run build" first ("npm test" and "npm run test:e2e" do).`,
    );
  }
  if (!chromiumPath()) {
    throw new Error('e2e: no Chromium found. Set CHROMIUM_PATH or install Debian\'s "chromium" (.ci/run does).');
  }
  const logs: string[] = [];
  // Automatic backups go to a throw-away folder, never the person's own data folder.
  const dataDir = mkdtempSync(join(tmpdir(), 'archive-e2e-data-'));
  const host = await startWebHost({ port: 0, rendererDir, dataDir, log: (m) => logs.push(m) });
  const state = await host.ready;
  if (state.status !== 'ready') {
    await host.close();
    throw new Error(`e2e: the web host could not open the bundled archive: ${logs.join(' | ')}`);
  }
  project.provide('baseUrl', host.url);
  return async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
