/**
 * A page for the reliability drills: the renderer's real storage module
 * (src-renderer/src/db: the app's own database name and schema), its real
 * backup and restore code (features/backup) and its real HTTP client, with no
 * UI. Built by Vite (harness-site.ts) into a copy of the built renderer under
 * /harness/, so it shares the real app's origin, and therefore its IndexedDB,
 * when served by the real web host. Tests call `globalThis.__harness` through
 * page.evaluate: `crash` (crash-safety.test.ts), `drill` (backup-drill.test.ts),
 * `xss` (xss.test.ts: payloads in notes and tags through the storage module).
 *
 * Crash drill: every write is reported to the test (the exposed function
 * `__crashReport`) only after its Dexie transaction resolved, i.e. after
 * IndexedDB said `complete`: that is the moment the app shows "saved".
 */
import { notesDb } from '../../../src-renderer/src/db/database';
import { createAnnotation, readAnnotations, updateAnnotation } from '../../../src-renderer/src/db/annotations-store';
import { updateDocState } from '../../../src-renderer/src/db/doc-state-store';
import { readTags, setTagColor } from '../../../src-renderer/src/db/tags-store';
import { setColorLabel } from '../../../src-renderer/src/db/settings-store';
import { CURRENT_SCHEMA_VERSION } from '../../../src-renderer/src/db/schema';
import { currentCounts, readSnapshot, restoreFromText } from '../../../src-renderer/src/db/backup-db';
import { contractBackups } from '../../../src-renderer/src/features/backup/host-backups';
import { snapshotHash } from '../../../src-main/shared/notes/backup/restore-plan';
import { createHttpClient } from '../../../src-main/shared/http-client';
import { crashOp } from '../crash-plan';
import type { Annotation } from '../../../src-main/shared/notes/annotation-model';

type Report = (json: string) => Promise<void>;
const g = globalThis as unknown as { __crashReport?: Report; __harness?: unknown };

const client = () => createHttpClient('', (url, init) => fetch(url, init));

async function report(message: unknown): Promise<void> {
  if (!g.__crashReport) throw new Error('the test did not expose __crashReport');
  await g.__crashReport(JSON.stringify(message));
}

const crash = {
  /** Ops [start, end) of the drill; `ids` maps earlier creates' op index to the id they got. Runs until done or killed. */
  async run(seed: number, start: number, end: number, ids: Record<number, string>): Promise<number> {
    const db = notesDb();
    for (let i = start; i < end; i++) {
      const op = crashOp(seed, i);
      // The test hears of the write before it starts, so a kill mid-write is attributed to the right row.
      await report({ phase: 'start', i, target: op.kind === 'update' ? ids[op.target] : null });
      const r =
        op.kind === 'create'
          ? await createAnnotation(db, {
              docId: op.docId,
              color: op.color,
              quote: { type: 'TextQuoteSelector', exact: op.exact, prefix: 'prefix ', suffix: ' suffix' },
              position: { type: 'TextPositionSelector', start: op.start, end: op.start + op.exact.length },
              textHash: `sha256:${i}`,
              note: op.note,
              tags: op.tags,
            })
          : await updateAnnotation(db, ids[op.target], { note: op.note, tags: op.tags, color: op.color });
      if (!r.ok) {
        await report({ phase: 'error', i, message: r.error.message });
        return i;
      }
      if (op.kind === 'create') ids[i] = r.value.id;
      await report({ phase: 'saved', i, row: r.value });
    }
    return end;
  },

  /** Open the database (as the app does on start) and read everything back through the store. */
  async verify(): Promise<{ name: string; version: number; expectedVersion: number; annotations: Annotation[]; invalid: string[]; tags: string[] }> {
    const db = notesDb();
    await db.open();
    const { rows, invalid } = await readAnnotations(db);
    const tags = (await readTags(db)).map((t) => t.name);
    return { name: db.name, version: db.verno, expectedVersion: CURRENT_SCHEMA_VERSION, annotations: rows, invalid, tags };
  },
};

const drill = {
  /** Realistic notes: n highlights over a few articles, article notes, stars and tags, a tag colour and a colour label. */
  async write(n: number, seed: number): Promise<void> {
    const db = notesDb();
    const docs = new Set<string>();
    for (let i = 0; i < n; i++) {
      const op = crashOp(seed, i * 7919);
      if (op.kind !== 'create') continue;
      const r = await createAnnotation(db, {
        docId: op.docId,
        color: op.color,
        quote: { type: 'TextQuoteSelector', exact: op.exact, prefix: 'before ', suffix: ' after' },
        position: { type: 'TextPositionSelector', start: op.start, end: op.start + op.exact.length },
        textHash: `sha256:${i}`,
        note: op.note,
        tags: op.tags,
      });
      if (!r.ok) throw new Error(r.error.message);
      docs.add(op.docId);
    }
    for (const [k, docId] of [...docs].entries()) {
      const r = await updateDocState(db, docId, { starred: k % 2 === 0, note: `Article note ${k}: **${docId}**`, tags: [`article-${k}`, 'ОДКБ'], readingPosition: k / 10 });
      if (!r.ok) throw new Error(r.error.message);
    }
    const t = await setTagColor(db, 'ОДКБ', '#aa3311');
    if (!t.ok) throw new Error(t.error.message);
    const c = await setColorLabel(db, 'green', 'Evidence (drill)');
    if (!c.ok) throw new Error(c.error.message);
  },

  /** SHA-256 of the canonical database (shared/notes/backup's snapshotHash) and the rows per table. */
  async hash(): Promise<{ hash: string; counts: Record<string, number>; skipped: string[] }> {
    const db = notesDb();
    const { snapshot, skipped } = await readSnapshot(db);
    return { hash: await snapshotHash(snapshot), counts: await currentCounts(db), skipped };
  },

  /** Change one note (the drill's proof that the hash notices a difference). */
  async editOne(): Promise<void> {
    const db = notesDb();
    const first = (await readAnnotations(db)).rows[0];
    if (!first) throw new Error('no annotation to edit');
    const r = await updateAnnotation(db, first.id, { note: `${first.note} (edited)` });
    if (!r.ok) throw new Error(r.error.message);
  },

  /** What the Backup panel does with "Restore" on the newest automatic backup: list, read, restore (replace), through the host. */
  async restoreLatestAutomatic(appVersion: string): Promise<{ name: string; reason: string; changes: unknown }> {
    const source = contractBackups(client());
    const list = await source.list();
    if (!list.ok) throw new Error(list.error.message);
    const latest = list.value.filter((e) => e.reason === 'auto' || e.reason === 'quit').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (!latest) throw new Error(`no automatic backup among ${list.value.length} backups`);
    const text = await source.read(latest.name);
    if (!text.ok) throw new Error(text.error.message);
    const done = await restoreFromText(notesDb(), text.value, 'replace', {
      appVersion,
      saveSafetyBackup: async (b) => (source.write ? source.write(b.text, b.createdAt) : { ok: true, value: null }),
    });
    if (!done.ok) throw new Error(done.error.message);
    return { name: latest.name, reason: latest.reason ?? '', changes: done.value.changes };
  },
};

export interface XssNote {
  docId: string;
  exact: string;
  start: number;
  note: string;
  tags: string[];
  docNote: string;
  docTags: string[];
}

const xss = {
  /** Payloads in notes, tags, article notes, article tags and a colour label, through the storage module. */
  async writeNotes(items: XssNote[], colorLabel: string): Promise<{ saved: number; refused: string[] }> {
    const db = notesDb();
    const refused: string[] = [];
    let saved = 0;
    for (const it of items) {
      const r = await createAnnotation(db, {
        docId: it.docId,
        color: 'pink',
        quote: { type: 'TextQuoteSelector', exact: it.exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: it.start, end: it.start + it.exact.length },
        textHash: '',
        note: it.note,
        tags: it.tags,
      });
      if (r.ok) saved++;
      else refused.push(r.error.message);
      const d = await updateDocState(db, it.docId, { note: it.docNote, tags: it.docTags, starred: true });
      if (!d.ok) refused.push(d.error.message);
    }
    const c = await setColorLabel(db, 'pink', colorLabel);
    if (!c.ok) refused.push(c.error.message);
    return { saved, refused };
  },
};

g.__harness = { crash, drill, xss };
document.body.dataset.ready = 'yes';
