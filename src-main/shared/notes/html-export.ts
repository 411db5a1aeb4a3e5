/**
 * One self-contained, printable HTML file of excerpts. Nothing in it runs: the
 * only markup we emit is our own, with every piece of person- or archive-
 * provided text HTML-escaped; notes go through noteToSafeHtml; links are only
 * our passage links (scheme checked in citation.ts) and sanitized note links;
 * a CSP meta forbids scripts, frames, images and remote anything.
 */
import type { Annotation } from './annotation-model';
import { citationHtml, citedDoc, formatDate } from './citation';
import { escapeHtml } from './escape';
import { exportContext, type ExportContext } from './export-context';
import { EXPORT_CSP, EXPORT_CSS } from './html-style';
import { noteToSafeHtml } from './markdown';
import { renderSync, type ItemRenderer } from './run-export';
import type { ExportInput, ProgressCallback } from './types';

/** Colours reach a style attribute: accept only #rgb/#rrggbb, else the default swatch. */
export function safeCssColor(hex: string): string {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex) ? hex : '#ffe066';
}

/** Paragraphs of a quote, escaped, with single newlines kept as <br>. */
export function quoteHtml(quote: string): string {
  return quote
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** The wrapper every exported HTML document shares. */
export function htmlDocument(title: string, body: string, lang = 'en'): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
${EXPORT_CSS}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** One excerpt: swatch-coloured quote, note, tags + colour name, citation (or a footnote marker). */
export function excerptHtml(a: Annotation, ctx: ExportContext, citation?: string): string {
  const note = noteToSafeHtml(a.note);
  const tags = a.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join('');
  return [
    `<section class="excerpt" id="annotation-${escapeHtml(a.id)}" style="--swatch: ${safeCssColor(ctx.colorHex(a))}">`,
    `<blockquote>${quoteHtml(a.quote.exact)}</blockquote>`,
    note ? `<div class="note">${note}</div>` : '',
    `<p class="tags"><span class="swatch"></span>${escapeHtml(ctx.colorLabel(a))}${tags ? ` · ${tags}` : ''}</p>`,
    `<p class="cite">${citation ?? `<a href="${escapeHtml(ctx.link(a))}">Open passage</a>`}</p>`,
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function htmlRenderer(ctx: ExportContext): ItemRenderer<Annotation, string> {
  // Each article is cited once, under its first heading; its excerpts link to their passages.
  const cited = new Set<string>();
  return {
    item: (a, i) => {
      const prev = ctx.input.annotations[i - 1];
      const doc = ctx.doc(a);
      let heading = '';
      if (!prev || prev.docId !== a.docId) {
        const cite = cited.has(doc.id) ? '<em>Cited above.</em>' : `Cite as: ${citationHtml(doc, ctx.articleLink(doc.id))}`;
        cited.add(doc.id);
        heading = `<h2>${escapeHtml(doc.title)}</h2>\n<p class="doc-meta">${cite}</p>\n`;
      }
      return heading + excerptHtml(a, ctx);
    },
    assemble: (pieces) => {
      // Article notes after the excerpts, so an article cited above is not cited twice.
      const notes = ctx.articleNotes.map((n) => {
        const doc = citedDoc(ctx.input.docs, n.docId);
        const cite = cited.has(n.docId) ? '<em>Cited above.</em>' : `Cite as: ${citationHtml(doc, ctx.articleLink(doc.id))}`;
        cited.add(n.docId);
        const note = noteToSafeHtml(n.note);
        const tags = n.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join('');
        const meta = [n.starred ? '★ Starred' : '', tags].filter(Boolean).join(' · ');
        return [
          `<section class="excerpt article-note">`,
          `<h3>${escapeHtml(doc.title)}</h3>`,
          `<p class="doc-meta">${cite}</p>`,
          note ? `<div class="note">${note}</div>` : '',
          meta ? `<p class="tags">${meta}</p>` : '',
          '</section>',
        ]
          .filter(Boolean)
          .join('\n');
      });
      const notesSection = notes.length ? `\n<h2>Article notes</h2>\n${notes.join('\n')}` : '';
      const body = pieces.join('\n') + notesSection;
      return htmlDocument(
        ctx.title,
        `<h1>${escapeHtml(ctx.title)}</h1>\n<p class="meta">${pieces.length} excerpt${pieces.length === 1 ? '' : 's'}${notes.length ? `, ${notes.length} article note${notes.length === 1 ? '' : 's'}` : ''} · exported ${escapeHtml(formatDate(ctx.generatedAt))}</p>\n${body || '<p>No excerpts.</p>'}`,
      );
    },
  };
}

export function exportHtml(input: ExportInput, onProgress?: ProgressCallback): string {
  const ctx = exportContext(input);
  return renderSync(htmlRenderer(ctx), input.annotations, onProgress);
}
