/**
 * Any string a person can type is safe: search and findInDoc answer with a
 * well-formed result for every one of these, never an exception, and say
 * what they did (read literally, refused, shortened).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SearchResponse } from '../../shared/contract';
import type { ArchiveService } from '../types';
import { openBundledCopy } from './helpers';

const HOSTILE: string[] = [
  '', ' ', '\n\t', 'title:', 'body:', ':', '~', '+', '-', '^', '*', '**', '***', '*:*', 'a:b:c', 'foo~', 'foo~-1', 'foo~99', 'foo~1~2', 'foo^', 'foo^abc',
  'foo^-1', 'foo^0', 'unknown:field', 'TITLE:minsk', ':minsk', 'title:minsk:body', '+title:', '-title:minsk', '+-', '-+a', '--minsk', '-minsk', 'a -', '*a', '*ab',
  '*secur', 'a*', 's*e*c', 'title:*', 'body:~2', '"', '""', '" "', '"unclosed phrase', '"a" "b"', '-"collective security"', '+"csto"', '«граница»', 'минск~',
  '\\', '\\*', '(', ')', '[]', '{}', '%', '?', '!', '&&', '||', 'NOT', 'AND OR', '<script>alert(1)</script>', "'; DROP TABLE docs; --", '\u0000', '\u200b', '\ufeff',
  '🙂🔥', 'مرحبا', '中国', 'İstanbul', 'the', 'и', 'a'.repeat(999), 'a'.repeat(10_000), 'word '.repeat(500), '*'.repeat(300), 'x~2 '.repeat(60), '"'.repeat(101),
  'title:'.repeat(50), '%s%s%s%n', '${process.exit(1)}', '__proto__', 'constructor', 'hasOwnProperty', 'title:__proto__',
];

let archive: ArchiveService;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ archive, cleanup } = await openBundledCopy());
});
afterAll(() => cleanup());

function expectWellFormed(r: SearchResponse, query: string): void {
  expect(typeof r).toBe('object');
  expect(r.query).toBe(query);
  expect(['lunr', 'literal', 'fuzzy']).toContain(r.interpretedAs);
  expect(r.notice === null || (typeof r.notice === 'string' && r.notice.length > 0)).toBe(true);
  expect(Number.isInteger(r.total) && r.total >= 0).toBe(true);
  expect(Array.isArray(r.hits)).toBe(true);
  expect(r.hits.length).toBeLessThanOrEqual(r.total);
  expect(Number.isFinite(r.tookMs)).toBe(true);
  for (const h of r.hits) {
    expect(typeof h.id).toBe('string');
    expect(Number.isFinite(h.score)).toBe(true);
    for (const s of h.snippets) for (const [a, b] of s.highlights) expect(0 <= a && a < b && b <= s.text.length).toBe(true);
  }
}

test(`there are at least 40 hostile queries (${HOSTILE.length})`, () => {
  expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
});

describe('search never throws', () => {
  test.each(HOSTILE.map((q) => [JSON.stringify(q).slice(0, 60), q]))('%s', async (_label, q) => {
    const r = await archive.search({ query: q });
    expectWellFormed(r, q);
    const id = (await archive.list({})).items[0].id;
    const f = await archive.findInDoc(id, q);
    expect(f).toBeDefined();
    expect(Array.isArray(f!.matches)).toBe(true);
  });

  test('non-string input from an untyped caller', async () => {
    for (const q of [null, undefined, 42, {}, [], true]) {
      const r = await archive.search({ query: q as unknown as string, limit: 'x' as unknown as number, offset: -5, from: 'y' as unknown as number });
      expect(r.total).toBe(0);
      expect(r.hits).toEqual([]);
    }
    const bad = await archive.search(null as unknown as { query: string });
    expect(bad.hits).toEqual([]);
  });
});

describe('what the person is told', () => {
  test('invalid syntax is read literally and says so', async () => {
    for (const q of ['title:', 'foo~', 'a:b:c', '+', 'unknown:field']) {
      const r = await archive.search({ query: q });
      expect(r.interpretedAs, q).toBe('literal');
      expect(r.notice, q).toMatch(/Read literally because/);
    }
    const field = await archive.search({ query: 'unknown:minsk' });
    expect(field.notice).toMatch(/“unknown:” is not a field/);
    expect(field.total).toBeGreaterThan(0); // "unknown minsk" searched as words: Minsk is found
  });

  test('wildcards that would walk the whole vocabulary are refused with a message', async () => {
    for (const q of ['*', '*a', 'a*', '**']) {
      const r = await archive.search({ query: q });
      expect(r.total, q).toBe(0);
      expect(r.notice, q).toMatch(/left out/);
    }
    const ok = await archive.search({ query: '*gambetov' });
    expect(ok.total).toBeGreaterThan(0);
  });

  test('huge strings are refused, long word lists shortened, big edit distances capped', async () => {
    const huge = await archive.search({ query: 'a'.repeat(10_000) });
    expect(huge.notice).toMatch(/too long \(10,000 characters; the limit is 1,000\)/);
    const many = await archive.search({ query: Array.from({ length: 60 }, (_, i) => `minsk${i} bishkek`).join(' ') });
    expect(many.notice).toMatch(/first 32 words/);
    const fuzz = await archive.search({ query: 'bordyuzha~9' });
    expect(fuzz.notice).toMatch(/reduced to ~2 for “bordyuzha”/);
    expect((await archive.search({ query: `${'a'.repeat(40)}~2` })).notice).toMatch(/ignored .*too long/);
    expect(fuzz.total).toBeGreaterThan(0);
  });

  test('a query of stop words only finds nothing without an error', async () => {
    const r = await archive.search({ query: 'the' });
    expect(r.total).toBe(0);
  });
});
