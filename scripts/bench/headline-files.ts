/**
 * Reads a folder of headline-first .txt articles (the generator's output) for
 * the MiniSearch side, which has no ingester of its own: first line the
 * headline, the rest the body. One file at a time, so a 50,000-article build
 * does not hold every body in memory at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PlainArticle {
  id: string;
  title: string;
  body: string;
}

export function* readHeadlineFolder(dir: string): Generator<PlainArticle> {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const nl = text.indexOf('\n');
    const title = (nl < 0 ? text : text.slice(0, nl)).trim();
    const body = nl < 0 ? '' : text.slice(nl + 1).trim();
    yield { id: name.replace(/\.txt$/, ''), title, body };
  }
}
