/**
 * Saved web pages (.html, .htm): the article's text, not the menus, related
 * links, comments, share bars, captions or cookie notices around it.
 *
 * The page is parsed by linkedom (a server-side DOM that never runs scripts:
 * they are removed before anything else, JSON-LD read first) and the article
 * found by Mozilla's Readability, the algorithm behind Firefox's reader view.
 * Title, byline, published date and canonical URL come from the page's
 * metadata (Open Graph / article:* meta, JSON-LD, <time datetime>), never
 * from the text. A page where Readability finds no article is kept as plain
 * text, with a warning, so nothing a person saved is lost.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanSpaces } from '../../text';
import { isoFromMeta } from '../dates';
import { asParagraphs, type PageMeta, type ParsedPage } from '../parsed-page';
import type { SourceFile } from '../walk-folder';

/** The parts of the DOM used here (tsconfig.node has no DOM lib; linkedom provides these). */
interface El {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute(name: string): string | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  remove(): void;
}

/** Fewer words than this in what Readability returns: no article was found. */
const MIN_ARTICLE_WORDS = 40;

export function parseHtml(file: SourceFile): ParsedPage {
  const { document } = parseHTML(file.text) as unknown as { document: El & { title: string; body: El | null; documentElement: El } };
  const ld = jsonLd(document);
  // Nothing executable or invisible survives: scripts are never run, only removed.
  for (const el of Array.from(document.querySelectorAll('script, style, noscript, template, iframe, object, embed, svg, canvas'))) el.remove();
  const meta = pageMeta(document, ld);
  removeFurniture(document);

  const article = new Readability(document as never, { serializer: (n: unknown) => n as El, charThreshold: 250 }).parse();
  const blocks = article?.content ? blockTexts(article.content as El).filter((b) => !isFurnitureText(b)) : [];
  const words = blocks.join(' ').split(/\s+/).filter(Boolean).length;
  if (words >= MIN_ARTICLE_WORDS) {
    meta.title ??= cleanSpaces(article!.title ?? '') || null;
    meta.author ??= cleanSpaces(article!.byline ?? '') || null;
    return { file, shape: 'article', paras: asParagraphs(blocks), meta };
  }
  // No article: keep what a person can read on the page (furniture removed where it is marked as such).
  const fallback = parseHTML(file.text) as unknown as { document: El & { body: El | null } };
  for (const el of Array.from(fallback.document.querySelectorAll('script, style, noscript, template, iframe, object, embed, svg, canvas, nav, header, footer, form'))) el.remove();
  meta.title ??= cleanSpaces(document.title ?? '') || null;
  const root = fallback.document.body ?? fallback.document;
  return { file, shape: 'article', paras: asParagraphs(blockTexts(root)), meta, warning: 'no article found in the page: kept as plain text' };
}

/**
 * Page furniture named as such in its class or id (ads, share bars, related
 * links, comments, newsletter and paywall boxes, captions, bylines...), taken
 * out before Readability looks: Readability scores it low but keeps what sits
 * inside the article's own container. A container holding most of the page's
 * text is never removed, whatever its name.
 */
const FURNITURE = /(?:^|[\s_-])(?:ad|ads|advert|advertisement|adslot|ad-slot|banner|sponsored?|promo|newsletter|subscribe|subscription|paywall|share|sharing|social|related|recommended|more-in|most-read|popular|trending|comment|comments|cookie|cookies|consent|gdpr|poll|kicker|dek|standfirst|byline|author-line|credit|credits|caption|gallery|breadcrumbs?|tags|topics|print|toolbar|footer|sidebar|side|widget|discussion|replies|feedback|corrections)(?=$|[\s_-])/i;

function removeFurniture(document: El & { body: El | null }): void {
  // Bylines are kept as metadata, not as text: read before they go.
  const bodyLength = (document.body?.textContent ?? '').length || 1;
  for (const el of Array.from(document.querySelectorAll('figcaption, aside, nav, form, button, [role="complementary"], [role="navigation"], [class], [id]'))) {
    const tag = (el.tagName ?? '').toUpperCase();
    if (tag === 'HTML' || tag === 'BODY' || tag === 'MAIN' || tag === 'ARTICLE') continue;
    const named = ['FIGCAPTION', 'ASIDE', 'NAV', 'FORM', 'BUTTON'].includes(tag) || /complementary|navigation/.test(el.getAttribute('role') ?? '') || FURNITURE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
    if (named && (el.textContent ?? '').length < bodyLength * 0.5) el.remove();
  }
}

/** A block that is furniture whatever its markup: an ad label, a gallery or share line, a sign-up plea. */
function isFurnitureText(text: string): boolean {
  if (/^(?:advertisement|anzeige|реклама|sponsored|share(?: this)?:?.*|read more|подробнее|поделиться.*|photo gallery\b.*|фотогалерея.*|comments? \(\d+\)|комментарии \(\d+\))$/i.test(text)) return true;
  const words = text.split(/\s+/).length;
  return words <= 25 && /\b(?:sign up|subscribe|newsletter|cookies|free articles)\b|подпишитесь|рассылк/i.test(text);
}

/** JSON-LD objects of the page (NewsArticle and friends), @graph flattened. */
function jsonLd(document: El): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const v: unknown = JSON.parse(s.textContent ?? '');
      const walk = (x: unknown) => {
        if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === 'object') {
          out.push(x as Record<string, unknown>);
          if (Array.isArray((x as { '@graph'?: unknown })['@graph'])) walk((x as { '@graph': unknown[] })['@graph']);
        }
      };
      walk(v);
    } catch {
      // A broken JSON-LD block is ignored: the page's other metadata still counts.
    }
  }
  return out;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle/;

function pageMeta(document: El, ld: Record<string, unknown>[]): PageMeta {
  const metaContent = (sel: string) => cleanSpaces(document.querySelector(sel)?.getAttribute('content') ?? '') || null;
  const art = ld.find((x) => ARTICLE_TYPES.test(String(x['@type'] ?? ''))) ?? ld.find((x) => x.datePublished || x.headline);
  const ldString = (v: unknown): string | null => (typeof v === 'string' ? cleanSpaces(v) || null : null);
  const ldAuthor = (v: unknown): string | null => {
    if (Array.isArray(v)) return v.map(ldAuthor).filter(Boolean).join(', ') || null;
    if (v && typeof v === 'object') return ldString((v as { name?: unknown }).name);
    return ldString(v);
  };
  const timeEl = document.querySelector('article time[datetime], time[pubdate][datetime], time[itemprop="datePublished"], time[datetime]');
  const published =
    isoFromMeta(metaContent('meta[property="article:published_time"]')) ??
    isoFromMeta(ldString(art?.datePublished)) ??
    isoFromMeta(metaContent('meta[itemprop="datePublished"]')) ??
    isoFromMeta(metaContent('meta[name="pubdate"], meta[name="publishdate"], meta[name="date"], meta[name="DC.date.issued"], meta[name="dcterms.created"]')) ??
    isoFromMeta(timeEl?.getAttribute('datetime'));
  const authorMeta = metaContent('meta[name="author"]') ?? metaContent('meta[property="article:author"]');
  // A byline in the page ("By Lukas Frei", "Posted by Eva Marsh on ..."): its name only.
  const bylineEl = document.querySelector('[itemprop="author"], [rel="author"], a[href*="/author/"], .byline .author, .author, .byline');
  const byline = cleanSpaces(bylineEl?.textContent ?? '')
    .replace(/^(?:by|posted by|written by|автор:?|текст:?)\s+/i, '')
    .split(/\s*(?:[,|·•]|\bon\b|\d)/)[0]
    .trim();
  const tags = Array.from(document.querySelectorAll('meta[property="article:tag"]')).map((m) => cleanSpaces(m.getAttribute('content') ?? '')).filter(Boolean);
  return {
    title: ldString(art?.headline) ?? metaContent('meta[property="og:title"]'),
    published,
    author: ldAuthor(art?.author) ?? (authorMeta && !/^https?:/.test(authorMeta) ? authorMeta : null) ?? (byline.length >= 3 && byline.length <= 60 ? byline : null),
    tags: tags.length ? tags : (metaContent('meta[name="keywords"]')?.split(',').map((t) => t.trim()).filter(Boolean) ?? undefined),
    url:
      cleanSpaces(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '') ||
      metaContent('meta[property="og:url"]') ||
      (typeof art?.mainEntityOfPage === 'string' ? art.mainEntityOfPage : null) ||
      ldString((art?.mainEntityOfPage as { '@id'?: unknown } | undefined)?.['@id']),
  };
}

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL', 'BODY', 'HTML']);

/** The text of each block (paragraph, heading, list item...) under `root`, in order. */
export function blockTexts(root: El): string[] {
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    const t = cleanSpaces(inline.replace(/\s+/g, ' '));
    if (/[\p{L}\p{N}]/u.test(t)) out.push(t);
    inline = '';
  };
  const walk = (node: El) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) inline += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const tag = (child.tagName ?? '').toUpperCase();
        if (BLOCK.has(tag)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return out;
}
