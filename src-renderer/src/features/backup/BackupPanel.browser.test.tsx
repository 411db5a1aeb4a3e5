/**
 * The backup panel in a real Chromium with a real IndexedDB: "Backup now"
 * saves a valid backup of the notes; a malformed file shows its message and
 * changes nothing; a good file shows its preview (counts) and merges after a
 * click; replace asks twice; W3C import lists annotations on unknown articles.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ok } from '../../../../src-main/shared/result';
import type { NotesDatabase } from '../../db/database';
import { freshDb } from '../../db/test-helpers';
import { parseBackup } from '../../../../src-main/shared/notes/backup/backup-parse';
import { GOOD_BACKUP } from '../../../../src-main/shared/notes/backup/malformed-backups';
import { FIXTURE_DOCS, fixtureInput } from '../../../../src-main/shared/notes/test-fixtures';
import { exportW3c } from '../../../../src-main/shared/notes/w3c-export';
import type { ExportFile } from '../../../../src-main/shared/notes/types';
import '../../styles/index.css';
import { BackupPanel } from './BackupPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let db: NotesDatabase;
let dispose: () => Promise<void>;
let root: Root | null = null;
let host: HTMLElement;
const saved: ExportFile[] = [];

beforeEach(async () => {
  ({ db, dispose } = await freshDb());
  saved.length = 0;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () =>
    root!.render(
      <BackupPanel
        db={db}
        appVersion="0.1.0"
        save={async (f) => (saved.push(f), ok({ savedAs: f.fileName }))}
        knownDocIds={async () => new Set(FIXTURE_DOCS.map((d) => d.id))}
      />,
    ),
  );
});
afterEach(async () => {
  act(() => root?.unmount());
  host.remove();
  await dispose();
});

const button = (name: string | RegExp) => {
  const b = [...host.querySelectorAll('button')].find((x) => (typeof name === 'string' ? x.textContent === name : name.test(x.textContent ?? '')));
  if (!b) throw new Error(`no button ${name}; have: ${[...host.querySelectorAll('button')].map((x) => x.textContent).join(' | ')}`);
  return b;
};

async function pick(label: string, name: string, text: string) {
  const input = host.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;
  const dt = new DataTransfer();
  dt.items.add(new File([text], name, { type: 'application/json' }));
  input.files = dt.files;
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect.poll(() => host.querySelector('[role="alert"], [aria-label="Restore preview"], [aria-label="Import preview"]')).not.toBeNull();
}

it('Backup now saves a backup file that parses back to the notes', async () => {
  await db.annotations.put(fixtureInput().annotations[0]);
  await act(async () => button('Backup now').click());
  await expect.poll(() => saved.length).toBe(1);
  expect(saved[0].fileName).toMatch(/^archive-reader-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.json$/);
  const parsed = parseBackup(saved[0].text);
  expect(parsed.ok && parsed.snapshot.annotations.map((a) => a.id)).toEqual(['a1-plain']);
  expect(host.querySelector('[role="status"]')?.textContent).toMatch(/Backup saved as .*: 1 highlight\b/);
});

it('a malformed file shows its message and nothing is written', async () => {
  await pick('Restore from file', 'broken.json', GOOD_BACKUP.slice(0, 500));
  expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/broken\.json: The backup file is incomplete/);
  expect(await db.annotations.count()).toBe(0);
  expect(saved).toHaveLength(0);
});

it('a good file shows a preview, and merge restores after a safety backup', async () => {
  await pick('Restore from file', 'good.json', GOOD_BACKUP);
  expect(host.querySelector('[data-testid="backup-count-annotations"]')?.textContent).toBe('7');
  expect(await db.annotations.count()).toBe(0); // nothing yet
  await act(async () => button('Merge into my notes').click());
  await expect.poll(() => host.querySelector('[role="status"]')?.textContent ?? '').toMatch(/Restored \(merge\): 7 highlights added/);
  expect(await db.annotations.count()).toBe(7);
  expect(saved.map((f) => f.fileName)).toEqual([expect.stringMatching(/^archive-reader-safety-backup-/)]);
});

it('replace asks for a second click', async () => {
  await db.annotations.put({ ...fixtureInput().annotations[0], id: 'only-here' });
  await pick('Restore from file', 'good.json', GOOD_BACKUP);
  const replace = host.querySelectorAll<HTMLInputElement>('input[name="restore-mode"]')[1];
  await act(async () => replace.click());
  // The plan is worked out after the file is read; until then Replace cannot be confirmed.
  await expect.poll(() => host.querySelector('[aria-label="Restore preview"] [role="status"]')?.textContent ?? '').toMatch(/1 removed/);
  await act(async () => button('Replace my notes').click());
  expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/removes 1 highlight/);
  expect(await db.annotations.get('only-here')).toBeDefined();
  await act(async () => button('Yes, replace my notes').click());
  await expect.poll(async () => db.annotations.get('only-here')).toBeUndefined();
  expect(await db.annotations.count()).toBe(7);
});

it('W3C import lists annotations on unknown articles and adds the rest', async () => {
  await pick('Import annotations', 'notes.jsonld', exportW3c(fixtureInput()));
  expect(host.querySelector('[aria-label="Annotations on unknown articles"]')?.textContent).toMatch(/A passage from an article the archive no longer has/);
  await act(async () => button('Add 6 annotation(s)').click());
  await expect.poll(() => db.annotations.count()).toBe(6);
});
