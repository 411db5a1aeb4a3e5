/**
 * A set of saved web pages for the ingestion figure "2,000 HTML pages": each
 * page is one of the HTML fixtures (src-main/archive/test/fixtures/html, the
 * pages `npm run html-f1` scores) with variations, so the set has what real
 * saved pages carry: its own headline and dateline, an extra paragraph of
 * the benchmark's prose in the article, a long related-links sidebar, and an
 * inline script of the size news sites ship (never run: the reader strips
 * it). Pages are 30-60 KB, about what a saved news page weighs without its
 * images. Deterministic: the same set for the same size and seed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articles } from './generate';
import { repoRoot } from './paths';
import type { Vocabulary } from './vocabulary';

/** Bump when the output changes, so cached sets are regenerated. */
export const HTML_SET_VERSION = 1;

export interface HtmlSet {
  dir: string;
  pages: number;
  bytes: number;
  cached: boolean;
}

const FIXTURES = join(repoRoot(), 'src-main', 'archive', 'test', 'fixtures', 'html');
// Pages are handled as bytes (latin1 in, latin1 out), so a fixture in Windows-1251 stays so; what is added is ASCII
// (non-ASCII letters as character references, or \u escapes in the script).
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`);
const asciiJson = (v: unknown) => JSON.stringify(v).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function generateHtmlSet(vocab: Vocabulary, workDir: string, pages: number, seed: number): HtmlSet {
  const dir = join(workDir, `html-v${HTML_SET_VERSION}-s${seed}-${pages}`);
  const done = join(dir, '.complete');
  if (existsSync(done)) return { dir, pages, bytes: Number(readFileSync(done, 'utf8')), cached: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fixtures = readdirSync(FIXTURES).filter((n) => n.endsWith('.html')).sort().map((n) => readFileSync(join(FIXTURES, n), 'latin1'));
  let bytes = 0;
  let i = 0;
  for (const a of articles(vocab, pages, seed)) {
    const base = fixtures[i % fixtures.length];
    const related = a.paragraphs.slice(0, 3).flatMap((p) => p.split(/(?<=\.) /)).slice(0, 40);
    const aside = `<aside class="related"><h3>More stories</h3><ul>${related.map((s, k) => `<li><a href="/story/${i}-${k}">${esc(s.slice(0, 90))}</a></li>`).join('')}</ul></aside>`;
    const script = `<script>window.__STATE__=${asciiJson({ page: i, items: a.paragraphs.map((p) => p.slice(0, 400)), ads: Array.from({ length: 40 }, (_, k) => ({ slot: `ad-${k}`, size: [300, 250] })) })};</script>`;
    let page = base
      // Its own headline: in <title> and in the first <h1> (a clash of headlines would merge pages as duplicates).
      .replace(/<title>([^<]*)<\/title>/i, (_m, t: string) => `<title>${t} (${i})</title>`)
      .replace(/<h1([^>]*)>([^<]*)<\/h1>/i, (_m, attrs: string, t: string) => `<h1${attrs}>${t} (${i})</h1>`)
      // An extra paragraph of prose after the article's first paragraph (the first after the headline).
      .replace(/(<h1[\s\S]*?<\/p>)/i, (m) => `${m}\n<p>${esc(a.paragraphs[0])}</p>`);
    page = page.replace(/<\/body>/i, `${aside}${script}</body>`);
    const file = join(dir, `${String(Math.floor(i / 500)).padStart(2, '0')}`, `page-${String(i).padStart(5, '0')}.html`);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, page, 'latin1');
    bytes += page.length;
    i++;
  }
  writeFileSync(done, String(bytes));
  return { dir, pages, bytes, cached: false };
}
