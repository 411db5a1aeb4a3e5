import { describe, expect, it } from 'vitest';
import { hasSurrogate, isWordUnit } from './word-chars';
import { exactKey } from './ingest/duplicates';
import { facetMentions } from './ingest/facets';

describe('the letter/digit table', () => {
  it('answers as [\\p{L}\\p{N}] does for every code unit outside the surrogates', () => {
    const re = /^[\p{L}\p{N}]$/u;
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (isWordUnit(c) !== re.test(String.fromCharCode(c))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
    expect(hasSurrogate('plain, Кириллица, Ελληνικά')).toBe(false);
    expect(hasSurrogate('math 𝐀')).toBe(true);
  });

  it('gives the exact-duplicate key the same words whatever the punctuation, in any script', () => {
    for (const [a, b] of [
      // (a run of other characters at either end counts as one space, as between words)
      ['“Москва” — talks, resumed.', '"москва" talks resumed!'],
      ['Ελληνικά: café № 5', 'ελληνικά café 5'],
      ['Beyond the plane: 𝐀lpha-beta', 'beyond the plane 𝐀lpha beta'],
    ]) {
      expect(exactKey('Title', [a])).toBe(exactKey('title', [b]));
      expect(exactKey('Title', [a])).not.toBe(exactKey('Title', [`${b}x`]));
    }
  });

  it('finds facet aliases at word starts only, longest first, in texts with and without surrogates', () => {
    for (const tail of ['', ' 𝐀']) {
      const m = facetMentions([`Delegations of the Russian Federation and Kazakhstan met in Moscow; NotRussia stayed.${tail}`]);
      expect(m.places).toEqual(['Russia', 'Kazakhstan', 'Moscow']);
    }
  });
});
