/**
 * Re-anchoring on edited copies of real corpus articles: the annotation must
 * land on the same passage after the text around it changes, must never land
 * on a look-alike passage elsewhere, and is orphaned (not lost) when its
 * passage is gone.
 */
import { describe, expect, it } from 'vitest';
import { MIN_SCORE, anchor, describeOffsets, trimOffsets } from './anchor';
import { corpusDoc, corpusDocs } from './test/corpus';

/** Selectors for the first occurrence of `passage` in `text`. */
function selectorsFor(text: string, passage: string) {
  const at = text.indexOf(passage);
  if (at < 0) throw new Error(`passage not in text: ${passage}`);
  return describeOffsets(text, at, at + passage.length);
}

describe('describeOffsets', () => {
  it('stores the quote with 32 characters of prefix and suffix', () => {
    const doc = corpusDoc(0);
    const sel = selectorsFor(doc.text, 'Yuri Khachaturov, took part in it.');
    expect(sel.quote.exact).toBe('Yuri Khachaturov, took part in it.');
    expect(sel.quote.prefix).toHaveLength(32);
    expect(sel.quote.suffix).toHaveLength(32);
    expect(doc.text.slice(sel.position.start - 32, sel.position.end + 32)).toBe(
      sel.quote.prefix + sel.quote.exact + sel.quote.suffix,
    );
  });

  it('clips the context at the ends of the text', () => {
    const sel = describeOffsets('short text', 0, 5);
    expect(sel.quote).toMatchObject({ exact: 'short', prefix: '', suffix: ' text' });
  });

  it('trims white space and refuses a selection of nothing but white space', () => {
    expect(trimOffsets('a  bc  d', 1, 7)).toEqual({ start: 3, end: 5 });
    expect(trimOffsets('a \n\n b', 1, 5)).toBeNull();
  });
});

describe('anchor on real articles', () => {
  it('uses the stored position when the text is unchanged, in every corpus page', () => {
    for (const doc of corpusDocs()) {
      const mid = Math.floor(doc.text.length / 2);
      const sel = describeOffsets(doc.text, mid, mid + 40);
      expect(anchor(doc.text, sel)).toEqual({ status: 'anchored', start: mid, end: mid + 40, score: 1 });
    }
  });

  it('follows the quote when text is inserted before it (exact search)', () => {
    const doc = corpusDoc(1);
    const para = doc.paragraphs[5].text;
    const passage = para.slice(10, 70);
    const sel = selectorsFor(doc.text, passage);
    const inserted = 'An editor added this whole new opening paragraph.\n\n';
    const edited = inserted + doc.text;
    const result = anchor(edited, sel);
    expect(result).toMatchObject({ status: 'moved', start: sel.position.start + inserted.length });
    if (result.status !== 'orphaned') expect(edited.slice(result.start, result.end)).toBe(passage);
  });

  it('picks the right one of several identical quotes by context', () => {
    // "The CSTO Secretary General, Yuri Khachaturov," occurs three times in page 0.
    const doc = corpusDoc(0);
    const phrase = 'The CSTO Secretary General, Yuri Khachaturov,';
    const first = doc.text.indexOf(phrase);
    const second = doc.text.indexOf(phrase, first + 1);
    expect(second).toBeGreaterThan(first);
    const sel = describeOffsets(doc.text, second, second + phrase.length);
    // Remove the paragraph holding the first occurrence: everything moves.
    const firstPara = doc.paragraphs.find((p) => p.text.includes(phrase))!.text;
    const edited = doc.text.replace(firstPara + '\n\n', '');
    const result = anchor(edited, sel);
    expect(result.status).toBe('moved');
    if (result.status === 'orphaned') throw new Error('expected an anchored result');
    expect(edited.slice(result.start - 32, result.start)).toBe(sel.quote.prefix);
    expect(edited.slice(result.end, result.end + 32)).toBe(sel.quote.suffix);
  });

  it('re-anchors fuzzily when the quote itself was corrected', () => {
    const doc = corpusDoc(0);
    const passage = 'in his Annual Report informed about the issues of the CSTO activities in 2016-2017.';
    const sel = selectorsFor(doc.text, passage);
    const edited = doc.text.replace(passage, 'in his annual report informed about issues of CSTO activities in 2016-2017.');
    const result = anchor(edited, sel);
    expect(result.status).toBe('fuzzy');
    if (result.status === 'orphaned') throw new Error('expected an anchored result');
    expect(result.score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(edited.slice(result.start, result.end)).toContain('annual report informed about issues');
    expect(Math.abs(result.start - sel.position.start)).toBeLessThan(10);
  });

  it('re-anchors fuzzily in a Russian-language passage too', () => {
    // The bundled corpus has Russian pages; if it ever lost them, this test must fail, not pass silently.
    const doc = corpusDocs().find((d) => d.paragraphs.some((p) => p.lang === 'ru' && p.text.length > 80));
    expect(doc, 'a corpus page with a Russian paragraph of more than 80 characters').toBeDefined();
    const para = doc!.paragraphs.find((p) => p.lang === 'ru' && p.text.length > 80)!;
    const passage = para.text.slice(0, 60);
    const sel = selectorsFor(doc!.text, passage);
    const edited = doc!.text.replace(passage, passage.slice(0, 20) + passage.slice(23));
    const result = anchor('Новый абзац.\n\n' + edited, sel);
    expect(result.status).toBe('fuzzy');
  });

  it('never chooses a look-alike passage elsewhere: the quote is orphaned instead', () => {
    // Page 0 says "The CSTO Secretary General, Yuri Khachaturov, took part in it."
    // and, elsewhere, "The CSTO Secretary General, Yuri Khachaturov, in his
    // Annual Report ...": close in edit distance, but another passage.
    const doc = corpusDoc(0);
    const passage = 'The CSTO Secretary General, Yuri Khachaturov, took part in it.';
    const sel = selectorsFor(doc.text, passage);
    const edited = doc.text.replace(passage, 'The Secretariat published photographs of the session.');
    expect(edited).toContain('The CSTO Secretary General, Yuri Khachaturov, in his Annual Report');
    const result = anchor(edited, sel);
    expect(result.status).toBe('orphaned');
    if (result.status !== 'orphaned') throw new Error('expected an orphaned result');
    // The look-alike was considered (it is the best candidate) and refused.
    expect(result.best).not.toBeNull();
    expect(result.best!.score).toBeLessThan(MIN_SCORE);
  });

  it('refuses a short exact quote that now only occurs in another context', () => {
    const doc = corpusDoc(4);
    const passage = 'Nikolai Bordyuzha said';
    const at = doc.text.indexOf(passage);
    const sel = describeOffsets(doc.text, at, at + passage.length);
    // Delete the paragraph it was in; the words still occur in another paragraph.
    const para = doc.paragraphs.find((p) => p.text.includes(passage))!.text;
    const edited = doc.text.replace(para, 'This paragraph was rewritten by the editors entirely.');
    expect(edited).toContain(passage);
    expect(anchor(edited, sel).status).toBe('orphaned');
  });
});

describe('when anchoring fails', () => {
  const doc = corpusDoc(2);
  // Paragraph 6 occurs once (3 and 4 are a teaser and its repeat).
  const passage = doc.paragraphs[6].text.slice(0, 50);
  const sel = selectorsFor(doc.text, passage);

  it('orphans an annotation whose passage was deleted', () => {
    expect(doc.text.split(passage)).toHaveLength(2);
    const edited = doc.text.replace(doc.paragraphs[6].text, '');
    const result = anchor(edited, sel);
    expect(result.status).toBe('orphaned');
  });

  it('orphans an annotation on a different article', () => {
    expect(anchor(corpusDoc(3).text, sel).status).toBe('orphaned');
  });

  it('orphans against empty text and when the quote is empty, without throwing', () => {
    expect(anchor('', sel).status).toBe('orphaned');
    const empty = { ...sel, quote: { ...sel.quote, exact: '' } };
    expect(anchor(doc.text, empty)).toMatchObject({ status: 'orphaned', best: null });
  });

  it('does not trust a position that is out of range or points at other text', () => {
    const bogus = { quote: sel.quote, position: { type: 'TextPositionSelector' as const, start: -5, end: 1e9 } };
    const result = anchor(doc.text, bogus);
    expect(result.status).toBe('moved');
    const elsewhere = { quote: sel.quote, position: { type: 'TextPositionSelector' as const, start: 0, end: passage.length } };
    expect(anchor(doc.text, elsewhere)).toMatchObject({ status: 'moved', start: sel.position.start });
  });
});
