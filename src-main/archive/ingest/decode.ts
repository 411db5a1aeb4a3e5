/**
 * Bytes -> text, whatever encoding a person's archive was saved in. A file is
 * never skipped for its encoding alone: UTF-8 (with or without BOM) and UTF-16
 * with a BOM are read as such; a file that is not UTF-8 is one of the legacy
 * single-byte encodings news archives were saved in (Windows-1252/Latin-1 for
 * Western text, Windows-1251 or KOI8-R for Russian), told apart by a small
 * heuristic; a UTF-8 file with a few damaged bytes in the middle keeps its
 * text, the damaged bytes becoming U+FFFD, with a warning naming the byte.
 *
 * Decoding is Node's TextDecoder (full ICU), so only the choice is ours.
 */

export type LegacyEncoding = 'windows-1252' | 'windows-1251' | 'koi8-r';
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | LegacyEncoding;

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Set when the text was read but something in it was damaged. */
  warning?: string;
}

/** Decodes a file's bytes; `declared` is a charset the file itself names (an HTML meta tag), used when the bytes are not UTF-8. */
export function decodeText(buf: Uint8Array, declared?: string | null): Decoded {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return utf8(buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  return utf8(buf, declared);
}

function utf8(buf: Uint8Array, declared?: string | null): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // Not clean UTF-8: either UTF-8 with some damage, or a legacy encoding.
  }
  const { valid, invalid, firstInvalid } = utf8Sequences(buf);
  // Mostly well-formed multi-byte sequences: a UTF-8 file with damage, not a legacy one
  // (a legacy file's high bytes almost never happen to form valid UTF-8 sequences).
  if (valid >= 4 * invalid) {
    return {
      text: new TextDecoder('utf-8').decode(buf),
      encoding: 'utf-8',
      warning: `invalid UTF-8 at byte ${firstInvalid} (${invalid} damaged sequence${invalid === 1 ? '' : 's'} shown as �)`,
    };
  }
  const encoding = legacyEncoding(buf, declared);
  return { text: decodeLegacy(buf, encoding), encoding, warning: `not UTF-8: read as ${encoding}` };
}

/**
 * Windows-1252's 0x80-0x9F: curly quotes, dashes, the euro sign. Node 20's
 * TextDecoder('windows-1252') decodes them as Latin-1's C1 controls instead
 * (it takes a Latin-1 fast path), which would turn “quotes” into invisible
 * characters; these are mapped here, per the WHATWG table.
 */
const CP1252_C1: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d,
  0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

/** Decodes single-byte text in one of the legacy encodings. */
export function decodeLegacy(buf: Uint8Array, encoding: LegacyEncoding): string {
  const text = new TextDecoder(encoding).decode(buf);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_C1[c.charCodeAt(0)] ?? c.charCodeAt(0)));
}

/** Counts well-formed and broken multi-byte UTF-8 sequences. */
export function utf8Sequences(buf: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= buf.length;
    for (let k = 1; ok && k < len; k++) ok = (buf[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { valid, invalid, firstInvalid };
}

const LEGACY_LABELS: Record<string, LegacyEncoding> = {
  'windows-1252': 'windows-1252', 'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'iso-8859-15': 'windows-1252', 'us-ascii': 'windows-1252',
  'windows-1251': 'windows-1251', cp1251: 'windows-1251', 'koi8-r': 'koi8-r', 'koi8-u': 'koi8-r',
};

/**
 * Which single-byte encoding: Russian text is made of runs of high bytes (every
 * letter is one), Western text has a lone accented letter among ASCII ones. For
 * Russian, lowercase letters dominate running text: Windows-1251 puts them at
 * 0xE0-0xFF, KOI8-R at 0xC0-0xDF.
 */
export function legacyEncoding(buf: Uint8Array, declared?: string | null): LegacyEncoding {
  const named = declared ? LEGACY_LABELS[declared.trim().toLowerCase()] : undefined;
  if (named) return named;
  let high = 0;
  let adjacent = 0;
  let upperHalf = 0; // 0xE0-0xFF
  let lowerHalf = 0; // 0xC0-0xDF
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b < 0xc0) continue;
    high++;
    if (b >= 0xe0) upperHalf++;
    else lowerHalf++;
    if ((i > 0 && buf[i - 1] >= 0xc0) || (i + 1 < buf.length && buf[i + 1] >= 0xc0)) adjacent++;
  }
  if (high === 0 || adjacent / high < 0.5) return 'windows-1252';
  return upperHalf >= lowerHalf ? 'windows-1251' : 'koi8-r';
}
