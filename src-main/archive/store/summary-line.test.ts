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

  it('passes over a long salutation too', () => {
    expect(summaryLine('Speech', [p('Dear members of the Council of the CSTO Parliamentary Assembly,'), p('Today we meet in Minsk. More follows.')])).toBe(
      'Today we meet in Minsk.',
    );
  });

  it('says what the title does not when the title is the first words of the text (a brief)', () => {
    const text = 'On 25 July 2024, staff of the Secretariat met with graduates of universities. They discussed careers. More.';
    expect(summaryLine('On 25 July 2024, staff of the Secretariat met with graduates…', [p(text)])).toBe('…of universities.');
    expect(summaryLine('On 25 July 2024, staff of the Secretariat met with graduates.', [p(text.replace('graduates of universities', 'graduates'))])).toBe('They discussed careers.');
    expect(summaryLine('On 25 July 2024, staff of the Secretariat met with graduates…', [p('On 25 July 2024, staff of the Secretariat met with graduates')])).toBe('');
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
