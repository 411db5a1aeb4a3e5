/**
 * analyze.ts must give the very terms Lunr's builder gives (same tokenizer,
 * same pipeline), and highlight.ts relies on one property of the stemmers:
 * a word's term begins with all but at most two of the term's last letters
 * taken from the word itself (stemmers rewrite endings only). Checked on
 * every word of the bundled corpus and on words whose endings Porter rewrites.
 */
import { expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { termOf, termsOf } from './analyze';
import { configureBuilder, setupLunr } from './lunr-setup';
import { bundledCorpusDir } from '../paths';

const corpus = readdirSync(bundledCorpusDir())
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(bundledCorpusDir(), f), 'utf8'))
  .join('\n');

test('terms of a text are exactly what a Lunr builder with the same setup produces', () => {
  const l = setupLunr();
  const b = new l.Builder();
  configureBuilder(b);
  for (const text of [corpus, 'Café — «Минск», ЁЛКА; re-election (CSTO) the a и', '']) {
    expect(termsOf(text)).toEqual(b.pipeline.run(b.tokenizer(text)).map(String));
  }
});

test('a term starts with the head (all but two last letters) of itself, found in its word', () => {
  const tricky = ['sensibility', 'conformably', 'troubling', 'filing', 'happy', 'relational', 'generalization', 'operator', 'hopping', 'skies', 'valencies', 'сотрудничество', 'длинный', 'ёлка', 'безопасности'];
  const words = new Set([...corpus.toLowerCase().split(/[\s-]+/), ...tricky]);
  let checked = 0;
  for (const w of words) {
    if (!w || /[\u00c0-\u024f\u1e00-\u1effёЁ\u0300-\u036f]/.test(w)) continue;
    const t = termOf(w);
    if (t === null) continue;
    checked++;
    expect(w, `${w} -> ${t}`).toContain(t.slice(0, Math.max(1, t.length - 2)));
  }
  expect(checked).toBeGreaterThan(1000);
});
