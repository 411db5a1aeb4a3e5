/**
 * Merge and replace planning, and the canonical hash used by the round-trip
 * tests: replace makes the database equal to the backup; merge never deletes
 * and lets the newer edit win; the hash ignores row order and key order but
 * not content.
 */
import { describe, expect, it } from 'vitest';
import { createBackup, describeContents, emptySnapshot, hasNotes, notesContents, type Snapshot } from './backup-format';
import { parseBackup } from './backup-parse';
import { applyPlan, canonicalSnapshot, planRestore, snapshotHash } from './restore-plan';
import { autoBackupDue, backupsToPrune } from './auto-backup-policy';
import { FIXTURE_SNAPSHOT as SNAPSHOT } from '../test-fixtures';

const clone = (s: Snapshot): Snapshot => JSON.parse(JSON.stringify(s));

describe('restore planning', () => {
  const current = clone(SNAPSHOT);
  current.annotations = current.annotations.slice(0, 3);
  current.annotations[0] = { ...current.annotations[0], note: 'edited later', modified: '2025-01-01T00:00:00.000Z' };
  current.annotations[1] = { ...current.annotations[1], note: 'edited earlier', modified: '2020-01-01T00:00:00.000Z' };
  current.annotations.push({ ...SNAPSHOT.annotations[0], id: 'only-in-db' });
  current.tags[0] = { ...current.tags[0], color: '#000000' };
  const incoming = clone(SNAPSHOT);

  it('replace: the database becomes exactly the backup', async () => {
    const plan = planRestore(current, incoming, 'replace');
    expect(plan.clearFirst).toBe(true);
    expect(plan.changes.annotations).toMatchObject({ added: 4, updated: 2, unchanged: 1, removed: 1 });
    expect(await snapshotHash(applyPlan(current, plan))).toBe(await snapshotHash(incoming));
  });

  it('merge: adds what is new, keeps rows only the database has, newer modified wins', () => {
    const plan = planRestore(current, incoming, 'merge');
    expect(plan.clearFirst).toBe(false);
    expect(plan.changes.annotations).toMatchObject({ added: 4, updated: 1, keptCurrent: 1, unchanged: 1, removed: 0 });
    const after = applyPlan(current, plan);
    const byId = new Map(after.annotations.map((a) => [a.id, a]));
    expect(byId.get('a1-plain')!.note).toBe('edited later'); // the database's edit is newer
    expect(byId.get('a2-markdown')!.note).toBe(SNAPSHOT.annotations[1].note); // the backup's is newer
    expect(byId.has('only-in-db')).toBe(true);
    expect(after.annotations).toHaveLength(8);
    // Existing tags keep the person's current colour.
    expect(after.tags.find((t) => t.name === 'summit')!.color).toBe('#000000');
  });

  it('merging the same backup twice changes nothing the second time', () => {
    const once = applyPlan(current, planRestore(current, incoming, 'merge'));
    const plan = planRestore(once, incoming, 'merge');
    expect(plan.put.annotations).toHaveLength(0);
    expect(canonicalSnapshot(applyPlan(once, plan))).toBe(canonicalSnapshot(once));
  });

  it('restoring into an empty database adds everything in both modes', () => {
    for (const mode of ['merge', 'replace'] as const) {
      const plan = planRestore(emptySnapshot(), incoming, mode);
      expect(plan.changes.annotations.added).toBe(incoming.annotations.length);
      expect(canonicalSnapshot(applyPlan(emptySnapshot(), plan))).toBe(canonicalSnapshot(incoming));
    }
  });
});

describe('canonical snapshot hash', () => {
  it('is the same for the same rows in any order, through a backup file round trip', async () => {
    const shuffled = clone(SNAPSHOT);
    shuffled.annotations.reverse();
    shuffled.tags.reverse();
    // Key order inside rows does not matter either.
    shuffled.docState = shuffled.docState.map((d) => Object.fromEntries(Object.entries(d).reverse()) as typeof d);
    const restored = parseBackup(createBackup(shuffled, { appVersion: '0.1.0' }));
    if (!restored.ok) throw new Error(restored.message);
    expect(await snapshotHash(restored.snapshot)).toBe(await snapshotHash(SNAPSHOT));
  });

  it('changes when one character of one note changes', async () => {
    const changed = clone(SNAPSHOT);
    changed.annotations[4].note += '.';
    expect(await snapshotHash(changed)).not.toBe(await snapshotHash(SNAPSHOT));
    expect(await snapshotHash(SNAPSHOT)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('automatic backup policy', () => {
  const at = (d: string) => ({ name: d, createdAt: `${d}T12:00:00.000Z` });
  it('is due with no backups or when the newest is a day old, not sooner', () => {
    expect(autoBackupDue([], new Date('2026-01-02T00:00:00Z'))).toBe(true);
    expect(autoBackupDue([at('2026-01-01')], new Date('2026-01-01T23:00:00Z'))).toBe(false);
    expect(autoBackupDue([at('2026-01-01')], new Date('2026-01-02T12:00:00Z'))).toBe(true);
  });
  it('is never due without notes, and due at once while no automatic backup was taken after the first note', () => {
    const now = new Date('2026-01-01T18:00:00Z');
    // A backup at noon of a day whose first note came at 2 pm: the day's work must not wait for tomorrow.
    expect(autoBackupDue([at('2026-01-01')], now, '2026-01-01T14:00:00.000Z')).toBe(true);
    expect(autoBackupDue([at('2026-01-01')], now, '2026-01-01T09:00:00.000Z')).toBe(false);
    expect(autoBackupDue([], now, null)).toBe(false);
    expect(autoBackupDue([at('2025-12-20')], now, null)).toBe(false);
  });
  it('counts as notes what a person would: not reading positions', () => {
    const row = (over: Partial<Snapshot['docState'][number]>) => ({ ...SNAPSHOT.docState[0]!, note: '', starred: false, tags: [], readingPosition: 0.4, ...over });
    const c = notesContents({
      annotations: [],
      tags: [],
      docState: [row({ docId: 'a' }), row({ docId: 'b' }), row({ docId: 'c', note: 'Mine', modified: '2026-01-01T10:00:00.000Z' }), row({ docId: 'd', starred: true })],
    });
    expect(c).toMatchObject({ highlights: 0, articleNotes: 1, starred: 1, taggedArticles: 0, tags: 0 });
    expect(describeContents(c)).toBe('1 article note, 1 starred article');
    expect(hasNotes(notesContents({ annotations: [], tags: [], docState: [row({ docId: 'a' })] }))).toBe(false);
  });
  it('keeps the newest ten', () => {
    const list = Array.from({ length: 13 }, (_, i) => at(`2026-01-${String(i + 1).padStart(2, '0')}`));
    expect(backupsToPrune(list).map((e) => e.name)).toEqual(['2026-01-03', '2026-01-02', '2026-01-01']);
  });
});
