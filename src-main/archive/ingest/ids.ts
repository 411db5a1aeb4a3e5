/**
 * Stable document ids. An article's id comes from its source file name and
 * its title only, never the body, so a rebuild (or a corrected body) keeps
 * the id and with it every note attached to it. A brief's id comes from its
 * text: a brief has no source of its own (it appears on many pages).
 */
import { normalizeForCompare, sha256 } from '../text';

function slug(title: string): string {
  return normalizeForCompare(title)
    .split(' ')
    .filter((w) => /^[a-z0-9]+$/.test(w))
    .slice(0, 6)
    .join('-')
    .slice(0, 48)
    .replace(/-+$/, '');
}

export function articleId(source: string, title: string): string {
  const h = sha256(`${source}\n${normalizeForCompare(title)}`).slice(0, 10);
  const s = slug(title);
  return s ? `a-${s}-${h}` : `a-${h}`;
}

export function briefId(text: string): string {
  const norm = normalizeForCompare(text);
  const h = sha256(`brief\n${norm}`).slice(0, 10);
  const s = slug(text);
  return s ? `b-${s}-${h}` : `b-${h}`;
}
