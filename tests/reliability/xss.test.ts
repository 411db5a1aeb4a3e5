/**
 * XSS suite (issue 7, security): 42 payloads (xss-payloads.ts) placed
 *  - in the article text of a TEST archive: headline-first .txt files with a
 *    payload in each title and body, built by the real ingester (ingestFolder)
 *    and served by the real web host (--archive) with the real built app;
 *  - in notes, tags, article notes, article tags and a colour label, written
 *    through the app's storage module (the harness page on the app's origin);
 *  - in a backup file restored through the app's UI (Settings, "Restore from
 *    file", merge) and a W3C annotation file imported through the UI;
 *  - in every export format, exported through the app's Export dialog.
 * Then in Chromium: the library, search results (snippets), every article
 * (text, highlights, sidebar notes), the Notebook and Settings (tag manager,
 * colour labels, backups), and the exported HTML (opened from disk, also with
 * CSP bypassed) and the exported Markdown rendered by a permissive viewer.
 * Nothing may run (window.__xss stays unset, no dialog), nothing may navigate
 * or open a window, nothing may request a marker URL, and the DOM may hold no
 * active content (scripts of its own, event-handler attributes,
 * javascript:/data: URLs, frames, objects, refresh). CSP violations are
 * counted and printed: a blocked attempt is reported, not hidden.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestFolder, openArchive } from '../../src-main/archive/index';
import { archiveIdForDir } from '../../src-main/archive/store/archive-id';
import type { ArchiveService } from '../../src-main/archive/types';
import type { Annotation } from '../../src-main/shared/notes/annotation-model';
import { docText, type Doc } from '../../src-main/shared/model';
import type { WebHost } from '../../src-main/web/server';
import { createBackup } from '../../src-main/shared/notes/backup/backup-format';
import { exportSync } from '../../src-main/shared/notes/formats';
import { chromiumLaunchOptions } from '../support/chromium';
import { buildHarnessSite, startSiteHost, type HarnessSite } from './harness-site';
import { MARKER_HOST, PAYLOADS } from './xss-payloads';
import { inspectPage, watchContext, type Watch } from './xss-watch';

const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const SOAK = process.env.SOAK === '1';

let site: HarnessSite;
let host: WebHost;
let archive: ArchiveService;
/** The archive the site's host serves (AppInfo.archiveId): notes seeded for it are the ones the app shows. */
let archiveId: string;
let browser: Browser;
const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
/** doc per payload id */
const docs = new Map<number, Doc>();
const watch: Watch = { failures: [], csp: [], checks: 0 };
const installSpies = (context: BrowserContext, allowedOrigin: string | null) => watchContext(watch, context, allowedOrigin);
const inspect = (page: Page, where: string, opts: { ownScripts: boolean }) => inspectPage(watch, page, where, opts);

beforeAll(async () => {
  // The test archive: one headline-first page per payload, payload in the title and the body.
  const src = tmp('xss-corpus-');
  for (const p of PAYLOADS) {
    const body = [
      `Collective security council bulletin number ${p.id} was published after the meeting of ministers in Minsk, where delegations discussed border cooperation.`,
      `The statement quoted xsstoken ${oneLine(p.text)} in full, as received by the press office of the secretariat.`,
      `Experts from the member states reviewed the exercise plan, the budget of the programme and the training of rapid reaction forces for the coming year.`,
      `Appendix ${p.id}: ${p.text}`,
    ];
    writeFileSync(join(src, `xss-${String(p.id).padStart(2, '0')}.txt`), `Bulletin ${p.id} ${oneLine(p.text)}\n\n${body.join('\n\n')}\n`);
  }
  const archiveDir = tmp('xss-archive-');
  const report = await ingestFolder(src, archiveDir);
  archive = await openArchive(archiveDir);
  for (const s of (await archive.list({})).items) {
    const m = /Bulletin (\d+)/.exec(s.title) ?? /bulletin number (\d+)/.exec(s.title);
    const doc = await archive.get(s.id);
    const id = m ? Number(m[1]) : Number(/bulletin number (\d+)/.exec(doc ? docText(doc) : '')?.[1]);
    if (doc && id) docs.set(id, doc);
  }
  expect(docs.size, `ingested ${JSON.stringify(report).slice(0, 400)}`).toBe(PAYLOADS.length);
  site = await buildHarnessSite({ needApp: true });
  host = await startSiteHost(site, { dataDir: tmp('xss-data-'), archiveDir });
  archiveId = archiveIdForDir(archiveDir);
  browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await archive?.close();
  site?.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** An annotation row on payload p's article whose quote is the body paragraph holding the payload. */
function annotationOn(p: (typeof PAYLOADS)[number], id: string): Annotation {
  const doc = docs.get(p.id)!;
  const text = docText(doc);
  const para = doc.paragraphs.find((x) => x.text.includes('xsstoken'))?.text ?? doc.paragraphs[0].text;
  const start = text.indexOf(para);
  return {
    id,
    archiveId,
    docId: doc.id,
    color: 'orange',
    quote: { type: 'TextQuoteSelector', exact: para, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + para.length },
    textHash: '',
    note: `Imported note ${p.id}: ${p.text}`,
    tags: [`${p.text}`.slice(0, 80)],
    created: '2025-01-01T00:00:00.000Z',
    modified: '2025-01-02T00:00:00.000Z',
  };
}

// Generous per-test limits: the suite shares two cores with the rest of `npm test`.
describe(`XSS: ${PAYLOADS.length} payloads in articles, notes, tags, imports, backups and exports`, { timeout: SOAK ? 900_000 : 240_000 }, () => {
  let context: BrowserContext;
  let page: Page;
  const downloads = new Map<string, string>();
  // Each test answers for what happened during it (the last one for everything).
  let mark = 0;
  beforeEach(() => {
    mark = watch.failures.length;
  });

  it('article text: library, search snippets and every article show the payloads as text and run none', async () => {
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    await installSpies(context, host.url);
    page = await context.newPage();
    await page.goto(`${host.url}#/library`);
    await page.getByText(/Bulletin \d+ /).first().waitFor();
    const library = await inspect(page, 'library', { ownScripts: true });
    // The list is virtualized: the titles on screen show their payloads as text.
    expect(PAYLOADS.filter((p) => library.includes(oneLine(p.text))).length).toBeGreaterThan(5);

    await page.goto(`${host.url}#/search?q=xsstoken`);
    await page.getByText('xsstoken').first().waitFor();
    const search = await inspect(page, 'search results', { ownScripts: true });
    expect(search).toContain('onerror=window.__xss=2');

    for (const p of PAYLOADS) {
      await page.goto(`${host.url}#/article/${encodeURIComponent(docs.get(p.id)!.id)}`);
      await page.getByText(`bulletin number ${p.id} was published`).first().waitFor();
      const text = await inspect(page, `article ${p.id} (${p.kind})`, { ownScripts: true });
      // The payload's working part is on screen, as text (the ingester may normalize spaces and invisible characters).
      expect([`__xss=${p.id}`, `${MARKER_HOST}/${p.id}`, `alert(${p.id})`, oneLine(p.text).slice(0, 30)].some((k) => text.includes(k)), `article ${p.id} shows its payload`).toBe(true);
    }
    expect(watch.failures.slice(mark)).toEqual([]);
  });

  it('notes, tags, article notes and a colour label written through the storage module render as text', async () => {
    await page.goto(`${host.url}harness/`);
    await page.waitForFunction(() => (globalThis as unknown as { document: { body: { dataset: Record<string, string> } } }).document.body.dataset.ready === 'yes');
    const items = PAYLOADS.map((p) => {
      const a = annotationOn(p, 'unused');
      return { docId: a.docId, exact: a.quote.exact, start: a.position.start, note: `Note ${p.id}: ${p.text}`, tags: [p.text.slice(0, 80)], docNote: p.text, docTags: [`doc ${p.text}`.slice(0, 80)] };
    });
    const r = await page.evaluate(
      ({ items, label }) => (globalThis as unknown as { __harness: { xss: { writeNotes(i: unknown, l: string): Promise<{ saved: number; refused: string[] }> } } }).__harness.xss.writeNotes(items, label),
      { items, label: '<img src=x onerror=window.__xss=99>' },
    );
    expect(r.refused).toEqual([]);
    expect(r.saved).toBe(PAYLOADS.length);
    await inspect(page, 'harness', { ownScripts: true });
    expect(watch.failures.slice(mark)).toEqual([]);
  });

  it('notes and tags typed through the reader UI (toolbar, note editor, tags field) render as text', async () => {
    const typed = SOAK ? PAYLOADS : PAYLOADS.filter((_, i) => i % 5 === 0);
    for (const p of typed) {
      const doc = docs.get(p.id)!;
      const paragraph = doc.paragraphs.findIndex((x) => x.text.includes(`bulletin number ${p.id} was published`));
      const phrase = `bulletin number ${p.id} was published`;
      await page.goto(`${host.url}#/article/${encodeURIComponent(doc.id)}`);
      await page.getByText(phrase).waitFor();
      const selected = await page.evaluate(
        ([index, phrase]) => {
          type N = { textContent: string | null };
          const w = globalThis as unknown as {
            document: { querySelector(s: string): { firstChild: N | null } | null; createRange(): { setStart(n: N, o: number): void; setEnd(n: N, o: number): void } };
            getSelection(): { removeAllRanges(): void; addRange(r: unknown): void } | null;
          };
          const text = w.document.querySelector(`[data-paragraph="${index}"]`)?.firstChild;
          const at = text?.textContent?.indexOf(phrase as string) ?? -1;
          if (!text || at < 0) return false;
          const range = w.document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + (phrase as string).length);
          w.getSelection()?.removeAllRanges();
          w.getSelection()?.addRange(range);
          return true;
        },
        [paragraph, phrase] as const,
      );
      expect(selected, `select "${phrase}"`).toBe(true);
      const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
      await toolbar.getByRole('button', { name: 'Add note', exact: true }).click();
      const sidebar = page.getByRole('complementary', { name: 'Annotations' });
      await sidebar.getByRole('textbox', { name: 'Note', exact: true }).fill(`Typed ${p.id}: ${p.text}`);
      await sidebar.getByText('Saved', { exact: true }).waitFor();
      const tags = sidebar.getByRole('combobox', { name: 'Tags', exact: true }).first();
      await tags.fill(`typed ${p.text}`.slice(0, 60));
      await tags.press('Enter');
      await inspect(page, `typing into article ${p.id} (${p.kind})`, { ownScripts: true });
      // Reopen: the saved note and tag are shown from the database.
      await page.reload();
      await sidebar.getByText(`Typed ${p.id}:`).first().waitFor();
      await inspect(page, `article ${p.id} with a typed note (${p.kind})`, { ownScripts: true });
    }
    expect(watch.failures.slice(mark)).toEqual([]);
  });

  it('a backup file and a W3C annotation file with payloads go in through the UI', async () => {
    const backupRows = PAYLOADS.map((p) => annotationOn(p, `backup-${p.id}`));
    const backup = createBackup(
      {
        annotations: backupRows,
        docState: [],
        tags: PAYLOADS.map((p) => ({ name: `bk ${p.text}`.slice(0, 80), color: '#123456', created: '2025-01-01T00:00:00.000Z' })),
        settings: [],
      },
      { appVersion: '<script>window.__xss=100</script>' },
    );
    const w3cRows = PAYLOADS.map((p) => ({ ...annotationOn(p, `w3c-${p.id}`), note: `W3C note ${p.id}: ${p.text}`, tags: [`w3c ${p.text}`.slice(0, 80)] }));
    const w3c = exportSync('json', { annotations: w3cRows, docs: new Map([...docs.values()].map((d) => [d.id, d])), title: '<svg onload=window.__xss=101>' }).text;

    await page.goto(`${host.url}#/settings`);
    await page.getByLabel('Restore from file').setInputFiles({ name: 'payloads-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await page.getByRole('button', { name: 'Merge into my notes' }).click();
    await page.getByText('Restored (merge)').waitFor();
    await page.getByLabel('Import annotations').setInputFiles({ name: 'payloads.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(w3c) });
    await page.getByRole('button', { name: `Add ${PAYLOADS.length} annotation(s)` }).click();
    await page.getByText('Imported:').waitFor();
    const settings = await inspect(page, 'settings (tag manager, colour labels, backups)', { ownScripts: true });
    expect(settings).toContain('bk <script>window.__xss=1</script>');
    expect(watch.failures.slice(mark)).toEqual([]);
  });

  it('the Notebook and every article with its notes run nothing', async () => {
    await page.goto(`${host.url}#/notebook`);
    await page.getByText('Imported note 1:').first().waitFor();
    const notebook = await inspect(page, 'notebook', { ownScripts: true });
    // The list is virtualized: the notes on screen show their payloads as text.
    expect(notebook).toMatch(/(Imported note|W3C note|Note|Typed) \d+: [^\n]*__xss=/);
    for (const p of PAYLOADS) {
      await page.goto(`${host.url}#/article/${encodeURIComponent(docs.get(p.id)!.id)}`);
      await page.getByText(`bulletin number ${p.id} was published`).first().waitFor();
      await page.locator('aside[aria-label="Annotations"]').getByText(`Note ${p.id}:`).first().waitFor();
      await inspect(page, `article ${p.id} with notes (${p.kind})`, { ownScripts: true });
    }
    expect(watch.failures.slice(mark)).toEqual([]);
  });

  it('every export format, made through the Export dialog, carries the payloads as inert text', async () => {
    const out = tmp('xss-exports-');
    await page.goto(`${host.url}#/notebook`);
    await page.getByText('Imported note 1:').first().waitFor();
    for (const [format, label] of [
      ['md', 'Markdown (Obsidian)'],
      ['html', 'HTML (printable)'],
      ['json', 'W3C Web Annotation (JSON-LD)'],
      ['csv', 'CSV (spreadsheet)'],
      ['csl', 'CSL-JSON (Zotero)'],
    ] as const) {
      await page.keyboard.press('Control+e');
      const dialog = page.getByRole('dialog', { name: 'Export excerpts' });
      await dialog.getByRole('radio', { name: 'Everything' }).check();
      await dialog.getByRole('radio', { name: label }).check();
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
      const file = join(out, `${format}-${download.suggestedFilename()}`);
      await download.saveAs(file);
      downloads.set(format, file);
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    await inspect(page, 'notebook after exports', { ownScripts: true });
    expect([...downloads.keys()]).toEqual(['md', 'html', 'json', 'csv', 'csl']);

    const json = JSON.parse(readFileSync(downloads.get('json')!, 'utf8')) as unknown;
    const jsonText = JSON.stringify(json);
    expect(jsonText).toContain(JSON.stringify('<script>window.__xss=1</script>').slice(1, -1));
    const csl = JSON.parse(readFileSync(downloads.get('csl')!, 'utf8')) as { title?: string }[];
    expect(csl.some((c) => c.title?.includes('<script>window.__xss=1</script>'))).toBe(true);
    const csv = readFileSync(downloads.get('csv')!, 'utf8');
    expect(csv).toContain('onerror=window.__xss=2');
    // Spreadsheet formulas: no cell may start with = + - @ (they are prefixed so a spreadsheet shows them as text).
    const cells = csv.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)|\r?\n/).map((c) => c.replace(/^"|"$/g, ''));
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it('the exported HTML, opened from disk (and even with its CSP bypassed), runs nothing', async () => {
    const file = downloads.get('html')!;
    for (const bypassCSP of [false, true]) {
      const ctx = await browser.newContext({ bypassCSP });
      await installSpies(ctx, pathToFileURL(file).href);
      const p = await ctx.newPage();
      await p.goto(pathToFileURL(file).href);
      await p.waitForTimeout(300);
      const text = await inspect(p, `exported HTML${bypassCSP ? ' (CSP bypassed)' : ''}`, { ownScripts: false });
      expect(text).toContain('<script>window.__xss=1</script>');
      await ctx.close();
    }
    expect(watch.failures.slice(mark)).toEqual([]);
  });

  it('the exported Markdown, rendered by a permissive viewer (raw HTML on, CSP bypassed), runs nothing', async () => {
    const md = readFileSync(downloads.get('md')!, 'utf8');
    const html = new MarkdownIt({ html: true, linkify: true }).render(md.replace(/^---\n[\s\S]*?\n---\n/, ''));
    const dir = tmp('xss-md-');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'rendered.html');
    writeFileSync(file, `<!doctype html><meta charset="utf-8"><body>${html}</body>`);
    const ctx = await browser.newContext({ bypassCSP: true });
    await installSpies(ctx, pathToFileURL(file).href);
    const p = await ctx.newPage();
    await p.goto(pathToFileURL(file).href);
    await p.waitForTimeout(300);
    const text = await inspect(p, 'exported Markdown rendered with raw HTML', { ownScripts: false });
    expect(text).toContain('window.__xss=1');
    await ctx.close();
    expect(watch.failures.slice(mark)).toEqual([]);
  });

  it('control: the detectors do notice a payload that runs (rendered unsafely on purpose)', async () => {
    const ctx = await browser.newContext();
    await installSpies(ctx, null);
    const p = await ctx.newPage();
    const dialogShown = new Promise<void>((r) => p.once('dialog', () => r()));
    // innerHTML of two payloads: what a renderer without escaping or sanitizing would do.
    await p.setContent(`<p>${PAYLOADS[1].text} ${PAYLOADS.find((x) => x.kind === 'alert dialog')!.text}</p>`);
    await dialogShown;
    await inspect(p, 'control', { ownScripts: false });
    await ctx.close();
    const caught = watch.failures.splice(mark);
    expect(caught.some((f) => f.includes('payload 2 RAN'))).toBe(true);
    expect(caught.some((f) => f.startsWith('dialog (alert)'))).toBe(true);
    expect(caught.some((f) => f.includes('onerror on img'))).toBe(true);
  });

  it('reports: no payload ran or navigated; CSP violations counted', () => {
    console.log(
      `XSS suite: ${PAYLOADS.length} payloads x (article title, article body, search snippet, note, tag, article note, article tag, colour label, ` +
        `note and tag typed in the UI, backup file, W3C import, 5 export formats); page checks ${watch.checks}; ran 0 expected, found ${watch.failures.filter((f) => f.includes('RAN')).length}; ` +
        `other failures ${watch.failures.length}; CSP violations reported ${watch.csp.length}${watch.csp.length ? ` (first: ${watch.csp[0]})` : ''}`,
    );
    expect(watch.failures).toEqual([]);
    expect(watch.checks).toBeGreaterThan(PAYLOADS.length * 2);
  });
});
