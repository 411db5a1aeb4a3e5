/**
 * Markdown notes to safe HTML: the one pipeline the app (sidebar, Notebook)
 * and every export (HTML, PDF, the CLI) use, so a note looks the same
 * everywhere and is made safe the same way. Pure: runs in Node and the browser.
 *
 * Two locks, because notes are free text the person may paste from anywhere
 * (and backups may come from anywhere), and either alone has let scripts
 * through somewhere before:
 *   1. markdown-it with `html: false` (raw HTML in a note is shown as text), a
 *      link validator that lets only http(s) and mailto through, and images
 *      shown as their alt text (an image would fetch from the network: a
 *      tracking pixel in a shared note);
 *   2. sanitize-html over the result with an allow-list of plain formatting
 *      elements and attributes, so whatever slips past (1) still cannot run
 *      or load anything. sanitize-html needs no DOM, so Node and the browser
 *      produce the same bytes.
 * Links get target="_blank" and rel="noopener noreferrer": the app opens them
 * outside itself (Electron hands them to the system browser), never inside the reader.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/** The one options set: a line break in a note is a line break on screen and in every export. */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx].content || '');

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'em', 'strong', 's', 'del', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  // `rel`/`target` are set by the transform below; allowed so they survive the filter.
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' },
    }),
  },
};

function renderUncached(source: string): string {
  return sanitizeHtml(md.render(source), SANITIZE).trim();
}

/**
 * Rendered notes by their text: opening an article with many notes renders
 * each note once, not on every open (~1 ms a note). The output depends only
 * on the text, so a cached entry is exact.
 */
const CACHE_MAX = 1000;
const cache = new Map<string, string>();

/** A note as HTML that is safe to put in a page or a file. Never throws; an empty note gives "". */
export function renderMarkdown(source: string): string {
  const key = typeof source === 'string' ? source : '';
  if (!key.trim()) return '';
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Most recently used last: the oldest entry is the first to go.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = renderUncached(key);
  cache.set(key, html);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
  return html;
}

/** The name the exporters use: the same function. */
export const noteToSafeHtml = renderMarkdown;
