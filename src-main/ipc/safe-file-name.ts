/**
 * File names offered in a save dialog or a download (Electron's save dialog,
 * the browser's download): what a saveFile request's suggestedName becomes.
 */
import { API_LIMITS } from '../shared/api-requests';

/**
 * A file name safe to offer in a save dialog or a download: no folders, no
 * control or reserved characters, not empty, not a Windows device name.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(clean)) clean = `_${clean}`;
  return clean.slice(0, API_LIMITS.fileNameChars) || 'export';
}
