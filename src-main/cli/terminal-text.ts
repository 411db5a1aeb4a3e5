/**
 * Text from an archive or a file system (titles, paragraphs, snippets, file
 * names, ids) reaches a terminal only through forTerminal: escape sequences
 * (colour, cursor moves, window titles, hyperlinks, clipboard writes) and
 * every other control character are removed, and bidirectional overrides,
 * which can make text read differently from what it is, are dropped too.
 * JSON output needs none of this (JSON.stringify escapes controls).
 */

// ESC [ ... final byte (CSI); ESC ] ... BEL or ESC \ (OSC); ESC P/X/^/_ ... ESC \ (DCS, SOS, PM, APC); ESC + one byte.
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[\s\S]?|\u009b[0-?]*[ -/]*[@-~]/g;
// C0 and C1 controls (tab and newline handled by the caller's choice), DEL, bidi overrides and isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `s` safe to print: no escape sequences or control characters. With `oneLine`, newlines and tabs become spaces. */
export function forTerminal(s: string, { oneLine = true }: { oneLine?: boolean } = {}): string {
  const noEsc = String(s).replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
  return oneLine ? noEsc.replace(/[\t\n]+/g, ' ') : noEsc.replace(/\t/g, '    ');
}
