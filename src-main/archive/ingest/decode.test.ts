import { describe, expect, test } from 'vitest';
import { decodeText, legacyEncoding } from './decode';
import { encodeLegacy } from '../test/generate-folder';

const RU = 'Депутаты городского совета утвердили бюджет на следующий год. Ёлки установят в декабре.';
const FR = 'Le café « crème » coûte 2,50 € — c’était moins cher l’été dernier, à Noël.';

describe('decoding a file whatever its encoding', () => {
  test('UTF-8 with and without a BOM, UTF-16 LE and BE with a BOM', () => {
    expect(decodeText(Buffer.from(RU))).toEqual({ text: RU, encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\ufeff' + RU))).toEqual({ text: RU, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FR, 'utf16le')]))).toEqual({ text: FR, encoding: 'utf-16le' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(FR, 'utf16le').swap16()]))).toEqual({ text: FR, encoding: 'utf-16be' });
  });

  test.each([
    ['windows-1252', FR],
    ['windows-1252', 'Prices rose to £4.20 a pint.'],
    ['windows-1251', RU],
    ['koi8-r', RU],
    ['windows-1251', 'СОВЕТ УТВЕРДИЛ БЮДЖЕТ. ' + RU],
  ] as const)('%s: detected and decoded (%s)', (encoding, text) => {
    const d = decodeText(encodeLegacy(text, encoding));
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(text);
    expect(d.warning).toBe(`not UTF-8: read as ${encoding}`);
  });

  test('an HTML page\'s declared charset decides between look-alikes', () => {
    expect(legacyEncoding(encodeLegacy(RU, 'koi8-r'), 'koi8-r')).toBe('koi8-r');
    expect(legacyEncoding(Buffer.from([0x41, 0xe9]), 'iso-8859-1')).toBe('windows-1252');
  });

  test('invalid UTF-8 in the middle of a UTF-8 file keeps the text, marks the damage and says where', () => {
    const good = Buffer.from(RU);
    const d = decodeText(Buffer.concat([good.subarray(0, 40), Buffer.from([0xff, 0xfe]), good.subarray(40)]));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(RU.slice(0, 21) + '\ufffd\ufffd' + RU.slice(21));
    expect(d.warning).toBe('invalid UTF-8 at byte 40 (2 damaged sequences shown as �)');
  });

  test('plain ASCII is UTF-8 with no warning', () => {
    expect(decodeText(Buffer.from('Plain text.'))).toEqual({ text: 'Plain text.', encoding: 'utf-8' });
  });
});
