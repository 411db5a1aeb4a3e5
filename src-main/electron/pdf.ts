/**
 * HTML export -> PDF in Electron (printToPdf). The HTML holds quotes and notes
 * the person (or an imported file) wrote, so it is printed the way a hostile
 * page would be: in a hidden window with JavaScript switched off, sandboxed,
 * without a preload, in its own in-memory session (no access to app://archive,
 * the notes' IndexedDB or any cookie), where every request but the page itself
 * and data: URLs is cancelled and every permission denied. The page is served
 * from app://pdf-export/<random>.html by that session only, with a CSP that
 * allows no script at all, and the window is destroyed when the PDF is made.
 *
 * In a browser the renderer prints the same HTML through the browser's own
 * print dialog ("Save as PDF"); the web host answers printToPdf `unsupported`.
 */
import { BrowserWindow, session as sessions, type Session } from 'electron';
import { randomBytes } from 'node:crypto';
import type { PrintToPdfRequest, PrintToPdfResponse } from '../shared/contract';
import { err, ok, type Result } from '../shared/result';
import { APP_PROTOCOL } from '../shared/origin';

export const PDF_PARTITION = 'pdf-export';
export const PDF_HOST = 'pdf-export';
/** Nothing runs, nothing loads from anywhere: styles inline, images and fonts only as data: URLs. */
export const PDF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'; base-uri 'none'";
/** A page that has not loaded by then is given up on. */
export const PDF_LOAD_TIMEOUT_MS = 30_000;

const pages = new Map<string, string>();
let pdfSession: Session | null = null;

/** The print session, hardened once. */
export function printSession(): Session {
  if (pdfSession) return pdfSession;
  const ses = sessions.fromPartition(PDF_PARTITION, { cache: false });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(pages.has(details.url) || details.url.startsWith('data:')) });
  });
  ses.protocol.handle(APP_PROTOCOL, (request) => {
    const html = request.method === 'GET' ? pages.get(request.url) : undefined;
    const headers = { 'Content-Security-Policy': PDF_CSP, 'X-Content-Type-Options': 'nosniff' };
    if (html === undefined) return new Response('Not found.', { status: 404, headers });
    return new Response(html, { status: 200, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
  });
  pdfSession = ses;
  return ses;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    }),
  ]);
}

export async function printToPdf(req: PrintToPdfRequest, timeoutMs = PDF_LOAD_TIMEOUT_MS): Promise<Result<PrintToPdfResponse>> {
  const ses = printSession();
  const url = `${APP_PROTOCOL}://${PDF_HOST}/${randomBytes(16).toString('hex')}.html`;
  pages.set(url, req.html);
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      session: ses,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await withTimeout(win.loadURL(url), timeoutMs, 'Loading the page to print');
    const pdf = await withTimeout(
      win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true, generateDocumentOutline: true }),
      timeoutMs,
      'Printing',
    );
    return ok({ data: Buffer.from(pdf).toString('base64'), bytes: pdf.length });
  } catch (e) {
    return err('io', `The PDF could not be made: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    pages.delete(url);
    if (!win.isDestroyed()) win.destroy();
  }
}
