/**
 * Markdown notes to safe HTML. Two locks, because notes are free text the
 * person may paste from anywhere (and backups may come from anywhere):
 *   1. markdown-it with `html: false`, so raw HTML in a note is shown as text,
 *      and a link validator that lets only http(s) and mailto through;
 *   2. DOMPurify over the result, with an allow-list of plain formatting
 *      elements, so whatever slips past (1) still cannot run or load anything.
 * Links get target="_blank" and rel="noopener noreferrer": the app opens them
 * outside itself (Electron's window-open handler hands them to the system
 * browser), never inside the reader.
 */
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(?:https?:|mailto:)/i;

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
// Images would fetch from the network (a tracking pixel in a shared note): show the alt text instead.
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx].content || '');

const ALLOWED_TAGS = [
  'p', 'br', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

let hooked = false;
function purifier(): typeof DOMPurify {
  if (!hooked) {
    hooked = true;
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName !== 'A') return;
      const href = node.getAttribute('href') ?? '';
      if (!/^(?:https?:|mailto:)/i.test(href.trim())) {
        node.removeAttribute('href');
        return;
      }
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    });
  }
  return DOMPurify;
}

/**
 * Rendered notes by their text: opening an article with many notes renders
 * each note once, not on every open (markdown-it plus DOMPurify cost ~1 ms a
 * note). The output depends only on the text, so a cached entry is exact.
 */
const CACHE_MAX = 1000;
const cache = new Map<string, string>();

/** Render a note to HTML that is safe to put in the page. */
export function renderMarkdown(source: string): string {
  const key = source ?? '';
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

function renderUncached(source: string): string {
  const html = md.render(source);
  return purifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'target', 'rel', 'start', 'align'],
    ALLOW_DATA_ATTR: false,
  });
}

/** Plain text of a note (for one-line previews and search), without Markdown syntax. */
export function markdownToText(source: string): string {
  const div = document.createElement('div');
  div.innerHTML = renderMarkdown(source);
  return (div.textContent ?? '').replace(/\s+/g, ' ').trim();
}
