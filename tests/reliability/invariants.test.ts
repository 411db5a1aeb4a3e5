/**
 * The fuzzers are only as good as their checks: each broken answer here must
 * be caught by invariants.ts (a checker that passes everything would make the
 * fuzz suites pass whatever search does).
 */
import { expect, test } from 'vitest';
import type { SearchResponse } from '../../src-main/shared/contract';
import type { Doc } from '../../src-main/shared/model';
import { findProblems, searchProblems } from './invariants';
import { makeRng, percentile } from './rng';
import { generateQuery } from './query-grammar';

const doc: Doc = {
  id: 'a-1', kind: 'article', title: 'Minsk summit', published: '2019-11-28', eventDate: null, source: 'a.txt', languages: ['en'], year: 2019,
  paragraphs: [{ text: 'Leaders met in Minsk.', lang: 'en' }, { text: 'They signed.', lang: 'en' }], facets: { people: [], places: [], organizations: [] }, textHash: 'x',
};
const docs = new Map([[doc.id, doc]]);
const good = (): SearchResponse => ({
  query: 'minsk', interpretedAs: 'lunr', notice: null, total: 1, offset: 0, tookMs: 1.5,
  hits: [{ id: 'a-1', title: 'Minsk summit', kind: 'article', published: '2019-11-28', eventDate: null, score: 1.2, snippets: [{ text: 'met in Minsk.', highlights: [[7, 12]], paragraph: 0, start: 8 }] }],
});

test('a sound answer passes', () => {
  expect(searchProblems(good(), { query: 'minsk' }, docs)).toEqual([]);
  expect(findProblems({ matches: [{ start: 15, end: 20 }], interpretedAs: 'lunr' }, doc)).toEqual([]);
});

test.each<[string, (r: SearchResponse) => void, RegExp]>([
  ['more hits than total', (r) => (r.total = 0), /hits 1 > total 0/],
  ['highlight past the snippet', (r) => (r.hits[0].snippets[0].highlights = [[7, 40]]), /outside snippet/],
  ['snippet not from the paragraph', (r) => (r.hits[0].snippets[0].start = 0), /not a passage/],
  ['unknown hit', (r) => (r.hits[0].id = 'zzz'), /not in the archive/],
  ['NaN score', (r) => (r.hits[0].score = NaN), /score NaN/],
  ['bad interpretation', (r) => ((r as { interpretedAs: string }).interpretedAs = 'regex'), /interpretedAs regex/],
  ['empty notice', (r) => (r.notice = ''), /notice/],
  ['query not echoed', (r) => (r.query = 'other'), /query not echoed/],
])('%s is caught', (_name, breakIt, problem) => {
  const r = good();
  breakIt(r);
  expect(searchProblems(r, { query: 'minsk' }, docs).join('; ')).toMatch(problem);
});

test('filters are checked', () => {
  expect(searchProblems(good(), { query: 'minsk', kind: 'brief' }, docs).join()).toMatch(/despite filter brief/);
  expect(searchProblems(good(), { query: 'minsk', from: 2020 }, docs).join()).toMatch(/< from 2020/);
});

test('findInDoc matches outside the text or on no letter are caught', () => {
  expect(findProblems({ matches: [{ start: 15, end: 999 }], interpretedAs: 'lunr' }, doc).join()).toMatch(/outside text/);
  expect(findProblems({ matches: [{ start: 20, end: 21 }], interpretedAs: 'lunr' }, doc).join()).toMatch(/no letter/);
  expect(findProblems(undefined, doc)).toHaveLength(1);
});

test('the same seed gives the same queries; percentiles are nearest-rank', () => {
  const a = Array.from({ length: 50 }, ((r) => () => generateQuery(r, ['minsk']).query)(makeRng(7)));
  const b = Array.from({ length: 50 }, ((r) => () => generateQuery(r, ['minsk']).query)(makeRng(7)));
  expect(a).toEqual(b);
  expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
  expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 99)).toBe(99);
});
