/**
 * The archive switcher in the header: which archive is open, and a panel
 * listing every archive (the bundled one first) to switch to, rename, remove
 * (asking first; notes are kept) or import into again, plus Import...
 * An archive whose folder is gone or damaged says so and what to do. The
 * panel also hosts the import dialog, so every "Import" opens the same one.
 */
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ArchiveListItem, ArchivesResponse } from '../../../../src-main/shared/contract';
import { useApi } from '../../platform/api-context';
import { useArchiveStatus } from '../../platform/archive-status';
import { openImport, useImportRequest } from './import-store';
import { goToArchive } from './places';

// The import dialog (uploads, progress, report) is a chunk of its own, loaded when it is first opened.
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));

export function ArchiveSwitcher() {
  const api = useApi();
  const { info } = useArchiveStatus();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<ArchivesResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unsupported, setUnsupported] = useState(false);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const importRequest = useImportRequest();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const r = await api.archiveList();
    if (r.ok) setList(r.value);
    else if (r.error.code !== 'unsupported') setError(r.error.message);
    else setUnsupported(true);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load, open, importRequest]);

  // The host has one open archive for all its windows: when another window switched it, this one follows on
  // coming back (reloading into that archive's place) rather than showing one archive while the host serves another.
  const shownId = info?.archiveId;
  useEffect(() => {
    if (!shownId) return;
    const check = () => {
      if (document.visibilityState !== 'visible') return;
      void api.appInfo().then((r) => {
        if (r.ok && r.value.archiveId !== shownId) goToArchive(shownId, r.value.archiveId);
      });
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [api, shownId]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  // A host with one archive only (no list) shows no switcher. Until the list answers, its place is held
  // (the button has a fixed width): appearing a moment after the library, it moved the navigation and the
  // search box 280 px under the pointer.
  if (!list) {
    return error === null && !unsupported ? (
      <div className="archive-switcher" aria-hidden="true">
        <span className="archive-current archive-current-pending">
          <span className="archive-current-label">Archive</span>
        </span>
      </div>
    ) : null;
  }
  const current = list.archives.find((a) => a.open) ?? list.archives[0];

  async function act(call: () => ReturnType<typeof api.archiveList>, then?: (r: ArchivesResponse) => void) {
    setError(null);
    const r = await call();
    if (!r.ok) return setError(r.error.message);
    setList(r.value);
    then?.(r.value);
  }

  const switchTo = (id: string) => act(() => api.archiveOpen({ id }), (r) => goToArchive(info?.archiveId, r.openId));

  return (
    <div className="archive-switcher" ref={root}>
      <button type="button" className="archive-current" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)} title="Switch archive">
        <span className="archive-current-label">Archive</span>
        <span className="archive-current-name">{current?.name}</span>
        <svg viewBox="0 0 12 12" aria-hidden="true">
          <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {list.notice && list.notice !== dismissed && !open ? (
        <div className="archive-notice" role="alert">
          <p>{list.notice}</p>
          <button type="button" className="link-button" onClick={() => setDismissed(list.notice)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {open ? (
        <div id={panelId} className="archive-panel card" role="region" aria-label="Archives">
          <ul className="archive-list">
            {list.archives.map((a) => (
              <ArchiveRow
                key={a.id}
                archive={a}
                onOpen={() => void switchTo(a.id)}
                onRename={(name) => act(() => api.archiveRename({ id: a.id, name }))}
                onRemove={() => act(() => api.archiveRemove({ id: a.id }), (r) => (a.open ? goToArchive(undefined, r.openId) : undefined))}
                onReimport={() => {
                  setOpen(false);
                  openImport({ into: a.id });
                }}
              />
            ))}
          </ul>
          {error ? (
            <p className="inline-error" role="alert">
              {error}
            </p>
          ) : null}
          <button
            type="button"
            className="button archive-import"
            onClick={() => {
              setOpen(false);
              openImport();
            }}
          >
            Import…
          </button>
        </div>
      ) : null}
      {importRequest ? (
        <Suspense fallback={null}>
          <ImportDialog request={importRequest} archives={list.archives} />
        </Suspense>
      ) : null}
    </div>
  );
}

function ArchiveRow(props: {
  archive: ArchiveListItem;
  onOpen: () => void;
  onRename: (name: string) => Promise<void>;
  onRemove: () => Promise<void>;
  onReimport: () => void;
}) {
  const { archive: a } = props;
  const [mode, setMode] = useState<'view' | 'rename' | 'remove'>('view');
  const [name, setName] = useState(a.name);
  return (
    <li className="archive-row" data-archive-id={a.id} data-open={a.open || undefined}>
      {mode === 'rename' ? (
        <form
          className="archive-rename"
          onSubmit={(e) => {
            e.preventDefault();
            void props.onRename(name).then(() => setMode('view'));
          }}
        >
          <input type="text" aria-label={`New name for ${a.name}`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit" className="link-button" disabled={!name.trim()}>
            Save
          </button>
          <button type="button" className="link-button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="archive-row-main">
          <button type="button" className="archive-pick" aria-current={a.open ? 'true' : undefined} onClick={props.onOpen} disabled={a.open || a.status !== 'ok'}>
            <span className="archive-dot" aria-hidden="true" />
            <span className="archive-name">{a.name}</span>
            {a.open ? <span className="archive-badge">Open</span> : null}
          </button>
          {!a.bundled ? (
            <span className="archive-actions">
              <button type="button" className="link-button" onClick={props.onReimport}>
                Import again
              </button>
              <button type="button" className="link-button" onClick={() => setMode('rename')}>
                Rename
              </button>
              <button type="button" className="link-button danger" onClick={() => setMode('remove')}>
                Remove
              </button>
            </span>
          ) : null}
        </div>
      )}
      {a.problem ? <p className="archive-problem">{a.problem}</p> : null}
      {mode === 'remove' ? (
        <div className="archive-confirm" role="alertdialog" aria-label={`Remove ${a.name}?`}>
          <p>
            Remove “{a.name}” and the archive built from it? Your notes on it are kept{a.source ? `; you can import ${a.source} again` : ''}.
          </p>
          <button type="button" className="button danger-button" onClick={() => void props.onRemove()}>
            Remove
          </button>
          <button type="button" className="button button-quiet" onClick={() => setMode('view')}>
            Keep it
          </button>
        </div>
      ) : null}
    </li>
  );
}
