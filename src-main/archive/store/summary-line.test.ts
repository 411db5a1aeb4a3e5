import { describe, expect, it } from 'vitest';
import { SUMMARY_MAX, summaryLine } from './summary-line';

const p = (text: string) => ({ text, lang: 'en' as const });

describe('summaryLine', () => {
  it('is the first sentence of the text', () => {
    expect(summaryLine('Summit in Minsk', [p('On May 3, 2015, the leaders met in Minsk. They signed a treaty.'), p('More.')])).toBe(
      'On May 3, 2015, the leaders met in Minsk.',
    );
  });

  it('skips a first paragraph that repeats the title', () => {
    expect(summaryLine('Summit in Minsk', [p('Summit  in Minsk'), p('Leaders met. Then left.')])).toBe('Leaders met.');
  });

  it('passes over a salutation to the first sentence of prose', () => {
    expect(summaryLine('Letter', [p('Dear Chairman,'), p('We write to thank the secretariat for its report on the session.')])).toBe(
      'We write to thank the secretariat for its report on the session.',
    );
  });

  it('cuts a long sentence at a word, with an ellipsis', () => {
    const long = `${'word '.repeat(120)}end.`;
    const s = summaryLine('T', [p(long)]);
    expect(s.length).toBeLessThanOrEqual(SUMMARY_MAX + 1);
    expect(s.endsWith('word…')).toBe(true);
  });

  it('is empty for a document without text', () => {
    expect(summaryLine('T', [])).toBe('');
  });
});
