/**
 * PDF export: the HTML export printed to PDF. In Electron the main process
 * prints it in a hidden, script-less window (contract: printToPdf) and the
 * PDF is saved through saveFile; a browser host cannot print for us, so the
 * HTML opens in a new window with the browser's print dialog, where the
 * person picks "Save as PDF". The one place that makes that choice.
 */
import type { ApiClient, SaveFileResponse } from '../../../../src-main/shared/contract';
import { err, ok, type Result } from '../../../../src-main/shared/result';
import type { ExportFile } from '../../../../src-main/shared/notes/types';

/** Where the PDF went, with what to pick in the print dialog when the browser prints it. */
export type PdfDone = SaveFileResponse;

export type PrintPdf = (html: ExportFile) => Promise<Result<PdfDone>>;

const pdfName = (htmlName: string) => htmlName.replace(/\.html?$/i, '') + '.pdf';

export async function printPdfInElectron(html: ExportFile, client: Pick<ApiClient, 'printToPdf' | 'saveFile'>): Promise<Result<PdfDone>> {
  const printed = await client.printToPdf({ html: html.text });
  if (!printed.ok) return printed;
  const saved = await client.saveFile({ suggestedName: pdfName(html.fileName), mimeType: 'application/pdf', data: printed.value.data, encoding: 'base64' });
  return saved.ok ? ok({ savedAs: saved.value.savedAs }) : saved;
}

/** Opens the HTML (a same-origin blob: page, nothing in it runs) in a new window and asks it to print. */
export function printPdfInBrowser(html: ExportFile, win: Pick<Window, 'open'> = window): Promise<Result<PdfDone>> {
  const url = URL.createObjectURL(new Blob([html.text], { type: 'text/html;charset=utf-8' }));
  const w = win.open(url, '_blank');
  if (!w) {
    URL.revokeObjectURL(url);
    return Promise.resolve(err('unsupported', 'The browser blocked the print window. Allow pop-ups for this page, or export HTML and print it.'));
  }
  const print = () => {
    try {
      w.focus();
      w.print();
    } catch {
      // The window is still open with the document: the person can print it from there.
    }
  };
  if (w.document?.readyState === 'complete' && w.location.href === url) print();
  else w.addEventListener('load', print, { once: true });
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return Promise.resolve(ok({ savedAs: 'a new window', hint: 'In the print dialog, choose “Save as PDF”.' }));
}

export function pdfPrinter(host: 'electron' | 'web', client: Pick<ApiClient, 'printToPdf' | 'saveFile'>): PrintPdf {
  return (html) => (host === 'electron' ? printPdfInElectron(html, client) : printPdfInBrowser(html));
}
