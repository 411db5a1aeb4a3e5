/**
 * Which query ends in a word still being typed (typedWordPlan): only a plain
 * last word with nothing after it is read as the beginning of longer words.
 */
import { describe, expect, test } from 'vitest';
import { planQuery, typedWordPlan } from './query-plan';

const completed = (q: string) => {
  const t = typedWordPlan(planQuery(q));
  return t ? { word: t.word, last: t.plan.clauses[t.plan.clauses.length - 1] } : null;
};

describe('typedWordPlan', () => {
  test('the last plain word becomes a prefix; the words before it stay as they were', () => {
    const t = typedWordPlan(planQuery('treaty Peacek'))!;
    expect(t.word).toBe('Peacek');
    expect(t.plan.clauses.map((c) => [c.term, c.trailingWildcard, c.usePipeline, c.presence])).toEqual([
      ['treaty', false, true, 'optional'],
      ['peacek', true, false, 'optional'],
    ]);
    expect(t.plan.interpretedAs).toBe('lunr');
  });

  test('a required last word stays required; Russian and folded letters are read like any word', () => {
    expect(completed('+bishk')?.last).toMatchObject({ term: 'bishk', presence: 'required', trailingWildcard: true });
    expect(completed('безопасн')?.last).toMatchObject({ term: 'безопасн', trailingWildcard: true });
    expect(completed('Bíshk')?.last).toMatchObject({ term: 'bishk', trailingWildcard: true });
  });

  test('a word with something after it, or written with syntax, is not completed', () => {
    for (const q of ['peacek ', 'peacek\n', 'title:peacek', 'peacek*', '*eacek', 'peacek~1', 'peacek^2', '"peace keeping"', 'border -drugs', 'pe', 'к', '', 'the', 'co-op']) {
      expect(completed(q), JSON.stringify(q)).toBeNull();
    }
  });

  test('the plan it came from is not changed', () => {
    const plan = planQuery('peacek');
    typedWordPlan(plan);
    expect(plan.clauses[0]).toMatchObject({ term: 'peacek', trailingWildcard: false, usePipeline: true });
  });
});
