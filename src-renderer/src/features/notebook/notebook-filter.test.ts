import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../src-main/shared/notes/annotation-model';
import { EMPTY_FILTER, filterAnnotations, type DocInfo } from './notebook-filter';

function ann(id: string, o: Partial<Annotation>): Annotation {
  return {
    id,
    archiveId: 'bundled',
    docId: 'd1',
    color: 'yellow',
    quote: { type: 'TextQuoteSelector', exact: 'quote', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 5 },
    textHash: '',
    note: '',
    tags: [],
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
    ...o,
  };
}

const rows = [
  ann('a', { docId: 'd2', color: 'pink', note: 'Why did **Armenia** object?', tags: ['Question'], created: '2024-03-05T10:00:00.000Z', modified: '2024-06-01T00:00:00.000Z', position: { type: 'TextPositionSelector', start: 50, end: 60 } }),
  ann('b', { docId: 'd1', color: 'yellow', quote: { type: 'TextQuoteSelector', exact: 'The Collective Security Council met in Minsk', prefix: '', suffix: '' }, tags: ['summit'], created: '2024-02-01T10:00:00.000Z', modified: '2024-02-01T10:00:00.000Z' }),
  ann('c', { docId: 'd2', color: 'pink', note: 'Élysée statement', tags: ['summit', 'France'], created: '2024-04-01T10:00:00.000Z', modified: '2024-04-02T00:00:00.000Z', position: { type: 'TextPositionSelector', start: 5, end: 9 } }),
];
const docs = new Map<string, DocInfo>([
  ['d1', { id: 'd1', title: 'Minsk session', published: '2017-11-30' }],
  ['d2', { id: 'd2', title: 'Almaty meeting', published: '2024-06-06' }],
]);
const ids = (r: Annotation[]) => r.map((a) => a.id);

describe('notebook filter', () => {
  it('lists everything, newest first, by default', () => {
    expect(ids(filterAnnotations(rows, EMPTY_FILTER, docs))).toEqual(['c', 'a', 'b']);
  });
  it('filters by colour, tag (any case), article and date', () => {
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, color: 'pink' }, docs))).toEqual(['c', 'a']);
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, tag: 'SUMMIT' }, docs))).toEqual(['c', 'b']);
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, docId: 'd1' }, docs))).toEqual(['b']);
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, from: '2024-03-01', to: '2024-03-31' }, docs))).toEqual(['a']);
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, color: 'green' }, docs))).toEqual([]);
  });
  it('searches quotes, notes and tags, every word, ignoring case and accents', () => {
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, query: 'armenia object' }, docs))).toEqual(['a']);
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, query: 'council minsk' }, docs))).toEqual(['b']);
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, query: 'elysee' }, docs))).toEqual(['c']);
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, query: 'france' }, docs))).toEqual(['c']);
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, query: 'armenia minsk' }, docs))).toEqual([]);
  });
  it('sorts by article title then position, or by date modified', () => {
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, sort: 'article' }, docs))).toEqual(['c', 'a', 'b']);
    expect(ids(filterAnnotations(rows, { ...EMPTY_FILTER, sort: 'modified' }, docs))).toEqual(['a', 'c', 'b']);
  });
});
