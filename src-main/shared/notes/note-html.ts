/**
 * A Markdown note -> HTML that cannot run anything, for exported files.
 *
 * Two layers, because either alone has let scripts through somewhere before:
 * markdown-it with raw HTML disabled (so `<script>` in a note is text), then
 * sanitize-html with a short allowlist (no attributes but href/title on links,
 * only http/https/mailto links, no images, no styles). sanitize-html runs in
 * Node and in the browser, so the CLI and the app produce the same output.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'em', 'strong', 's', 'del', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
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
// `rel`/`target` are added by the transform after filtering; allow them on output.
SANITIZE.allowedAttributes = { ...SANITIZE.allowedAttributes, a: ['href', 'title', 'rel', 'target'] };

/** Render a note for an exported HTML file. Never throws; an empty note gives "". */
export function noteToSafeHtml(note: string): string {
  if (!note.trim()) return '';
  return sanitizeHtml(md.render(note), SANITIZE).trim();
}
