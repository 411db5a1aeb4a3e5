/**
 * The Notebook's dossier: the DossierBuilder with its items kept in the notes
 * database (settings key 'dossier', so it survives a reload and travels in
 * backups), and "Add selected" to take the Notebook's ticked excerpts.
 */
import { useMemo, useState } from 'react';
import type { Annotation } from '../../../../src-main/shared/notes/annotation-model';
import type { DocSummary } from '../../../../src-main/shared/model';
import { useApi } from '../../platform/api-context';
import { useArchiveStatus } from '../../platform/archive-status';
import { useColors, useNotesDb, useSetting, writeSetting } from '../../db';
import type { DossierItem } from '../../../../src-main/shared/notes/dossier';
import type { CitedDoc } from '../../../../src-main/shared/notes/types';
import { addExcerpts, DossierBuilder, fileSaver, pdfPrinter, restoreDossierItems } from '../export';
import { showToast } from '../annotations';

const KEY = 'dossier';

interface Stored {
  title: string;
  items: DossierItem[];
}

function restoreStored(raw: unknown): Stored {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return { title: typeof o.title === 'string' ? o.title.slice(0, 300) : '', items: restoreDossierItems(o.items) };
}

export function DossierPanel({ selected, annotations, docs }: { selected: string[]; annotations: ReadonlyMap<string, Annotation>; docs: DocSummary[] }) {
  const db = useNotesDb();
  const api = useApi();
  const colors = useColors();
  const { info } = useArchiveStatus();
  const raw = useSetting(KEY);
  const saved = useMemo(() => restoreStored(raw), [raw]);
  // Once the person edits, this view's copy leads (saved as it changes), so quick typing
  // or clicks never build on a database answer that has not arrived yet.
  const [edited, setEdited] = useState<Stored | null>(null);
  const stored = edited ?? saved;
  const docMap = useMemo(() => new Map<string, CitedDoc>(docs.map((d) => [d.id, d])), [docs]);
  const host = info?.host ?? 'web';

  const write = async (next: Stored) => {
    setEdited(next);
    const r = await writeSetting(db, KEY, next);
    if (!r.ok) showToast(r.error.message);
  };

  if (raw === undefined) return null;
  return (
    <div className="dossier-panel">
      <button
        type="button"
        className="button button-quiet"
        disabled={selected.length === 0}
        onClick={() => void write({ ...stored, items: addExcerpts(stored.items, selected) })}
      >
        {selected.length ? `Add ${selected.length} selected to the dossier` : 'Select highlights to add them to the dossier'}
      </button>
      <DossierBuilder
        title={stored.title}
        onTitleChange={(title) => void write({ ...stored, title })}
        items={stored.items}
        onChange={(items) => void write({ ...stored, items })}
        annotations={annotations}
        docs={docMap}
        colors={colors}
        linkBase={info?.linkBase ?? `${location.origin}${location.pathname}#`}
        save={fileSaver(host, api)}
        printPdf={pdfPrinter(host, api)}
      />
    </div>
  );
}
