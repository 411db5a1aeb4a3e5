/**
 * Citations and passage links: the two things every exported excerpt carries so
 * that a reader of the exported file can tell where a quote came from and jump
 * back to the exact highlight in the app.
 *
 * A passage link is `<linkBase>article/<id>?annotation=<annotation-id>&archive=<archive-id>`
 * (`archive` names the archive the article is in, so two archives sharing a
 * document id never open each other's article; links to the bundled archive
 * leave it out, as every link made before archives had ids did); with the
 * Electron base "archive-reader://" that is the registered protocol, with a
 * browser host's base (e.g. "http://127.0.0.1:5174/#") it is the same route in
 * the page. `parsePassageLink` reads either back (the app's router and the W3C
 * importer use it).
 */
import type { Annotation } from './annotation-model';
import { LINK_PROTOCOL } from '../origin';
import type { CitedDoc } from './types';
import { escapeHtml } from './escape';
import { BUNDLED_ARCHIVE_ID, isArchiveId } from './schema';
import { writeDay } from '../calendar';

export const PUBLISHER = 'Collective Security Treaty Organization';
export const DEFAULT_LINK_BASE = `${LINK_PROTOCOL}://`;

const SAFE_LINK_SCHEMES = new Set([`${LINK_PROTOCOL}:`, 'http:', 'https:']);

/**
 * A link base is only used when it is a URL of a scheme that cannot run code;
 * anything else falls back to the app protocol, so a bad AppInfo can never put
 * a javascript: URL into an exported file.
 */
export function normalizeLinkBase(linkBase: string | undefined): string {
  if (!linkBase) return DEFAULT_LINK_BASE;
  const m = /^([a-z][a-z0-9+.-]*:)/i.exec(linkBase);
  if (!m || !SAFE_LINK_SCHEMES.has(m[1].toLowerCase())) return DEFAULT_LINK_BASE;
  if (/[\s"'<>`]/.test(linkBase)) return DEFAULT_LINK_BASE;
  return linkBase;
}

/** Link to an article, or to one highlight in it, in an archive (default: the bundled one). */
export function passageLink(linkBase: string | undefined, docId: string, annotationId?: string, archiveId?: string): string {
  const base = normalizeLinkBase(linkBase);
  const article = `${base}article/${encodeURIComponent(docId)}`;
  const query = [
    annotationId === undefined ? '' : `annotation=${encodeURIComponent(annotationId)}`,
    archiveId === undefined || archiveId === BUNDLED_ARCHIVE_ID ? '' : `archive=${encodeURIComponent(archiveId)}`,
  ].filter(Boolean);
  return query.length ? `${article}?${query.join('&')}` : article;
}

export interface ParsedPassageLink {
  docId: string;
  annotationId: string | null;
  /** The archive the link names ("bundled" when it names none). */
  archiveId: string;
}

/**
 * Reads a passage link made by `passageLink` with any base: the part after the
 * last "article/" up to "?" is the article id. Returns null for anything else.
 */
export function parsePassageLink(url: string): ParsedPassageLink | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  const m = /(?:^|[/#])article\/([^/?#]+)(?:\?([^#]*))?(?:#.*)?$/.exec(url);
  if (!m) return null;
  try {
    const docId = decodeURIComponent(m[1]);
    let annotationId: string | null = null;
    let archiveId = BUNDLED_ARCHIVE_ID;
    for (const pair of (m[2] ?? '').split('&')) {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
      if (key === 'annotation' && value) annotationId = value;
      // An archive id that is not one is no link of ours (never guessed as the bundled archive).
      if (key === 'archive') {
        if (!isArchiveId(value)) return null;
        archiveId = value;
      }
    }
    return docId ? { docId, annotationId, archiveId } : null;
  } catch {
    return null; // malformed percent-encoding
  }
}

/** "1 May 2013" from "2013-05-01"; "n.d." when the page gave no date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'n.d.';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = Number(m[2]) - 1;
  return month >= 0 && month < 12 ? writeDay(Number(m[3]), month, m[1]) : iso;
}

export interface CitationDate {
  iso: string | null;
  /** Which date it is: a citation says so when it is not the publication date. */
  kind: 'published' | 'event' | null;
}

/**
 * The date a citation gives: the one the reader shows. That is the
 * publication date, else the date of the event the article reports (pages
 * without a dated title line have only that), else none ("n.d.").
 */
export function citationDate(doc: Pick<CitedDoc, 'published' | 'eventDate'>): CitationDate {
  if (doc.published) return { iso: doc.published, kind: 'published' };
  if (doc.eventDate) return { iso: doc.eventDate, kind: 'event' };
  return { iso: null, kind: null };
}

/** "1 May 2013", "1 May 2013 (event date)" or "n.d.". */
export function formatCitationDate(doc: Pick<CitedDoc, 'published' | 'eventDate'>): string {
  const d = citationDate(doc);
  return d.kind === 'event' ? `${formatDate(d.iso)} (event date)` : formatDate(d.iso);
}

/** The article an annotation cites, or a stand-in when the archive no longer has it. */
export function citedDoc(docs: ReadonlyMap<string, CitedDoc>, docId: string): CitedDoc {
  return docs.get(docId) ?? { id: docId, title: `Unknown article ${docId}`, published: null };
}

/** `“Title”, Collective Security Treaty Organization, 1 May 2013, archive id X.` */
export function citationText(doc: CitedDoc): string {
  return `“${doc.title}”, ${PUBLISHER}, ${formatCitationDate(doc)}, archive id ${doc.id}.`;
}

/** The same citation as an HTML fragment (title linked to the passage when a link is given). */
export function citationHtml(doc: CitedDoc, link?: string): string {
  const title = escapeHtml(doc.title);
  const titled = link ? `<a href="${escapeHtml(link)}">${title}</a>` : title;
  return `“${titled}”, ${escapeHtml(PUBLISHER)}, ${escapeHtml(formatCitationDate(doc))}, archive id ${escapeHtml(doc.id)}.`;
}

export interface ClipboardPayload {
  text: string;
  html: string;
}

/**
 * "Copy with citation": the quote and its citation, as plain text and as HTML,
 * for `ClipboardItem({'text/plain', 'text/html'})` or Electron's clipboard.
 */
export function copyWithCitation(
  quote: string,
  doc: CitedDoc,
  opts: { linkBase?: string; annotationId?: string; archiveId?: string } = {},
): ClipboardPayload {
  const link = passageLink(opts.linkBase, doc.id, opts.annotationId, opts.archiveId);
  const text = `“${quote}”\n— ${citationText(doc)} ${link}`;
  const paragraphs = quote
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const html = `<blockquote>${paragraphs}</blockquote><p>— ${citationHtml(doc, link)}</p>`;
  return { text, html };
}

/** Convenience for an annotation: its quote, cited and linked. */
export function copyAnnotationWithCitation(
  annotation: Pick<Annotation, 'id' | 'archiveId' | 'docId' | 'quote'>,
  docs: ReadonlyMap<string, CitedDoc>,
  linkBase?: string,
): ClipboardPayload {
  return copyWithCitation(annotation.quote.exact, citedDoc(docs, annotation.docId), {
    linkBase,
    annotationId: annotation.id,
    archiveId: annotation.archiveId,
  });
}
