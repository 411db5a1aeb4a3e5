/**
 * CSV for spreadsheets: one row per excerpt, RFC 4180 quoting (fields with a
 * comma, quote or line break are quoted, quotes doubled, CRLF between records),
 * a UTF-8 byte-order mark so Excel reads Cyrillic, and formula injection
 * neutralized: a cell that starts with =, +, -, @, tab or CR gets a leading
 * apostrophe so no spreadsheet evaluates it (OWASP's advice).
 */
import type { Annotation } from './annotation-model';
import { citationDate, citationText, citedDoc } from './citation';
import { exportContext, type ExportContext } from './export-context';
import { renderSync, type ItemRenderer } from './run-export';
import type { ExportInput, ProgressCallback } from './types';

export const CSV_COLUMNS = [
  'annotation_id', 'article_id', 'article_title', 'date', 'date_kind', 'colour', 'quote', 'note',
  'tags', 'created', 'modified', 'citation', 'link',
] as const;

/** A cell a spreadsheet will show as text, never run as a formula. */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 field: quoted when it holds a comma, a double quote or a line break. */
export function csvField(value: string): string {
  const v = neutralizeFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

function csvRenderer(ctx: ExportContext): ItemRenderer<Annotation, string> {
  return {
    item: (a) => {
      const doc = ctx.doc(a);
      const date = citationDate(doc);
      return csvRow([
        a.id, a.docId, doc.title, date.iso ?? '', date.kind ?? '', ctx.colorLabel(a), a.quote.exact, a.note,
        a.tags.join('; '), a.created, a.modified, citationText(doc), ctx.link(a),
      ]);
    },
    assemble: (rows) => {
      // Article notes as rows of their own: no quote, colour "Article note", the article's link.
      const notes = ctx.articleNotes.map((n) => {
        const doc = citedDoc(ctx.input.docs, n.docId);
        const date = citationDate(doc);
        const note = n.starred ? `${n.note}${n.note ? ' ' : ''}(starred)` : n.note;
        return csvRow([
          '', n.docId, doc.title, date.iso ?? '', date.kind ?? '', 'Article note', '', note,
          n.tags.join('; '), '', '', citationText(doc), ctx.articleLink(n.docId),
        ]);
      });
      return `\uFEFF${[csvRow(CSV_COLUMNS), ...rows, ...notes].join('\r\n')}\r\n`;
    },
  };
}

export { csvRenderer };

export function exportCsv(input: ExportInput, onProgress?: ProgressCallback): string {
  return renderSync(csvRenderer(exportContext(input)), input.annotations, onProgress);
}
