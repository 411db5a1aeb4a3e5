/**
 * The export dialog in Chromium: pick a scope and a format, export, and the
 * saver receives the file; progress shows for a large export; an empty scope
 * and a failed save say so.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import { err, ok } from '../../../../src-main/shared/result';
import type { Annotation } from '../../../../src-main/shared/notes/annotation-model';
import { FIXTURE_ANNOTATIONS, FIXTURE_DOCS } from '../../../../src-main/shared/notes/test-fixtures';
import type { ExportFile } from '../../../../src-main/shared/notes/types';
import '../../styles/index.css';
import { ExportDialog, type ExportScope } from './ExportDialog';
import type { SaveExportFile } from './deliver-file';
import type { PrintPdf } from './print-pdf';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
});

async function mount(scopes: ExportScope[], save: SaveExportFile, printPdf?: PrintPdf) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () =>
    root!.render(
      <ExportDialog
        scopes={scopes}
        loadDocs={async () => ok(new Map(FIXTURE_DOCS.map((d) => [d.id, d])))}
        linkBase="http://127.0.0.1:5174/#"
        appVersion="0.1.0"
        save={save}
        printPdf={printPdf}
        onClose={() => undefined}
      />,
    ),
  );
}

const click = (el: Element | null | undefined) => act(async () => (el as HTMLElement).click());
const byText = (text: string) => [...host.querySelectorAll('button, label')].find((b) => b.textContent?.trim() === text);

it('exports the chosen scope as CSV through the saver', async () => {
  const saved: ExportFile[] = [];
  const tagged: Annotation[] = FIXTURE_ANNOTATIONS.filter((a) => a.tags.includes('summit'));
  await mount(
    [
      { id: 'selection', label: 'Selected in the Notebook (2)', load: async () => tagged },
      { id: 'everything', label: 'Everything', load: async () => FIXTURE_ANNOTATIONS },
    ],
    async (f) => (saved.push(f), ok({ savedAs: f.fileName })),
  );
  expect(host.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby')).toBeTruthy();
  await click(byText('CSV (spreadsheet)'));
  await click(byText('Export'));
  await expect.poll(() => saved.length).toBe(1);
  expect(saved[0].mimeType).toBe('text/csv');
  expect(saved[0].text.trim().split('\r\n')).toHaveLength(3);
  expect(saved[0].text).toContain('http://127.0.0.1:5174/#article/csto-2013-05-28-minsk?annotation=a1-plain');
  expect(host.querySelector('[role="status"]')?.textContent).toMatch(/Exported 2 excerpts to /);
});

it('shows progress on a large export and reports a failed save', async () => {
  const many = Array.from({ length: 3000 }, (_, i) => ({ ...FIXTURE_ANNOTATIONS[0], id: `n${i}` }));
  let sawProgress = false;
  await mount([{ id: 'everything', label: 'Everything', load: async () => many }], async () => {
    sawProgress = true;
    return err('io', 'disk full');
  });
  await click(byText('HTML (printable)'));
  const seen: number[] = [];
  const observer = new MutationObserver(() => {
    const p = host.querySelector('progress');
    if (p) seen.push(Number(p.value));
  });
  observer.observe(host, { subtree: true, childList: true, attributes: true });
  await click(byText('Export'));
  await expect.poll(() => host.querySelector('[role="alert"]')?.textContent ?? '').toMatch(/Not saved: disk full/);
  observer.disconnect();
  expect(sawProgress).toBe(true);
  expect(seen.some((v) => v > 0 && v < 3000)).toBe(true);
});

it('says so when there is nothing to export', async () => {
  await mount([{ id: 'article', label: 'This article', load: async () => [] }], async () => ok({ savedAs: 'x' }));
  await click(byText('Export'));
  await expect.poll(() => host.querySelector('[role="alert"]')?.textContent ?? '').toMatch(/nothing to export/);
});

it('offers PDF only with a printer, hands it the HTML export, and shows its hint', async () => {
  const scopes: ExportScope[] = [{ id: 'everything', label: 'Everything', load: async () => FIXTURE_ANNOTATIONS }];
  await mount(scopes, async (f) => ok({ savedAs: f.fileName }));
  expect(byText('PDF (printed from the HTML)')).toBeUndefined();
  act(() => root?.unmount());
  host.remove();

  const printed: ExportFile[] = [];
  const saved: ExportFile[] = [];
  await mount(
    scopes,
    async (f) => (saved.push(f), ok({ savedAs: f.fileName })),
    async (f) => (printed.push(f), ok({ savedAs: 'a new window', hint: 'In the print dialog, choose “Save as PDF”.' })),
  );
  await click(byText('PDF (printed from the HTML)'));
  await click(byText('Export'));
  await expect.poll(() => printed.length).toBe(1);
  expect(saved).toEqual([]);
  expect(printed[0]!.mimeType).toBe('text/html');
  expect(printed[0]!.text).toMatch(/^<!doctype html>/i);
  await expect.poll(() => host.querySelector('[role="status"]')?.textContent).toContain('Save as PDF');
});
