/**
 * Importing archives in the app, in Chromium against a real web host of its
 * own (its own data folder): a generated folder imported through the dialog
 * (folder upload), its report's counts (a duplicate merged, a binary file
 * skipped with its reason), cancel while it runs (nothing left, the list
 * unchanged), switching between archives (each keeps its place), and a
 * re-import after editing files: ids kept, the edited article's highlight
 * re-anchored, the report counting updated, unchanged and removed. The files
 * are sent from a worker; a file changed after it was chosen is named.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHttpClient } from '../../src-main/shared/http-client';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { storyFiles, storyText, writeFolder } from '../../src-main/archives/test-folder';
import { encodeBatch } from '../../src-main/shared/upload-format';
import { launch, screenshot } from './browser';
import { must } from './api';
import { describeViolations, seriousViolations } from './axe';
import { highlight, paintedSlices, passage, waitForPainted } from './notes-support';

const ROOT = resolve(import.meta.dirname, '..', '..');
let browser: Browser;
const temps: string[] = [];
const temp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  temps.push(d);
  return d;
};

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

async function host(importLimits?: { maxBatchBytes: number }): Promise<{ host: WebHost; dataDir: string; api: ReturnType<typeof createHttpClient> }> {
  const dataDir = temp('import-e2e-data-');
  const h = await startWebHost({ port: 0, rendererDir: join(ROOT, 'out', 'renderer'), dataDir, importLimits, log: () => undefined });
  await h.ready;
  return { host: h, dataDir, api: createHttpClient(h.url.replace(/\/$/, ''), (u, i) => fetch(u, i)) };
}

async function page(url: string, hash = '#/library'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const p = await context.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(url + hash);
  return { page: p, errors };
}

/** A folder as a person has it: stories in section folders, one saved twice, one file that is not text. */
function harbourFolder(): string {
  const dir = join(temp('import-e2e-src-'), 'harbour');
  const files: Record<string, string | Buffer> = storyFiles(20, 'Harbour');
  files['copies/000-again.txt'] = files['business/000.txt']!;
  files['photo.jpg'] = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0, 0, 0, 0]);
  return writeFolder(dir, files);
}

const switcher = (p: Page) => p.getByRole('button', { name: /^Archive/ });
const dialog = (p: Page) => p.getByRole('dialog', { name: 'Import an archive' });

async function importFolder(p: Page, folder: string, into?: string): Promise<void> {
  await switcher(p).click();
  const panel = p.getByRole('region', { name: 'Archives' });
  if (into) await panel.locator(`[data-archive-id="${into}"]`).getByRole('button', { name: 'Import again' }).click();
  else await panel.getByRole('button', { name: 'Import…' }).click();
  await dialog(p).locator('[data-testid="import-folder"]').setInputFiles(folder);
  await dialog(p).getByRole('button', { name: 'Import', exact: true }).click();
}

const count = (p: Page, name: string) => dialog(p).locator(`[data-count="${name}"] dd`).innerText();

describe('import in the app', () => {
  test('a folder through the dialog: progress, the report, the archive opened; switching keeps each place; re-import keeps ids and re-anchors a highlight', async () => {
    const { host: h, dataDir, api } = await host();
    const folder = harbourFolder();
    const { page: p, errors } = await page(h.url);
    const workers: string[] = [];
    p.on('worker', (w) => workers.push(w.url()));
    await expect.poll(() => switcher(p).innerText()).toContain('Bundled archive');
    const bundledTotal = (await must(api.list({}))).total;

    await importFolder(p, folder);
    const report = dialog(p).getByRole('region', { name: 'Import report' });
    await report.waitFor({ timeout: 60_000 });
    expect(await report.getByRole('status').innerText()).toContain('20 articles');
    expect(await count(p, 'imported')).toBe('20');
    expect(await count(p, 'duplicates-merged')).toBe('1');
    expect(await count(p, 'skipped')).toBe('1');
    expect(await report.getByText('photo.jpg').locator('..').innerText()).toMatch(/photo\.jpg: .+/);
    // The files were read and sent from a worker, not the window's thread.
    expect(workers.some((u) => /upload-worker/.test(u))).toBe(true);
    await screenshot(p, 'import-report-light');
    const reportViolations = await seriousViolations(p);
    expect(reportViolations, describeViolations(reportViolations)).toEqual([]);
    // Nothing staged is left once the import is done.
    expect(existsSync(join(dataDir, 'staging'))).toBe(false);

    await dialog(p).getByRole('button', { name: 'Open “harbour”' }).click();
    await expect.poll(() => switcher(p).innerText()).toContain('harbour');
    await expect.poll(() => p.locator('.page-subtitle').innerText()).toMatch(/20 /);
    const harbourId = (await must(api.appInfo(undefined))).archiveId;
    expect(harbourId).toMatch(/^i-/);
    const before = await must(api.list({ kind: 'article' }));

    // A place in this archive: a search. Switch to the bundled one and back: each keeps its own place.
    await p.goto(`${h.url}#/search?q=harbour`);
    await p.locator('.search-page').waitFor();
    await switcher(p).click();
    await screenshot(p, 'archive-switcher-light');
    const switcherViolations = await seriousViolations(p);
    expect(switcherViolations, describeViolations(switcherViolations)).toEqual([]);
    await p.getByRole('region', { name: 'Archives' }).locator('[data-archive-id="bundled"]').getByRole('button').first().click();
    await expect.poll(() => switcher(p).innerText()).toContain('Bundled archive');
    expect(new URL(p.url()).hash).toBe('#/library');
    expect((await must(api.list({}))).total).toBe(bundledTotal);
    await switcher(p).click();
    await p.getByRole('region', { name: 'Archives' }).locator(`[data-archive-id="${harbourId}"]`).getByRole('button').first().click();
    await expect.poll(() => switcher(p).innerText()).toContain('harbour');
    expect(new URL(p.url()).hash).toBe('#/search?q=harbour');

    // A highlight on the article that will be edited.
    const edited = before.items.find((d) => d.source === 'business/000.txt')!;
    const doc = await must(api.getDoc({ id: edited.id }));
    const phrase = passage(doc, 2);
    await p.goto(`${h.url}#/article/${encodeURIComponent(edited.id)}`);
    await p.locator(`[data-paragraph="${phrase.paragraph}"]`).waitFor();
    const annotation = await highlight(p, phrase);

    // Edit that file (a sentence added at the start, so every offset moves), delete one, add one; import again.
    const correctedText = storyText('Harbour 0 about the harbour town', 0).replace('\n\n', '\n\nA correction was added at the top of this story.\n\n');
    writeFileSync(join(folder, 'business/000.txt'), correctedText);
    writeFileSync(join(folder, 'copies/000-again.txt'), correctedText); // still the same story saved twice
    unlinkSync(join(folder, 'sport/001.txt'));
    writeFileSync(join(folder, 'sport/099.txt'), storyText('A new story about the harbour town', 99));
    await p.goto(`${h.url}#/library`);
    await importFolder(p, folder, harbourId);
    await report.waitFor({ timeout: 60_000 });
    expect(await count(p, 'imported')).toBe('1');
    expect(await count(p, 'updated')).toBe('1');
    expect(await count(p, 'unchanged')).toBe('18');
    expect(await count(p, 'removed')).toBe('1');
    await dialog(p).getByRole('button', { name: 'Open “harbour”' }).click();
    await expect.poll(() => switcher(p).innerText()).toContain('harbour');
    const after = await must(api.list({ kind: 'article' }));
    const idsAfter = new Map(after.items.map((d) => [d.source, d.id]));
    for (const d of before.items) if (d.source !== 'sport/001.txt') expect(idsAfter.get(d.source)).toBe(d.id);

    // The highlight is still there, on the same words, one paragraph further down.
    await p.goto(`${h.url}#/article/${encodeURIComponent(edited.id)}`);
    await waitForPainted(p, annotation, 15_000);
    const slices = (await paintedSlices(p)).filter((s) => s.id === annotation);
    expect(slices.map((s) => s.text).join('')).toBe(phrase.phrase);
    expect(slices[0].paragraph).toBe(phrase.paragraph + 1);
    expect(errors).toEqual([]);
    await p.context().close();
    await h.close();
  });

  test('cancel while the files are being sent: nothing is left and the list is as it was', async () => {
    // One file per batch, so the import takes long enough to be cancelled by a person.
    const { host: h, dataDir, api } = await host({ maxBatchBytes: 4096 });
    const folder = writeFolder(join(temp('import-e2e-big-'), 'many'), storyFiles(400, 'Many'));
    const { page: p, errors } = await page(h.url);
    await expect.poll(() => switcher(p).innerText()).toContain('Bundled archive');
    await p.locator('.status-pill').waitFor({ state: 'detached' });
    await importFolder(p, folder);
    const bar = dialog(p).getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    await expect.poll(() => dialog(p).locator('.import-counts').innerText()).toMatch(/^\d+ of 400$/);
    await screenshot(p, 'import-progress-light');
    const progressViolations = await seriousViolations(p);
    expect(progressViolations, describeViolations(progressViolations)).toEqual([]);
    await dialog(p).getByRole('button', { name: 'Cancel import' }).click();
    await expect.poll(() => dialog(p).getByText('nothing was written').count()).toBe(1);
    expect(existsSync(join(dataDir, 'staging'))).toBe(false);
    expect(existsSync(join(dataDir, 'archives')) ? readdirSync(join(dataDir, 'archives')) : []).toEqual([]);
    expect((await must(api.archiveList(undefined))).archives.map((a) => a.id)).toEqual(['bundled']);
    expect(errors).toEqual([]);
    await p.context().close();
    await h.close();
  });

  test('a file changed after it was chosen: the dialog names it, nothing is imported, nothing is left', async () => {
    const { host: h, dataDir, api } = await host();
    const folder = writeFolder(join(temp('import-e2e-changed-'), 'changing'), storyFiles(6, 'Changing'));
    const { page: p, errors } = await page(h.url);
    await expect.poll(() => switcher(p).innerText()).toContain('Bundled archive');
    await switcher(p).click();
    await p.getByRole('region', { name: 'Archives' }).getByRole('button', { name: 'Import…' }).click();
    await dialog(p).locator('[data-testid="import-folder"]').setInputFiles(folder);
    unlinkSync(join(folder, 'sport/003.txt'));
    await dialog(p).getByRole('button', { name: 'Import', exact: true }).click();
    const alert = dialog(p).getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/sport\/003\.txt could not be read .*Nothing was imported\./);
    await expect.poll(() => existsSync(join(dataDir, 'staging'))).toBe(false);
    expect((await must(api.archiveList(undefined))).archives.map((a) => a.id)).toEqual(['bundled']);
    expect(errors).toEqual([]);
    await p.context().close();
    await h.close();
  });

  test('an archive whose folder is gone: one message naming it and what to do at start; the bundled one opens, the list says which', async () => {
    const first = await host();
    const begun = await must(first.api.importBegin({ source: 'gone-folder', name: 'Gone away' }));
    const body = encodeBatch(Object.entries(storyFiles(3, 'Gone')).map(([path, text]) => ({ path, data: Buffer.from(text) })));
    await fetch(first.host.url + begun.uploadPath.slice(1), { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body });
    await must(first.api.importRun({ jobId: begun.jobId }));
    await expect.poll(async () => (await must(first.api.importStatus({ jobId: begun.jobId }))).state, { timeout: 60_000 }).toBe('done');
    const id = (await must(first.api.appInfo(undefined))).archiveId;
    await first.host.close();
    rmSync(join(first.dataDir, 'archives', id), { recursive: true });

    const h = await startWebHost({ port: 0, rendererDir: join(ROOT, 'out', 'renderer'), dataDir: first.dataDir, log: () => undefined });
    await h.ready;
    const { page: p, errors } = await page(h.url);
    const notice = p.locator('.archive-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/"Gone away" could not be opened .*Import it again from its source folder \(gone-folder\), or remove it/s);
    await expect.poll(() => switcher(p).innerText()).toContain('Bundled archive');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await switcher(p).click();
    expect(await p.getByRole('region', { name: 'Archives' }).locator(`[data-archive-id="${id}"]`).innerText()).toContain('Its folder is gone');
    expect(errors).toEqual([]);
    await p.context().close();
    await h.close();
  });
});
