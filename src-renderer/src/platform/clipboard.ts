/**
 * "Copy with citation" onto the clipboard as both HTML (pastes with the quote
 * formatted and the title linked) and plain text, falling back to text alone
 * where rich clipboard items are not allowed.
 */
import type { ClipboardPayload } from '../../../src-main/shared/notes/citation';

export async function copyRich(payload: ClipboardPayload): Promise<boolean> {
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([payload.text], { type: 'text/plain' }),
          'text/html': new Blob([payload.html], { type: 'text/html' }),
        }),
      ]);
      return true;
    }
  } catch {
    // fall through to plain text
  }
  try {
    await navigator.clipboard.writeText(payload.text);
    return true;
  } catch {
    return false;
  }
}
