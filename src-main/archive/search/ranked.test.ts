/**
 * RankedHits orders matches only as far as they are read: a bounded selection
 * for a first page, a full sort for deep pages. Whatever is read, in whatever
 * order, must equal one full sort by score (descending), ties by index order.
 */
import { expect, test } from 'vitest';
import { RankedHits } from './ranked';

function hits(n: number, seed: number) {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const docs = Uint32Array.from({ length: n }, (_, i) => (i * 7919) % n);
  const scores = Float64Array.from({ length: n }, () => Math.round(rnd() * 20) / 4); // many ties
  const ids = Array.from({ length: n }, (_, i) => `d${i}`);
  const ref = [...docs.keys()].sort((a, b) => scores[b] - scores[a] || docs[a] - docs[b]).map((p) => ({ id: ids[docs[p]], score: scores[p] }));
  return { ranked: new RankedHits(docs, scores, ids, (d) => [`t${d}`]), ref };
}

test('a first page, then deeper pages, then everything: always the full sort order', () => {
  const { ranked, ref } = hits(5000, 7);
  const plain = (from: number, to: number) => ranked.slice(from, to).map((h) => ({ id: h.id, score: h.score }));
  expect(plain(0, 20)).toEqual(ref.slice(0, 20));
  expect(plain(20, 40)).toEqual(ref.slice(20, 40));
  expect(plain(900, 950)).toEqual(ref.slice(900, 950));
  expect(plain(0, 5000)).toEqual(ref);
  expect(ranked.at(4999).id).toBe(ref[4999].id);
  expect(() => ranked.at(5000)).toThrow(RangeError);
});

test('filtering keeps the order; terms are made for the hits read', () => {
  const { ranked, ref } = hits(3000, 11);
  const even = ranked.filter((id) => Number(id.slice(1)) % 2 === 0);
  expect(even.length).toBe(1500);
  expect(even.slice(0, 30).map((h) => h.id)).toEqual(ref.filter((r) => Number(r.id.slice(1)) % 2 === 0).slice(0, 30).map((r) => r.id));
  const first = even.at(0);
  expect(first.terms).toEqual([`t${first.id.slice(1)}`]);
});
