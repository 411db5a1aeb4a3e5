/**
 * The backup gate: a good backup parses to exactly its rows with a preview;
 * each of the malformed files below is refused with a message that names the
 * problem (the "database unchanged" half is asserted in Chromium against the
 * real database, where the db glue calls this parser before writing).
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_SNAPSHOT as SNAPSHOT } from '../test-fixtures';
import { BACKUP_FORMAT_VERSION, createBackup } from './backup-format';
import { GOOD_BACKUP as GOOD, MALFORMED_BACKUPS as MALFORMED, backupVariant as variant } from './malformed-backups';
import { parseBackup } from './backup-parse';


describe('a good backup', () => {
  it('parses to the same rows with a preview of counts, date and app version', () => {
    const r = parseBackup(GOOD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshot).toEqual(SNAPSHOT);
    expect(r.preview).toEqual({
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: '0.1.0',
      createdAt: '2026-01-15T09:00:00.000Z',
      schemaVersion: 1,
      counts: { annotations: 7, docState: 2, tags: 2, settings: 2 },
      archives: [{ archiveId: 'bundled', highlights: 7, articles: 2 }],
    });
  });

  it('reads a format-1 backup (before archives) as the bundled archive\'s notes', () => {
    const v1 = variant((f) => {
      f.formatVersion = 1;
      for (const t of ['annotations', 'docState']) for (const row of f.tables[t]) delete row.archiveId;
    });
    const r = parseBackup(v1);
    if (!r.ok) throw new Error(r.message);
    expect(r.snapshot).toEqual(SNAPSHOT);
    expect(r.preview.archives).toEqual([{ archiveId: 'bundled', highlights: 7, articles: 2 }]);
  });

  it('keeps two archives\' notes on the same article apart, and lists each archive', () => {
    const two = variant((f) => {
      f.tables.docState.push({ ...f.tables.docState[0], archiveId: 'dir-other', note: 'the other archive' });
      f.tables.annotations[1].archiveId = 'dir-other';
      f.counts.docState = 3;
    });
    const r = parseBackup(two);
    if (!r.ok) throw new Error(r.message);
    expect(r.snapshot.docState.filter((d) => d.docId === SNAPSHOT.docState[0].docId).map((d) => [d.archiveId, d.note])).toEqual([
      ['bundled', SNAPSHOT.docState[0].note],
      ['dir-other', 'the other archive'],
    ]);
    expect(r.preview.archives).toEqual([
      { archiveId: 'bundled', highlights: 6, articles: 2 },
      { archiveId: 'dir-other', highlights: 1, articles: 1 },
    ]);
    // A format-2 row must name its archive; the same archive and article twice is a duplicate.
    const missing = parseBackup(variant((f) => delete f.tables.annotations[0].archiveId));
    expect(missing).toMatchObject({ ok: false, message: expect.stringContaining('archiveId is missing') });
    const dup = parseBackup(variant((f) => (f.tables.docState.push({ ...f.tables.docState[0] }), (f.counts.docState = 3))));
    expect(dup).toMatchObject({ ok: false, message: expect.stringContaining('duplicated archive and article id') });
  });

  it('accepts an empty database, a byte-order mark and a megabyte note', () => {
    const empty = createBackup({ annotations: [], docState: [], tags: [], settings: [] }, { appVersion: '0.1.0' });
    expect(parseBackup(empty).ok).toBe(true);
    expect(parseBackup(`\uFEFF${GOOD}`).ok).toBe(true);
    const big = variant((f) => (f.tables.annotations[0].note = 'я'.repeat(1_000_000)));
    expect(parseBackup(big).ok).toBe(true);
  });

  it('returns fresh objects: rows do not share identity with the parsed JSON', () => {
    const r = parseBackup(GOOD);
    if (!r.ok) throw new Error(r.message);
    r.snapshot.annotations[0].tags.push('changed');
    const again = parseBackup(GOOD);
    if (!again.ok) throw new Error(again.message);
    expect(again.snapshot.annotations[0].tags).not.toContain('changed');
  });
});


describe('malformed backups are refused with a clear message', () => {
  it(`covers at least 20 kinds of bad file (${MALFORMED.length})`, () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(20);
  });

  for (const [name, text, message] of MALFORMED) {
    it(`refuses ${name}`, () => {
      const r = name === 'a file over the size limit' ? parseBackup(GOOD, { maxChars: 1000 }) : parseBackup(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toMatch(message);
        expect(r.message.length).toBeLessThan(2000);
      }
    });
  }

  it('lists the first five invalid rows and counts the rest', () => {
    const text = variant((f) => f.tables.annotations.forEach((a: any) => (a.color = 'red')));
    const r = parseBackup(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^The backup file has 7 invalid rows, so nothing was restored/);
    expect(r.message.split('\n').filter((l) => l.startsWith('Annotation'))).toHaveLength(5);
    expect(r.message).toMatch(/… and 2 more\.$/);
  });

  it('does not pollute Object.prototype while refusing "__proto__"', () => {
    parseBackup(GOOD.replace('"id":"a1-plain"', '"__proto__":{"polluted":true},"id":"a1-plain"'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
