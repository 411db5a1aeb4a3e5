/**
 * Candidate ranking, in the style of hypothesis/client's match-quote tests:
 * each test says which of several places should win and why.
 */
import { describe, expect, it } from 'vitest';
import { rankExactCandidates, rankFuzzyCandidates, scoreCandidate, textMatchScore } from './match-quote';
import { corpusDoc } from './test/corpus';

describe('textMatchScore', () => {
  it('is 1 for identical text and falls as the text is rewritten', () => {
    const ctx = 'the heads of the CSTO member sta';
    expect(textMatchScore(ctx, ctx)).toBe(1);
    const oneTypo = textMatchScore('the heads of the CSTO membr sta', ctx);
    const rewritten = textMatchScore('a completely different sentence', ctx);
    expect(oneTypo).toBeLessThan(1);
    expect(oneTypo).toBeGreaterThan(0.9);
    expect(rewritten).toBeLessThan(0.6);
  });

  it('treats a missing context as no evidence against', () => {
    expect(textMatchScore('anything', '')).toBe(1);
    expect(textMatchScore('', 'something')).toBe(0);
  });
});

describe('ranking candidates', () => {
  const text = 'alpha beta gamma. ' + 'x'.repeat(200) + ' alpha beta gamma. ' + 'y'.repeat(200) + ' alpha beta gamma.';
  const quote = 'alpha beta gamma';
  const starts = [0, 219, 438];

  it('finds every exact occurrence', () => {
    expect(rankExactCandidates(text, quote).map((c) => c.start).sort((a, b) => a - b)).toEqual(starts);
  });

  it('the closer quote scores higher', () => {
    for (const hint of starts) {
      const ranked = rankExactCandidates(text, quote, { hint });
      expect(ranked[0].start).toBe(hint);
      expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
    }
    // Between two equally good quotes, distance orders them.
    const ranked = rankExactCandidates(text, quote, { hint: 300 });
    expect(ranked.map((c) => c.start)).toEqual([219, 438, 0]);
  });

  it('a matching prefix and suffix outweigh distance', () => {
    const t = 'one: the same words here; two: the same words there;';
    const ranked = rankExactCandidates(t, 'the same words', { prefix: 'two: ', suffix: ' there', hint: 0 });
    expect(t.slice(ranked[0].start - 5, ranked[0].start)).toBe('two: ');
    expect(ranked[0].prefixScore).toBe(1);
    expect(ranked[1].prefixScore).toBeLessThan(1);
  });

  it('an exact match scores higher than a near match at the same place', () => {
    const t = 'The CSTO Secretary General took part.';
    const exact = scoreCandidate(t, 'Secretary General', { start: 9, end: 26, errors: 0 });
    const near = scoreCandidate(t, 'Secretary Generel', { start: 9, end: 26, errors: 1 });
    expect(exact.score).toBeGreaterThan(near.score);
    expect(near.quoteScore).toBeCloseTo(1 - 1 / 17);
  });

  it('fuzzy search finds a lightly edited quote in a real article, at its old place', () => {
    const doc = corpusDoc(0);
    const quote = 'The session of the Collective Security Council was held in a narrow composition';
    const at = doc.text.indexOf(quote);
    expect(at).toBeGreaterThan(0);
    const edited = doc.text.replace(quote, 'The session of the Collective Security Council was held in narrow composition');
    const ranked = rankFuzzyCandidates(edited, quote, { hint: at });
    expect(ranked[0].start).toBe(at);
    expect(ranked[0].errors).toBe(2);
  });

  it('finds nothing fuzzy when a quarter of the quote is gone', () => {
    expect(rankFuzzyCandidates('nothing like it at all in here', 'the Collective Security Treaty')).toEqual([]);
  });
});
