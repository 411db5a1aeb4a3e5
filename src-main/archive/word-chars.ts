/**
 * "Is this UTF-16 code unit a letter or a digit?" ([\p{L}\p{N}] with the u
 * flag), answered from a 64 KB table instead of a Unicode-property regex.
 * Ingestion asks it of every character of every article (facet aliases,
 * duplicate keys); a regex with \p{..} classes was a large share of an
 * ingest's time, a table lookup is a load.
 *
 * Only code units outside the surrogate range are answered: a letter beyond
 * the Basic Multilingual Plane is a surrogate pair, one code point to the
 * regex and two units here, so callers take their regex path for a text
 * holding any surrogate (hasSurrogate), and the answers stay the regex's.
 */

const WORD_UNIT = new Uint8Array(0x10000);
{
  const re = /^[\p{L}\p{N}]$/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (re.test(String.fromCharCode(c))) WORD_UNIT[c] = 1;
  }
}

/** True when the code unit is a letter or a digit (never for a surrogate: see hasSurrogate). */
export function isWordUnit(c: number): boolean {
  return WORD_UNIT[c] === 1;
}

const SURROGATE = /[\ud800-\udfff]/;

/** A text with a surrogate (a character beyond the BMP, or a lone half) is not for the table. */
export function hasSurrogate(s: string): boolean {
  return SURROGATE.test(s);
}
