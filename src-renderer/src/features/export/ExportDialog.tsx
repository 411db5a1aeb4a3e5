/**
 * The export dialog: choose what (the open article, the Notebook's selection
 * or filter, everything), choose a format, watch the progress, get the file
 * (a save dialog in Electron, a download in a browser: see deliver-file.ts).
 *
 * Data and saving come in as props, so the reader, the Notebook and tests can
 * mount it with their own scope loaders (zotero/reader style).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Annotation, ColorDef } from '../../../../src-main/shared/notes/annotation-model';
import type { SaveFileResponse } from '../../../../src-main/shared/contract';
import type { Result } from '../../../../src-main/shared/result';
import { FORMATS, exportAsync } from '../../../../src-main/shared/notes/formats';
import { sortForExport } from '../../../../src-main/shared/notes/export-selection';
import { ExportCancelledError } from '../../../../src-main/shared/notes/run-export';
import type { ArticleNote, CitedDoc, ExportFormat } from '../../../../src-main/shared/notes/types';
import { useNotesDb } from '../../db';
import type { SaveExportFile } from './deliver-file';
import type { PrintPdf } from './print-pdf';
import { formatCount, formatNumber } from '../../platform/format';

export interface ExportScope {
  id: 'article' | 'selection' | 'everything';
  /** e.g. "This article", "Selected in the Notebook (12)", "Everything". */
  label: string;
  /** Loads the annotations in the person's chosen order (or any order: they are sorted by article unless `keepOrder`). */
  load(): Promise<Annotation[]>;
  /** The article notes that go with it ("This article", "Everything"); none for a selection of highlights. */
  loadArticleNotes?(): Promise<ArticleNote[]>;
  keepOrder?: boolean;
  /** Title of the exported document (e.g. the article's title). */
  title?: string;
}

export interface ExportDialogProps {
  scopes: readonly ExportScope[];
  initialScope?: ExportScope['id'];
  /** Article metadata by id (see loadCitedDocs). */
  loadDocs(): Promise<Result<Map<string, CitedDoc>>>;
  colors?: readonly ColorDef[];
  linkBase: string;
  appVersion: string;
  save: SaveExportFile;
  /** PDF of the HTML export (see print-pdf.ts); without it PDF is not offered. */
  printPdf?: PrintPdf;
  onClose(): void;
}

type DialogFormat = ExportFormat | 'pdf';

/** The pure formats, with PDF (printed from the HTML) after HTML. */
function formatChoices(pdf: boolean): { id: DialogFormat; label: string }[] {
  const out: { id: DialogFormat; label: string }[] = [];
  for (const f of FORMATS) {
    out.push({ id: f.id, label: f.label });
    if (f.id === 'html' && pdf) out.push({ id: 'pdf', label: 'PDF (printed from the HTML)' });
  }
  return out;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

export function ExportDialog(props: ExportDialogProps) {
  const { scopes, loadDocs, colors, linkBase, appVersion, save, printPdf, onClose } = props;
  // Links to whole articles name the open archive (links to a highlight name the highlight's own).
  const { archiveId } = useNotesDb();
  const [scopeId, setScopeId] = useState(props.initialScope ?? scopes[0]?.id);
  const [format, setFormat] = useState<DialogFormat>('md');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);

  // Focus moves into the dialog when it opens (keyboard and screen-reader users land on it).
  useEffect(() => dialog.current?.focus(), []);
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        abort.current?.abort();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  async function run() {
    const scope = scopes.find((s) => s.id === scopeId);
    if (!scope) return;
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'running', done: 0, total: 0 });
    try {
      const [annotations, articleNotes, docs] = await Promise.all([scope.load(), scope.loadArticleNotes?.() ?? [], loadDocs()]);
      if (!docs.ok) return setStatus({ kind: 'error', message: `Could not read the article list: ${docs.error.message}` });
      if (annotations.length === 0 && articleNotes.length === 0) return setStatus({ kind: 'error', message: 'There is nothing to export in this scope yet.' });
      const ordered = scope.keepOrder ? annotations : sortForExport(annotations, docs.value);
      const file = await exportAsync(
        format === 'pdf' ? 'html' : format,
        { annotations: ordered, articleNotes, docs: docs.value, colors, linkBase, archiveId, appVersion, title: scope.title },
        { signal: controller.signal, onProgress: (done, total) => setStatus({ kind: 'running', done, total }) },
      );
      const saved: Result<SaveFileResponse> = format === 'pdf' && printPdf ? await printPdf(file) : await save(file);
      if (!saved.ok) {
        return setStatus(
          saved.error.code === 'cancelled' ? { kind: 'idle' } : { kind: 'error', message: `Not saved: ${saved.error.message}` },
        );
      }
      setStatus({
        kind: 'done',
        message: `Exported ${formatCount(ordered.length, 'excerpt', 'excerpts')} to ${saved.value.savedAs}.${saved.value.hint ? ` ${saved.value.hint}` : ''}`,
      });
    } catch (e) {
      if (e instanceof ExportCancelledError) setStatus({ kind: 'idle' });
      else setStatus({ kind: 'error', message: `The export failed: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      abort.current = null;
    }
  }

  const running = status.kind === 'running';
  return (
    <div className="export-backdrop" role="presentation">
      <div ref={dialog} tabIndex={-1} className="export-dialog card" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} className="card-title">
          Export excerpts
        </h2>
        <fieldset className="export-fieldset" disabled={running}>
          <legend className="section-label">What</legend>
          {scopes.map((s) => (
            <label key={s.id} className="export-choice">
              <input type="radio" name="export-scope" value={s.id} checked={scopeId === s.id} onChange={() => setScopeId(s.id)} />
              {s.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="export-fieldset" disabled={running}>
          <legend className="section-label">Format</legend>
          {formatChoices(!!printPdf).map((f) => (
            <label key={f.id} className="export-choice">
              <input type="radio" name="export-format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
              {f.label}
            </label>
          ))}
        </fieldset>
        {running && (
          <div className="export-progress">
            <progress aria-label="Export progress" max={status.total || 1} value={status.done} />
            <span className="subtle">
              {status.total ? `${formatNumber(status.done)} of ${formatNumber(status.total)}` : 'Preparing…'}
            </span>
          </div>
        )}
        {status.kind === 'done' && (
          <p className="export-status" role="status">
            {status.message}
          </p>
        )}
        {status.kind === 'error' && (
          <p className="inline-error" role="alert">
            {status.message}
          </p>
        )}
        <div className="export-actions">
          {running ? (
            <button type="button" className="button button-quiet" onClick={() => abort.current?.abort()}>
              Cancel export
            </button>
          ) : (
            <button type="button" className="button button-quiet" onClick={onClose}>
              Close
            </button>
          )}
          <button type="button" className="button" onClick={run} disabled={running || !scopeId}>
            Export
          </button>
        </div>
      </div>
    </div>
  );
}
