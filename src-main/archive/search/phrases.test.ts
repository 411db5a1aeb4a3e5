/**
 * Regression test found by the search fuzzer (tests/reliability/search-fuzz.test.ts):
 * a query of many quoted phrases (e.g. `-"2021 Minsk n296"` repeated to the
 * 1,000-character limit) took 1.4-2.8 s on 300 articles, because every phrase
 * re-split every candidate's text into words. Now each text is split once and
 * a repeated phrase is checked once; answers are unchanged.
 */
import { expect, test } from 'vitest';
import { hasPhrase, phraseTester } from './highlight';
import { planQuery } from './query-plan';

test('a repeated phrase is planned once, and adds no clauses the first did not', () => {
  const once = planQuery('"collective security" minsk');
  const many = planQuery(`${'"collective security" '.repeat(40)}minsk`);
  expect(many.phrases).toEqual(once.phrases);
  expect(many.clauses).toEqual(once.clauses);
  expect(many.notices).toEqual([]);
  // Negated and positive forms of the same words are different phrases.
  expect(planQuery('"collective security" -"collective security"').phrases.map((p) => p.negated)).toEqual([false, true]);
});

test('phraseTester answers as hasPhrase does, for many phrases on one text', () => {
  const text = 'On November 28, 2019, a session of the CSTO Collective Security Council was held in Bishkek.';
  const phrases = ['collective security', 'security council', 'held in bishkek', 'council was', 'bishkek held', 'november 28 2019', 'session', 'csto collective security council was held in bishkek extra'];
  const has = phraseTester(text);
  for (const words of phrases.map((p) => p.split(' '))) {
    const phrase = { words, negated: false, text: words.join(' ') };
    expect(has(phrase), words.join(' ')).toBe(hasPhrase(text, phrase));
  }
  expect(phrases.filter((p) => has({ words: p.split(' '), negated: false, text: p }))).toEqual(['collective security', 'security council', 'held in bishkek', 'council was', 'november 28 2019', 'session']);
});
