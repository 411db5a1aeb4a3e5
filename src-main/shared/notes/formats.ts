/**
 * The export formats by name: what the dialog lists, what the CLI's --format
 * takes, and one way to run any of them synchronously (CLI, tests) or in
 * chunks with progress (UI).
 */
import { csvRenderer } from './csv-export';
import { cslRenderer } from './csl-export';
import { exportContext, type ExportContext } from './export-context';
import { htmlRenderer } from './html-export';
import { markdownRenderer } from './markdown-export';
import { renderAsync, renderSync, type ItemRenderer } from './run-export';
import type { ExportFile, ExportFormat, ExportInput, ProgressCallback } from './types';
import { w3cRenderer } from './w3c-export';

export interface FormatInfo {
  id: ExportFormat;
  label: string;
  extension: string;
  mimeType: string;
  renderer(ctx: ExportContext): ItemRenderer<ExportInput['annotations'][number], unknown>;
}

export const FORMATS: readonly FormatInfo[] = [
  { id: 'md', label: 'Markdown (Obsidian)', extension: 'md', mimeType: 'text/markdown', renderer: markdownRenderer },
  { id: 'html', label: 'HTML (printable)', extension: 'html', mimeType: 'text/html', renderer: htmlRenderer },
  { id: 'json', label: 'W3C Web Annotation (JSON-LD)', extension: 'jsonld', mimeType: 'application/ld+json', renderer: w3cRenderer },
  { id: 'csv', label: 'CSV (spreadsheet)', extension: 'csv', mimeType: 'text/csv', renderer: csvRenderer },
  { id: 'csl', label: 'CSL-JSON (Zotero)', extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json', renderer: cslRenderer },
];

export function formatInfo(id: string): FormatInfo | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** A file name from the export's title: letters and digits of any script kept, the rest "-". */
export function exportFileName(title: string, format: ExportFormat): string {
  const base =
    title
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'excerpts';
  return `${base}.${formatInfo(format)!.extension}`;
}

function fileOf(format: FormatInfo, ctx: ExportContext, text: string): ExportFile {
  const name = format.id === 'csl' ? `${exportFileName(ctx.title, 'md').replace(/\.md$/, '')}.csl.json` : exportFileName(ctx.title, format.id);
  return { text, mimeType: format.mimeType, fileName: name };
}

export function exportSync(format: ExportFormat, input: ExportInput, onProgress?: ProgressCallback): ExportFile {
  const f = formatInfo(format);
  if (!f) throw new Error(`Unknown export format "${format}"`);
  const ctx = exportContext(input);
  return fileOf(f, ctx, renderSync(f.renderer(ctx), input.annotations, onProgress));
}

export async function exportAsync(
  format: ExportFormat,
  input: ExportInput,
  opts: { onProgress?: ProgressCallback; signal?: AbortSignal } = {},
): Promise<ExportFile> {
  const f = formatInfo(format);
  if (!f) throw new Error(`Unknown export format "${format}"`);
  const ctx = exportContext(input);
  return fileOf(f, ctx, await renderAsync(f.renderer(ctx), input.annotations, opts));
}
