/**
 * Starts the real HTTP host (src-main/web) once for the end-to-end suite:
 * the built renderer from out/renderer and the real bundled archive, on a
 * free port on 127.0.0.1. Tests read its URL with `inject('baseUrl')`.
 *
 * The renderer must be built first (`npm test` and `npm run test:e2e` run
 * `npm run build`); without it, this fails at once with a message that says
 * so rather than letting every test time out on a blank page.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
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
  const host = await startWebHost({ port: 0, rendererDir, log: (m) => logs.push(m) });
  const state = await host.ready;
  if (state.status !== 'ready') {
    await host.close();
    throw new Error(`e2e: the web host could not open the bundled archive: ${logs.join(' | ')}`);
  }
  project.provide('baseUrl', host.url);
  return async () => {
    await host.close();
  };
}
