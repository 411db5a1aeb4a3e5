/**
 * The search thread's warm-up (warm-up.ts): queries made from an archive's
 * own commonest words, in whatever language it is written, that run the
 * search path a person's typing will run, and that stop the moment a person
 * searches.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { buildIndex, loadEngine, type EngineDoc } from './engine';
import { runSearch } from './search-service';
import { warmUp, warmUpQueries } from './warm-up';
import { removeDir, tempDir } from '../test/helpers';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

async function engineOf(docs: EngineDoc[]) {
  const dir = await tempDir('warm-up-');
  dirs.push(dir);
  await buildIndex(docs, dir);
  return loadEngine(dir);
}

describe('commonTerms', () => {
  test('lists the terms most documents hold, most first, as the index analysed them', async () => {
    const docs: EngineDoc[] = [];
    for (let i = 0; i < 12; i++) {
      const words = ['treaty'];
      if (i < 9) words.push('borders');
      if (i < 5) words.push('exercises');
      if (i === 0) words.push('helicopter');
      docs.push({ id: `d${i}`, title: `Report ${i}`, body: words.join(' '), facets: '' });
    }
    const engine = await engineOf(docs);
    // "report" is in every title, "treati" in every body; stemmed as the index holds them.
    expect(engine.commonTerms(4)).toEqual(['report', 'treati', 'border', 'exercis']);
    expect(engine.commonTerms(1)).toEqual(['report']);
    expect(engine.commonTerms(100)).toHaveLength(new Set(engine.commonTerms(100)).size);
  });
});

describe('warmUpQueries', () => {
  test('makes every query shape from the commonest words, skipping short words and numbers', () => {
    const qs = warmUpQueries(['of', '2019', 'security', 'border', 'treaty', 'forces']);
    expect(qs).toContain('security');
    expect(qs).toContain('security border');
    expect(qs).toContain('treaty forces');
    expect(qs).toContain('securi'); // a word still being typed: the spelling retry runs
    expect(qs).toContain('seucrity'); // a misspelling
    expect(qs).toContain('"security border"');
    expect(qs).toContain('title:border');
    expect(qs).toContain('+security -treaty');
    expect(qs.join(' ')).not.toMatch(/\b(of|2019)\b/);
  });

  test('works from Russian words, and from too few words', () => {
    expect(warmUpQueries(['границ', 'безопасн'])).toContain('границ безопасн');
    expect(warmUpQueries(['мир'])).toEqual([]);
    expect(warmUpQueries([])).toEqual([]);
  });
});

describe('warmUp', () => {
  test('runs real searches over the archive, and stops when a person searches', async () => {
    const docs: EngineDoc[] = Array.from({ length: 30 }, (_, i) => ({ id: `d${i}`, title: `Border report ${i}`, body: `Security forces at the border, exercise ${i}.`, facets: '' }));
    const engine = await engineOf(docs);
    const summaries = new Map(docs.map((d) => [d.id, { id: d.id, title: d.title, kind: 'article' as const, published: null, eventDate: null, year: null }]));
    const deps = { engine: async () => engine, summary: (id: string) => summaries.get(id), parts: () => undefined };
    const answered: number[] = [];
    const queries = warmUpQueries(engine.commonTerms(8));
    const ran = await warmUp(queries, async (query) => answered.push((await runSearch({ query, limit: 10 }, deps)).total), () => false);
    expect(ran).toBe(queries.length * 2);
    expect(answered.some((n) => n > 0)).toBe(true);

    let searchedAfter = 3;
    const stopped = await warmUp(queries, async () => searchedAfter--, () => searchedAfter <= 0);
    expect(stopped).toBe(3);
  });
});
