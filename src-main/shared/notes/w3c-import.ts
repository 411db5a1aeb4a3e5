/**
 * Reading W3C Web Annotation JSON (from this app or another) into annotations.
 *
 * Accepts an AnnotationCollection (with an embedded first page), an
 * AnnotationPage, a single Annotation, or a list of them. For each annotation:
 * the article comes from our "archiveReader.docId", else from a passage link in
 * target.source, else from the caller's `resolveSource` (e.g. a URL map);
 * the text from a TextQuoteSelector (required) and TextPositionSelector
 * (optional; computed from the article text when the caller can give it);
 * the note from TextualBody bodies (or bodyValue) and the tags from bodies with
 * purpose "tagging". Every built annotation passes the same validator as a
 * backup row. Annotations whose article the archive does not have are listed,
 * not dropped silently; broken ones are listed with the reason.
 */
import type { Annotation, ColorId } from './annotation-model';
import { QUOTE_CONTEXT_CHARS } from './annotation-model';
import { BUNDLED_ARCHIVE_ID, COLOR_IDS, describe, validateAnnotation } from './schema';
import { parsePassageLink } from './citation';
import { isPlainObject, parseJsonSafely } from './safe-json';
import { ANNOTATION_ID_PREFIX } from './w3c-export';

export const MAX_IMPORT_CHARS = 100 * 1024 * 1024;
export const MAX_IMPORT_ANNOTATIONS = 100_000;

export interface W3cImportOptions {
  /** Articles the archive has. */
  knownDocIds: ReadonlySet<string>;
  /** Map a foreign target source (a URL) to an archive id, when the caller knows how. */
  resolveSource?: (source: string) => string | undefined;
  /** Article text by id, to compute a missing TextPositionSelector. */
  docText?: (docId: string) => string | undefined;
  /** New ids for annotations that have none (W3C allows blank nodes). */
  newId?: () => string;
  /** Timestamp for annotations without created/modified. */
  now?: string;
  /** The archive the annotations are imported into (the open one, whose knownDocIds these are); default "bundled". */
  archiveId?: string;
}

export interface UnknownDocAnnotation {
  index: number;
  source: string;
  quote: string;
}

export interface InvalidAnnotation {
  index: number;
  message: string;
}

export type W3cImportResult =
  | {
      ok: true;
      /** Ready to write: valid, with known articles. */
      annotations: Annotation[];
      unknownDocs: UnknownDocAnnotation[];
      invalid: InvalidAnnotation[];
      total: number;
    }
  | { ok: false; message: string };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const hasType = (o: Record<string, unknown>, t: string): boolean => {
  const ty = o.type ?? o['@type'];
  const list = Array.isArray(ty) ? ty : [ty];
  return list.some((x) => x === t || x === `oa:${t}` || x === `as:${t}`);
};

const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** The annotation objects of any accepted container, or a message. */
function annotationsOf(v: unknown): unknown[] | string {
  if (Array.isArray(v)) return v;
  if (!isPlainObject(v)) return 'the file holds no annotations';
  if (hasType(v, 'Annotation')) return [v];
  if (hasType(v, 'AnnotationPage')) return asList(v.items);
  if (hasType(v, 'AnnotationCollection')) {
    if (Array.isArray(v.items)) return v.items;
    if (isPlainObject(v.first)) {
      const out: unknown[] = [];
      let page: unknown = v.first;
      let pages = 0;
      while (isPlainObject(page) && pages++ < 10_000) {
        out.push(...asList(page.items));
        page = page.next;
      }
      return out;
    }
    if (typeof v.first === 'string') return 'the collection\'s pages are on the web ("first" is a link); only files that hold their annotations can be imported';
    return 'the collection holds no annotation page';
  }
  if ('formatName' in v) return 'this is a backup file, not a W3C annotation file: use "Restore" for backups';
  return 'it is not a W3C Web Annotation file (no "type": "Annotation", "AnnotationPage" or "AnnotationCollection")';
}

export function importW3cText(text: string, opts: W3cImportOptions): W3cImportResult {
  const parsed = parseJsonSafely(text, { maxChars: MAX_IMPORT_CHARS, what: 'annotation file' });
  if (!parsed.ok) return parsed;
  return importW3cValue(parsed.value, opts);
}

export function importW3cValue(value: unknown, opts: W3cImportOptions): W3cImportResult {
  const items = annotationsOf(value);
  if (typeof items === 'string') return { ok: false, message: `The annotation file cannot be imported: ${items}.` };
  if (items.length > MAX_IMPORT_ANNOTATIONS) {
    return { ok: false, message: `The annotation file holds ${items.length} annotations; the limit is ${MAX_IMPORT_ANNOTATIONS}.` };
  }
  const annotations: Annotation[] = [];
  const unknownDocs: UnknownDocAnnotation[] = [];
  const invalid: InvalidAnnotation[] = [];
  const seen = new Set<string>();
  items.forEach((raw, index) => {
    const r = buildAnnotation(raw, opts);
    if ('message' in r) return void invalid.push({ index, message: r.message });
    if (!r.docId || !opts.knownDocIds.has(r.docId)) {
      return void unknownDocs.push({ index, source: r.source, quote: r.exact });
    }
    const v = validateAnnotation(r.annotation);
    if (!v.ok) return void invalid.push({ index, message: v.message });
    if (seen.has(v.row.id)) return void invalid.push({ index, message: `the id "${v.row.id}" appears twice in the file` });
    seen.add(v.row.id);
    annotations.push(v.row);
  });
  return { ok: true, annotations, unknownDocs, invalid, total: items.length };
}

type Built = { annotation: Record<string, unknown>; docId: string | undefined; source: string; exact: string } | { message: string };

function buildAnnotation(raw: unknown, opts: W3cImportOptions): Built {
  if (!isPlainObject(raw)) return { message: `an annotation should be an object, not ${describe(raw)}` };
  if (!hasType(raw, 'Annotation')) return { message: 'it is not of type "Annotation"' };
  const ours = isPlainObject(raw.archiveReader) ? raw.archiveReader : {};

  // Target: the first one (of a list) that carries a TextQuoteSelector.
  let target: Record<string, unknown> | undefined;
  let quote: Record<string, unknown> | undefined;
  let position: Record<string, unknown> | undefined;
  for (const t of asList(raw.target)) {
    if (!isPlainObject(t)) continue;
    const selectors = asList(t.selector).flatMap((s) => (isPlainObject(s) ? [s, ...asList(s.refinedBy)] : []));
    const q = selectors.find((s) => isPlainObject(s) && hasType(s, 'TextQuoteSelector'));
    if (isPlainObject(q)) {
      target = t;
      quote = q;
      const p = selectors.find((s) => isPlainObject(s) && hasType(s, 'TextPositionSelector'));
      position = isPlainObject(p) ? p : undefined;
      break;
    }
  }
  if (!target || !quote) return { message: 'it has no TextQuoteSelector, so there is no text to highlight' };
  if (typeof quote.exact !== 'string' || !quote.exact) return { message: 'its TextQuoteSelector has no "exact" text' };
  const exact = quote.exact;
  const source = typeof target.source === 'string' ? target.source : typeof target.id === 'string' ? target.id : '';

  let docId: string | undefined = typeof ours.docId === 'string' ? ours.docId : undefined;
  if (!docId) docId = parsePassageLink(source)?.docId;
  if (!docId && source && opts.resolveSource) docId = opts.resolveSource(source);

  const prefix = typeof quote.prefix === 'string' ? quote.prefix.slice(-QUOTE_CONTEXT_CHARS) : '';
  const suffix = typeof quote.suffix === 'string' ? quote.suffix.slice(0, QUOTE_CONTEXT_CHARS) : '';
  let start: unknown = position?.start;
  let end: unknown = position?.end;
  if (typeof start !== 'number' || typeof end !== 'number') {
    const text = docId ? opts.docText?.(docId) : undefined;
    const at = text ? locate(text, exact, prefix) : -1;
    // Without the text, point at the start: anchoring finds the quote by search when the position does not hold it.
    start = at >= 0 ? at : 0;
    end = (at >= 0 ? at : 0) + exact.length;
  }

  let note = typeof raw.bodyValue === 'string' ? raw.bodyValue : '';
  const tags: string[] = [];
  for (const b of asList(raw.body)) {
    if (!isPlainObject(b) || typeof b.value !== 'string') continue;
    const purposes = asList(b.purpose);
    if (purposes.includes('tagging') || purposes.includes('oa:tagging')) {
      const t = b.value.trim();
      if (t && !tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
    } else {
      const v = b.format === 'text/html' ? htmlToText(b.value) : b.value;
      note = note ? `${note}\n\n${v}` : v;
    }
  }

  const styleColor = typeof target.styleClass === 'string' ? target.styleClass.replace(/^color-/, '') : undefined;
  const color = [ours.color, styleColor].find((c): c is ColorId => COLOR_IDS.includes(c as ColorId)) ?? 'yellow';
  const now = opts.now ?? new Date().toISOString();
  const created = typeof raw.created === 'string' && ISO.test(raw.created) ? raw.created : now;
  const modified = typeof raw.modified === 'string' && ISO.test(raw.modified) ? raw.modified : created;

  let id: string | undefined;
  if (typeof raw.id === 'string' && raw.id.startsWith(ANNOTATION_ID_PREFIX)) {
    try {
      id = decodeURIComponent(raw.id.slice(ANNOTATION_ID_PREFIX.length));
    } catch {
      id = undefined;
    }
  } else if (typeof raw.id === 'string' && raw.id.length <= 200) id = raw.id;
  if (!id) id = (opts.newId ?? (() => globalThis.crypto.randomUUID()))();

  return {
    docId,
    source,
    exact,
    annotation: {
      id,
      archiveId: opts.archiveId ?? BUNDLED_ARCHIVE_ID,
      docId: docId ?? '',
      color,
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      position: { type: 'TextPositionSelector', start, end },
      textHash: typeof ours.textHash === 'string' ? ours.textHash : '',
      note,
      tags,
      created,
      modified,
    },
  };
}

/** Offset of `exact` in `text`, preferring the occurrence preceded by `prefix`. */
function locate(text: string, exact: string, prefix: string): number {
  if (prefix) {
    const withPrefix = text.indexOf(prefix + exact);
    if (withPrefix >= 0) return withPrefix + prefix.length;
  }
  return text.indexOf(exact);
}

/** A foreign HTML note becomes plain text (the app's notes are Markdown). */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/p\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
