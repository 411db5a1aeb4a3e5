/**
 * "Copy with citation": the quote and where it comes from, as plain text and
 * as HTML for the clipboard. Kept small and pure so export (issue 5) can use
 * the same wording or replace it.
 */
export interface CitedDoc {
  id: string;
  title: string;
  published: string | null;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function citationText(doc: CitedDoc, quote: string, link?: string): string {
  const date = doc.published ? `, ${doc.published}` : '';
  const where = link ? ` ${link}` : ` (archive id ${doc.id})`;
  return `“${quote}”\n— ${doc.title}${date}. CSTO news archive.${where}`;
}

export function citationHtml(doc: CitedDoc, quote: string, link?: string): string {
  const date = doc.published ? `, ${escapeHtml(doc.published)}` : '';
  const title = link && /^(?:https?:|archive-reader:)/i.test(link)
    ? `<a href="${escapeHtml(link)}">${escapeHtml(doc.title)}</a>`
    : escapeHtml(doc.title);
  return `<blockquote>${escapeHtml(quote).replace(/\n/g, '<br>')}</blockquote><p>— <cite>${title}</cite>${date}. CSTO news archive (archive id ${escapeHtml(doc.id)}).</p>`;
}

/** Put the quote with its citation on the clipboard, as text and HTML where the browser allows. */
export async function copyWithCitation(doc: CitedDoc, quote: string, link?: string): Promise<boolean> {
  const text = citationText(doc, quote, link);
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([citationHtml(doc, quote, link)], { type: 'text/html' }),
        }),
      ]);
      return true;
    }
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
