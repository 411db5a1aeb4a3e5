/**
 * How well saved web pages are read: the article body extracted from each
 * HTML fixture (fixtures/html/NAME.html) against its hand-checked text
 * (NAME.expected.txt), scored as F1 over word 4-grams, the measure used by
 * article-extraction benchmarks. Shared by the test (html-f1.test.ts) and the
 * script that prints the figures (scripts/html-f1.ts, `npm run html-f1`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeForCompare, sha256 } from '../text';
import { parseHtml } from '../ingest/formats/html';
import { segmentArticle } from '../ingest/segment';
import { decodeText } from '../ingest/decode';
import type { PageMeta } from '../ingest/parsed-page';

export const HTML_FIXTURES = join(import.meta.dirname, 'fixtures', 'html');

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

function grams(text: string, n: number): Map<string, number> {
  const words = normalizeForCompare(text).split(' ').filter(Boolean);
  const out = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const g = words.slice(i, i + n).join(' ');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** F1 over word n-grams (multisets): precision is how much of what was extracted is article, recall how much of the article was extracted. */
export function ngramF1(extracted: string, expected: string, n = 4): Score {
  const a = grams(extracted, n);
  const b = grams(expected, n);
  let overlap = 0;
  for (const [g, c] of a) overlap += Math.min(c, b.get(g) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  const precision = total(a) ? overlap / total(a) : 0;
  const recall = total(b) ? overlap / total(b) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export interface FixtureResult extends Score {
  name: string;
  title: string;
  meta: PageMeta;
  body: string;
  expected: string;
  warning?: string;
}

/** Reads each fixture as the ingester does and scores its body. */
export function scoreFixtures(dir = HTML_FIXTURES): FixtureResult[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.html$/, '');
      const buf = readFileSync(join(dir, file));
      const text = decodeText(buf, /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(buf.subarray(0, 2048).toString('latin1'))?.[1]).text;
      const page = parseHtml({ name: file, section: '', format: 'html', text, hash: sha256(buf), encoding: 'utf-8' });
      const seg = segmentArticle(page.paras, page.meta.title);
      const body = seg.body.join('\n\n');
      const expected = readFileSync(join(dir, `${name}.expected.txt`), 'utf8');
      return { name, title: seg.title, meta: page.meta, body, expected, warning: page.warning, ...ngramF1(body, expected) };
    });
}

/** Micro-averaged over all fixtures' 4-grams. */
export function overall(results: FixtureResult[]): Score {
  return ngramF1(results.map((r) => r.body).join('\n\n'), results.map((r) => r.expected).join('\n\n'));
}
