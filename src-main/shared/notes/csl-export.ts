/**
 * CSL-JSON of the articles the excerpts cite, for Zotero and other citation
 * managers: one item per article (not per excerpt), type article-newspaper,
 * id = archive id, URL = the article's link in the app.
 *
 * https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html
 */
import type { Annotation } from './annotation-model';
import { PUBLISHER, citationDate, passageLink } from './citation';
import { exportContext, type ExportContext } from './export-context';
import { renderSync, type ItemRenderer } from './run-export';
import type { CitedDoc, ExportInput, ProgressCallback } from './types';

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  publisher: string;
  'container-title': string;
  issued?: { 'date-parts': [[number, number, number]] | [[number, number]] | [[number]] };
  /** Set when the only date known is the event's: CSL's own variable for it. */
  'event-date'?: { 'date-parts': [[number, number, number]] | [[number, number]] | [[number]] };
  URL: string;
  note: string;
}

export function dateParts(iso: string | null): CslItem['issued'] | undefined {
  const m = iso ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso) : null;
  if (!m) return undefined;
  const parts = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined].filter(
    (n): n is number => n !== undefined,
  );
  return { 'date-parts': [parts] as [[number, number, number]] };
}

export function cslItem(doc: CitedDoc, linkBase: string, archiveId?: string): CslItem {
  // `issued` is the date the reader shows; when that is the event's date, say so.
  const date = citationDate(doc);
  const issued = dateParts(date.iso);
  return {
    id: doc.id,
    type: 'article-newspaper',
    title: doc.title,
    publisher: PUBLISHER,
    'container-title': `${PUBLISHER} news`,
    ...(issued ? { issued } : {}),
    ...(issued && date.kind === 'event' ? { 'event-date': issued } : {}),
    URL: passageLink(linkBase, doc.id, undefined, archiveId),
    note: date.kind === 'event' ? `Archive id: ${doc.id}. No publication date; dated by the event it reports.` : `Archive id: ${doc.id}`,
  };
}

function cslRenderer(ctx: ExportContext): ItemRenderer<Annotation, null> {
  return {
    item: () => null,
    assemble: () => {
      const items = ctx.citedDocs
        .map((d) => cslItem(d, ctx.linkBase, ctx.archiveId))
        .sort((a, b) => {
          const da = citationDate(ctx.input.docs.get(a.id) ?? { published: null }).iso ?? '';
          const db = citationDate(ctx.input.docs.get(b.id) ?? { published: null }).iso ?? '';
          return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        });
      return JSON.stringify(items, null, 2) + '\n';
    },
  };
}

export { cslRenderer };

export function exportCsl(input: ExportInput, onProgress?: ProgressCallback): string {
  return renderSync(cslRenderer(exportContext(input)), input.annotations, onProgress);
}
