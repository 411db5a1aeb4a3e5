/**
 * The dossier builder: excerpts picked from many articles, put in order by
 * dragging (or with Move up / Move down for keyboards), headings added between
 * them, exported as one Markdown or HTML document with numbered footnotes.
 *
 * The item list is owned by the parent (`items` + `onChange`), so it can be
 * kept wherever the app keeps it (settings table, memory).
 */
import { useId, useState } from 'react';
import type { Annotation, ColorDef } from '../../../../src-main/shared/notes/annotation-model';
import type { SaveFileResponse } from '../../../../src-main/shared/contract';
import type { Result } from '../../../../src-main/shared/result';
import { citedDoc } from '../../../../src-main/shared/notes/citation';
import { dossierHtml, dossierMarkdown, type DossierItem } from '../../../../src-main/shared/notes/dossier';
import { exportFileName } from '../../../../src-main/shared/notes/formats';
import type { CitedDoc } from '../../../../src-main/shared/notes/types';
import type { SaveExportFile } from './deliver-file';
import { addHeading, moveItem, removeItem } from './dossier-order';
import type { PrintPdf } from './print-pdf';

export interface DossierBuilderProps {
  title: string;
  onTitleChange(title: string): void;
  items: readonly DossierItem[];
  onChange(items: DossierItem[]): void;
  annotations: ReadonlyMap<string, Annotation>;
  docs: ReadonlyMap<string, CitedDoc>;
  colors?: readonly ColorDef[];
  linkBase: string;
  save: SaveExportFile;
  /** PDF of the HTML dossier (print-pdf.ts); without it PDF is not offered. */
  printPdf?: PrintPdf;
}

export function DossierBuilder(props: DossierBuilderProps) {
  const { items, onChange, annotations, docs } = props;
  const [heading, setHeading] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const titleId = useId();

  async function exportAs(format: 'md' | 'html' | 'pdf') {
    const input = { title: props.title || 'Dossier', items, annotations, docs, colors: props.colors, linkBase: props.linkBase };
    const r = format === 'md' ? dossierMarkdown(input) : dossierHtml(input);
    const file = {
      text: r.text,
      mimeType: format === 'md' ? 'text/markdown' : 'text/html',
      fileName: exportFileName(input.title, format === 'md' ? 'md' : 'html'),
    };
    const saved: Result<SaveFileResponse> = format === 'pdf' && props.printPdf ? await props.printPdf(file) : await props.save(file);
    if (!saved.ok) {
      if (saved.error.code !== 'cancelled') setStatus({ error: true, text: `Not saved: ${saved.error.message}` });
      return;
    }
    const missing = r.missing.length ? ` ${r.missing.length} excerpt(s) no longer exist and were left out.` : '';
    setStatus({ error: false, text: `Dossier saved as ${saved.value.savedAs}.${missing}${saved.value.hint ? ` ${saved.value.hint}` : ''}` });
  }

  const excerptCount = items.filter((i) => i.kind === 'excerpt').length;
  return (
    <section className="dossier card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Dossier
      </h2>
      <label className="select-label">
        Dossier title
        <input type="text" value={props.title} onChange={(e) => props.onTitleChange(e.target.value)} />
      </label>
      {items.length === 0 ? (
        <p className="subtle">Add excerpts from the Notebook, then drag them into order.</p>
      ) : (
        <ol className="dossier-list" aria-label="Dossier items">
          {items.map((item, index) => {
            const a = item.kind === 'excerpt' ? annotations.get(item.annotationId) : undefined;
            const label = item.kind === 'heading' ? `Heading: ${item.text}` : a ? `Excerpt: ${a.quote.exact.slice(0, 60)}` : 'Missing excerpt';
            return (
              <li
                key={item.id}
                className="dossier-item"
                draggable
                data-dragging={dragging === index}
                data-over={over === index && dragging !== index}
                onDragStart={(e) => {
                  setDragging(index);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', item.id);
                }}
                onDragOver={(e) => {
                  e.preventDefault();
                  setOver(index);
                }}
                onDragEnd={() => {
                  setDragging(null);
                  setOver(null);
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  // The dragged item's id travels in the event (state may not have re-rendered yet).
                  const draggedId = e.dataTransfer.getData('text/plain');
                  const from = draggedId ? items.findIndex((i) => i.id === draggedId) : dragging;
                  if (from !== null && from >= 0) onChange(moveItem(items, from, index));
                  setDragging(null);
                  setOver(null);
                }}
              >
                <span className="dossier-grip" aria-hidden="true">
                  ⠿
                </span>
                <div className="dossier-item-body">
                  {item.kind === 'heading' ? (
                    <p className="dossier-item-heading">{item.text}</p>
                  ) : a ? (
                    <>
                      <p className="dossier-item-quote">“{a.quote.exact.length > 280 ? `${a.quote.exact.slice(0, 280)}…` : a.quote.exact}”</p>
                      <p className="subtle">{citedDoc(docs, a.docId).title}</p>
                    </>
                  ) : (
                    <p className="subtle">This excerpt was deleted; it will be left out.</p>
                  )}
                </div>
                <button type="button" className="icon-button" aria-label={`Move up: ${label}`} disabled={index === 0} onClick={() => onChange(moveItem(items, index, index - 1))}>
                  ↑
                </button>
                <button type="button" className="icon-button" aria-label={`Move down: ${label}`} disabled={index === items.length - 1} onClick={() => onChange(moveItem(items, index, index + 1))}>
                  ↓
                </button>
                <button type="button" className="icon-button" aria-label={`Remove: ${label}`} onClick={() => onChange(removeItem(items, item.id))}>
                  ×
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <form
        className="dossier-add"
        onSubmit={(e) => {
          e.preventDefault();
          onChange(addHeading(items, heading));
          setHeading('');
        }}
      >
        <input type="text" aria-label="New heading" placeholder="Heading text" value={heading} onChange={(e) => setHeading(e.target.value)} />
        <button type="submit" className="button button-quiet" disabled={!heading.trim()}>
          Add heading
        </button>
      </form>
      <div className="export-actions">
        <button type="button" className="button button-quiet" disabled={excerptCount === 0} onClick={() => exportAs('md')}>
          Export dossier as Markdown
        </button>
        <button type="button" className="button" disabled={excerptCount === 0} onClick={() => exportAs('html')}>
          Export dossier as HTML
        </button>
        {props.printPdf ? (
          <button type="button" className="button button-quiet" disabled={excerptCount === 0} onClick={() => exportAs('pdf')}>
            Export dossier as PDF
          </button>
        ) : null}
      </div>
      {status && (
        <p className={status.error ? 'inline-error' : 'export-status'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
