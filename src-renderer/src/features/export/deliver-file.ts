/**
 * Where an exported file goes: through the contract's saveFile in Electron (a
 * save dialog in the main process), or as a download in a browser (the HTTP
 * host cannot show a dialog, and answers saveFile with "unsupported"). The one
 * place that makes that choice.
 */
import type { ApiClient, SaveFileResponse } from '../../../../src-main/shared/contract';
import { err, ok, type Result } from '../../../../src-main/shared/result';
import type { ExportFile } from '../../../../src-main/shared/notes/types';

export type SaveExportFile = (file: ExportFile) => Promise<Result<SaveFileResponse>>;

/** Save `file` the way this host can. */
export async function deliverFile(file: ExportFile, host: 'electron' | 'web', client: Pick<ApiClient, 'saveFile'>): Promise<Result<SaveFileResponse>> {
  if (host === 'electron') {
    return client.saveFile({ suggestedName: file.fileName, mimeType: file.mimeType, data: file.text, encoding: 'utf8' });
  }
  return downloadInBrowser(file);
}

/** Said after a download, which the page cannot place or show: where the browser puts it. */
export const DOWNLOAD_HINT = 'It is in your browser’s downloads (Ctrl+J shows them).';

/** A Blob download through a temporary <a download>; the object URL is released afterwards. */
export function downloadInBrowser(file: ExportFile): Promise<Result<SaveFileResponse>> {
  try {
    const blob = new Blob([file.text], { type: `${file.mimeType};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    // Give the browser time to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return Promise.resolve(ok({ savedAs: file.fileName, hint: DOWNLOAD_HINT }));
  } catch (e) {
    return Promise.resolve(err('io', `The download could not start: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/** A saver bound to one host and client, for the export dialog, dossier and backup panel props. */
export function fileSaver(host: 'electron' | 'web', client: Pick<ApiClient, 'saveFile'>): SaveExportFile {
  return (file) => deliverFile(file, host, client);
}
