/**
 * W3C Web Annotation Data Model (JSON-LD) export: an AnnotationCollection with
 * one AnnotationPage holding every annotation. Each annotation targets its
 * passage link with a TextQuoteSelector and a TextPositionSelector; the note is
 * a TextualBody (text/markdown, purpose "commenting"), each tag a TextualBody
 * with purpose "tagging"; the colour is a styleClass defined in the
 * collection's CssStylesheet. The fields the model has no word for (article id,
 * text hash) sit under the "archiveReader" key, which the importer reads back.
 *
 * https://www.w3.org/TR/annotation-model/
 */
import { DEFAULT_COLORS, type Annotation } from './annotation-model';
import { exportContext, type ExportContext } from './export-context';
import { renderSync, type ItemRenderer } from './run-export';
import type { ExportInput, ProgressCallback } from './types';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ANNOTATION_ID_PREFIX = 'urn:archive-reader:annotation:';

export interface W3cAnnotationOut {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body: Array<{ type: 'TextualBody'; value: string; format?: string; purpose: 'commenting' | 'tagging' }>;
  target: {
    source: string;
    styleClass: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  archiveReader: { docId: string; textHash: string; color: string };
}

export function toW3cAnnotation(a: Annotation, ctx: ExportContext): W3cAnnotationOut {
  const body: W3cAnnotationOut['body'] = [];
  if (a.note) body.push({ type: 'TextualBody', value: a.note, format: 'text/markdown', purpose: 'commenting' });
  for (const t of a.tags) body.push({ type: 'TextualBody', value: t, purpose: 'tagging' });
  return {
    id: ANNOTATION_ID_PREFIX + encodeURIComponent(a.id),
    type: 'Annotation',
    motivation: a.note ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    body,
    target: {
      source: ctx.link(a),
      styleClass: `color-${a.color}`,
      selector: [
        { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
      ],
    },
    archiveReader: { docId: a.docId, textHash: a.textHash, color: a.color },
  };
}

function stylesheet(ctx: ExportContext): string {
  const seen = new Map<string, string>();
  for (const c of DEFAULT_COLORS) seen.set(c.id, c.hex);
  for (const c of ctx.input.colors ?? []) seen.set(c.id, c.hex);
  return [...seen].map(([id, hex]) => `.color-${id} { background-color: ${hex}; }`).join(' ');
}

export function w3cRenderer(ctx: ExportContext): ItemRenderer<Annotation, W3cAnnotationOut> {
  return {
    item: (a) => toW3cAnnotation(a, ctx),
    assemble: (items) =>
      JSON.stringify(
        {
          '@context': W3C_CONTEXT,
          type: 'AnnotationCollection',
          label: ctx.title,
          total: items.length,
          generated: ctx.generatedAt,
          generator: {
            type: 'Software',
            name: 'Archive Reader',
            ...(ctx.input.appVersion ? { version: ctx.input.appVersion } : {}),
          },
          stylesheet: { type: 'CssStylesheet', value: stylesheet(ctx) },
          first: { type: 'AnnotationPage', startIndex: 0, items },
        },
        null,
        2,
      ) + '\n',
  };
}

export function exportW3c(input: ExportInput, onProgress?: ProgressCallback): string {
  const ctx = exportContext(input);
  return renderSync(w3cRenderer(ctx), input.annotations, onProgress);
}
