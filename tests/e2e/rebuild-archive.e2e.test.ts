/**
 * A bundled archive damaged on disk (its bodies file cut short), as a person
 * meets it in Chromium: the library says it could not be opened and names the
 * file, offers to rebuild it from its pages, and after the click lists the
 * archive again and opens an article.
 */
import { cpSync, mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundledCorpusDir, ensureBundledArchive } from '../../src-main/archive/index';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { launch, libraryRows } from './browser';
import { describeViolations, seriousViolations } from './axe';

const ROOT = resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'rebuild-e2e-'));
let browser: Browser;
let host: WebHost;

beforeAll(async () => {
  const resources = { resourcesDir: join(work, 'resources') };
  cpSync(bundledCorpusDir(), join(resources.resourcesDir, 'corpus'), { recursive: true });
  await ensureBundledArchive(resources);
  truncateSync(join(resources.resourcesDir, 'archive', 'bodies.jsonl'), 100);
  host = await startWebHost({ port: 0, rendererDir: join(ROOT, 'out', 'renderer'), dataDir: join(work, 'data'), resources, log: () => undefined });
  await host.ready;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  rmSync(work, { recursive: true, force: true });
});

test('the library names the damaged file, offers a rebuild, and reads again after it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  const page = await context.newPage();
  await page.goto(`${host.url}#/library`);
  const problem = page.getByRole('alert').filter({ hasText: 'The archive could not be opened' });
  await problem.waitFor();
  expect(await problem.innerText()).toMatch(/bodies\.jsonl/);
  const rebuild = page.getByRole('button', { name: 'Rebuild the archive from its pages' });
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
  await rebuild.click();
  const rows = libraryRows(page);
  await rows.first().waitFor({ timeout: 60_000 });
  expect(await rows.count()).toBeGreaterThan(0);
  await rows.first().getByRole('link').click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('[data-paragraph]').first().waitFor();
  expect((await page.locator('[data-paragraph]').first().innerText()).length).toBeGreaterThan(20);
  await context.close();
});
