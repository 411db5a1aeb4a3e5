/**
 * `npm run --silent html-f1 [-- --json]`: how well saved web pages are read.
 * Prints, for each HTML fixture (src-main/archive/test/fixtures/html), the
 * word 4-gram precision, recall and F1 of the extracted article body against
 * its hand-checked text, then the overall figure (goal: F1 >= 0.95).
 */
import { parseArgs } from 'node:util';
import { overall, scoreFixtures } from '../src-main/archive/test/html-f1';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const results = scoreFixtures();
const all = overall(results);
const f = (x: number) => x.toFixed(3);
if (values.json) {
  console.log(JSON.stringify({ fixtures: results.map(({ name, precision, recall, f1, warning }) => ({ name, precision, recall, f1, warning })), overall: all }, null, 2));
} else {
  const width = Math.max(...results.map((r) => r.name.length), 7);
  console.log(`${'fixture'.padEnd(width)}  precision  recall  F1`);
  for (const r of results) console.log(`${r.name.padEnd(width)}  ${f(r.precision).padStart(9)}  ${f(r.recall).padStart(6)}  ${f(r.f1)}${r.warning ? `  (${r.warning})` : ''}`);
  console.log(`${'overall'.padEnd(width)}  ${f(all.precision).padStart(9)}  ${f(all.recall).padStart(6)}  ${f(all.f1)}  (word 4-grams over ${results.length} pages; goal F1 >= 0.95)`);
}
