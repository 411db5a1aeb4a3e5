/**
 * The "Mentions" combobox's choice of values: prefix before word start before
 * substring, ties by count; accents, case and Cyrillic ignored; never more
 * than the cap, shared fairly between groups, with the rest counted.
 */
import { describe, expect, test } from 'vitest';
import { matchFacets, type FacetValue } from './facet-match';

const people: FacetValue[] = [
  { value: 'Sergey Lavrov', count: 90 },
  { value: 'Lavrentiy Beria', count: 3 },
  { value: 'Lavrov', count: 12 },
  { value: 'Vladimir Putin', count: 200 },
  { value: 'Slavros', count: 50 },
];
const places: FacetValue[] = [
  { value: 'Москва', count: 40 },
  { value: 'São Paulo', count: 5 },
  { value: 'Minsk', count: 70 },
  { value: 'Ёлкино', count: 2 },
];
const organizations: FacetValue[] = [{ value: 'CSTO', count: 500 }];
const groups = [
  { id: 'people' as const, values: people },
  { id: 'places' as const, values: places },
  { id: 'organizations' as const, values: organizations },
];
const names = (g: { shown: FacetValue[] }) => g.shown.map((v) => v.value);

describe('matchFacets', () => {
  test('an empty query lists every group by count, most mentioned first', () => {
    const [p, pl, o] = matchFacets(groups, '  ', 60);
    expect(names(p!)).toEqual(['Vladimir Putin', 'Sergey Lavrov', 'Slavros', 'Lavrov', 'Lavrentiy Beria']);
    expect(names(pl!)).toEqual(['Minsk', 'Москва', 'São Paulo', 'Ёлкино']);
    expect(names(o!)).toEqual(['CSTO']);
    expect([p!.more, pl!.more, o!.more]).toEqual([0, 0, 0]);
  });

  test('values that start with the query come first, then a word that starts with it, then any other match; ties by count', () => {
    const [p] = matchFacets(groups, 'lav', 60);
    expect(names(p!)).toEqual(['Lavrov', 'Lavrentiy Beria', 'Sergey Lavrov', 'Slavros']);
  });

  test('case, accents and Cyrillic are matched as a person types them', () => {
    expect(names(matchFacets(groups, 'lavrov', 60)[0]!)).toEqual(['Lavrov', 'Sergey Lavrov']);
    expect(names(matchFacets(groups, 'москва', 60)[1]!)).toEqual(['Москва']);
    expect(names(matchFacets(groups, 'МОСК', 60)[1]!)).toEqual(['Москва']);
    expect(names(matchFacets(groups, 'sao', 60)[1]!)).toEqual(['São Paulo']);
    expect(names(matchFacets(groups, 'São p', 60)[1]!)).toEqual(['São Paulo']);
    expect(names(matchFacets(groups, 'елк', 60)[1]!)).toEqual(['Ёлкино']);
    expect(matchFacets(groups, 'zzz', 60).every((g) => g.shown.length === 0 && g.more === 0)).toBe(true);
  });

  test('never more than the cap: a short group gives its share to the others, and each says how many it left out', () => {
    const many = (prefix: string, n: number): FacetValue[] => Array.from({ length: n }, (_, i) => ({ value: `${prefix} ${i}`, count: n - i }));
    const big = [
      { id: 'people', values: many('Person', 20_000) },
      { id: 'places', values: many('Place', 3) },
      { id: 'organizations', values: many('Org', 500) },
    ];
    const r = matchFacets(big, '', 60);
    expect(r.map((g) => g.shown.length)).toEqual([29, 3, 28]);
    expect(r.map((g) => g.more)).toEqual([20_000 - 29, 0, 500 - 28]);
    expect(r[0]!.shown[0]).toEqual({ value: 'Person 0', count: 20_000 });

    const narrowed = matchFacets(big, 'person 1999', 60);
    expect(names(narrowed[0]!)).toEqual(['Person 1999', ...Array.from({ length: 10 }, (_, i) => `Person 1999${i}`)]);
    expect(narrowed[0]!.more).toBe(0);
  });
});
