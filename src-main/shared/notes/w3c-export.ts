/**
 * W3C Web Annotation Data Model (JSON-LD) export: an AnnotationCollection with
 * one AnnotationPage holding every annotation. Each annotation targets its
 * passage link with a TextQuoteSelector and a TextPositionSelector; the note is
 * a TextualBody (text/markdown, purpose "commenting"), each tag a TextualBody
 * with purpose "tagging". The fields the model has no word for (article id,
 * text hash) sit under the "archiveReader" key, which the importer reads back.
 *
 * The model's MUSTs, each checked by w3c-conformance.test.ts:
 *  - the collection and its page have an `id` (an IRI) and a `type`;
 *  - a highlight without note or tags has no `body` at all (a body, when
 *    present, must be a valid resource: never `"body": []`);
 *  - `styleClass` lives on the target and the CSS that defines it in the
 *    annotation's own `stylesheet` (the model defines stylesheet on the
 *    Annotation, not on the collection), so a consumer can show the colour.
 *
 * https://www.w3.org/TR/annotation-model/
 */
import { DEFAULT_COLORS, type Annotation } from './annotation-model';
import { exportContext, type ExportContext } from './export-context';
import { renderSync, type ItemRenderer } from './run-export';
import type { ExportInput, ProgressCallback } from './types';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ANNOTATION_ID_PREFIX = 'urn:archive-reader:annotation:';
export const COLLECTION_ID_PREFIX = 'urn:archive-reader:collection:';

type TextualBody = { type: 'TextualBody'; value: string; format?: string; purpose: 'commenting' | 'tagging' };

export interface W3cAnnotationOut {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  /** Absent when the highlight has neither note nor tags. */
  body?: TextualBody[];
  stylesheet: { type: 'CssStylesheet'; value: string };
  target: {
    source: string;
    styleClass: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  archiveReader: { archiveId: string; docId: string; textHash: string; color: string };
}

export function toW3cAnnotation(a: Annotation, ctx: ExportContext): W3cAnnotationOut {
  const body: TextualBody[] = [];
  if (a.note) body.push({ type: 'TextualBody', value: a.note, format: 'text/markdown', purpose: 'commenting' });
  for (const t of a.tags) body.push({ type: 'TextualBody', value: t, purpose: 'tagging' });
  return {
    id: ANNOTATION_ID_PREFIX + encodeURIComponent(a.id),
    type: 'Annotation',
    motivation: a.note ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    ...(body.length > 0 ? { body } : {}),
    stylesheet: { type: 'CssStylesheet', value: colorRule(a.color, ctx) },
    target: {
      source: ctx.link(a),
      styleClass: `color-${a.color}`,
      selector: [
        { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
      ],
    },
    archiveReader: { archiveId: a.archiveId, docId: a.docId, textHash: a.textHash, color: a.color },
  };
}

/** The CSS rule for one highlight colour (the person's hex when set, else the default). */
function colorRule(color: Annotation['color'], ctx: ExportContext): string {
  const hex = (ctx.input.colors ?? []).find((c) => c.id === color)?.hex ?? DEFAULT_COLORS.find((c) => c.id === color)?.hex ?? '#ffe066';
  return `.color-${color} { background-color: ${hex}; }`;
}

/** A stable IRI for this export (the same input gives the same file). */
const collectionId = (ctx: ExportContext): string => COLLECTION_ID_PREFIX + encodeURIComponent(ctx.generatedAt);

export function w3cRenderer(ctx: ExportContext): ItemRenderer<Annotation, W3cAnnotationOut> {
  return {
    item: (a) => toW3cAnnotation(a, ctx),
    assemble: (items) =>
      JSON.stringify(
        {
          '@context': W3C_CONTEXT,
          id: collectionId(ctx),
          type: 'AnnotationCollection',
          label: ctx.title,
          total: items.length,
          generated: ctx.generatedAt,
          generator: {
            type: 'Software',
            name: 'Archive Reader',
            ...(ctx.input.appVersion ? { version: ctx.input.appVersion } : {}),
          },
          first: { id: `${collectionId(ctx)}:page:0`, type: 'AnnotationPage', partOf: collectionId(ctx), startIndex: 0, items },
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
