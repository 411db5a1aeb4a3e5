/**
 * What only the desktop host can do for the renderer: save a file through the
 * system's save dialog, and open an http(s) link in the system browser. The
 * arguments are already checked against the contract's schema (src-main/shared/api-requests.ts) by dispatch; failures come
 * back as Results (cancelled, io) the UI can show.
 */
import { dialog, shell, type BrowserWindow } from 'electron';
import { extname, join } from 'node:path';
import type { OpenExternalRequest, OpenExternalResponse, SaveFileRequest, SaveFileResponse } from '../shared/contract';
import { err, ok, type Result } from '../shared/result';
import { safeFileName } from '../ipc/safe-file-name';
import { writeFileSafely } from '../archive/store/safe-output';

export function makeSaveFile(getWindow: () => BrowserWindow | null, defaultDir: () => string) {
  return async (req: SaveFileRequest): Promise<Result<SaveFileResponse>> => {
    const name = safeFileName(req.suggestedName);
    const ext = extname(name).slice(1);
    const options = {
      title: 'Save export',
      defaultPath: join(defaultDir(), name),
      filters: ext ? [{ name: `${ext.toUpperCase()} file`, extensions: [ext] }, { name: 'All files', extensions: ['*'] }] : [],
    };
    const win = getWindow();
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return err('cancelled', 'Saving was cancelled.');
    try {
      const data = req.encoding === 'base64' ? Buffer.from(req.data, 'base64') : req.data;
      // The system dialog asked before replacing a file; written atomically, never into a folder or a device.
      await writeFileSafely(choice.filePath, data, { replaceConfirmed: true });
      return ok({ savedAs: choice.filePath });
    } catch (e) {
      return err('io', `The file could not be written to ${choice.filePath}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

export async function openExternal(req: OpenExternalRequest): Promise<Result<OpenExternalResponse>> {
  // validate.ts already limited this to http(s) and mailto; check again here because this is the line that leaves the app.
  const protocol = new URL(req.url).protocol;
  if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'mailto:') return err('invalid-argument', `Refusing to open ${protocol} links.`);
  try {
    // Electronegativity asks to review openExternal: the URL was checked to be http(s) without
    // credentials, or a plain mailto: (validate.ts and again above), the sender frame is ours (ipc-bridge.ts) and
    // the preload sends it only during a user activation.
    await shell.openExternal(req.url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return ok({ opened: true });
  } catch (e) {
    return err('io', `The link could not be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
}
