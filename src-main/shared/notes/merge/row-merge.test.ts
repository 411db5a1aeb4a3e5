import { describe, expect, it } from 'vitest';
import { CONFLICT_MARKER, mergeRows, mergeText } from './row-merge';

const row = (note: string, more: Record<string, unknown> = {}) => ({ id: 'a1', note, tags: ['Treaty'], color: 'yellow', modified: '2026-11-30T10:00:00.000Z', ...more });

describe('mergeText', () => {
  it('merges edits in different paragraphs against the ancestor', () => {
    const base = 'First paragraph.\n\nSecond paragraph.';
    const r = mergeText(base, 'First paragraph, edited on A.\n\nSecond paragraph.', 'First paragraph.\n\nSecond paragraph, edited on B.', 'B');
    expect(r).toEqual({ text: 'First paragraph, edited on A.\n\nSecond paragraph, edited on B.', conflicted: false });
  });

  it('keeps both texts when the same sentence changed on both sides, and says where the other came from', () => {
    const r = mergeText('One sentence.', 'One sentence from A.', 'One sentence from B.', 'another device, 2026-11-30 10:00');
    expect(r.conflicted).toBe(true);
    expect(r.text.startsWith('One sentence from A.')).toBe(true);
    expect(r.text).toContain(`${CONFLICT_MARKER}another device, 2026-11-30 10:00)`);
    expect(r.text).toContain('One sentence from B.');
  });

  it('without an ancestor, different texts are both kept', () => {
    expect(mergeText(null, 'a', 'b', 'x').text).toContain('b');
  });
});

describe('mergeRows', () => {
  it('keeps the tags both sides added, takes the newer colour and the later modified time', () => {
    const base = row('n');
    const winner = row('n', { tags: ['Treaty', 'border'], modified: '2026-11-30T11:00:00.000Z' });
    const other = row('n', { tags: ['treaty', 'Minsk'], color: 'red', modified: '2026-11-30T12:00:00.000Z' });
    const r = mergeRows({ ancestor: base, winner, other, otherLabel: 'x' });
    expect(r.row.tags).toEqual(['Treaty', 'border', 'Minsk']);
    expect(r.row.color).toBe('red');
    expect(r.row.modified).toBe('2026-11-30T12:00:00.000Z');
    expect(r.conflicted).toBe(false);
  });

  it('a tag taken off on one side stays off when the other side only edited the note, whichever side wins', () => {
    const base = row('n', { tags: ['Treaty', 'draft'] });
    const untagged = row('n', { tags: ['Treaty'], modified: '2026-11-30T11:00:00.000Z' });
    const noted = row('n, checked', { tags: ['Treaty', 'draft'], modified: '2026-11-30T12:00:00.000Z' });
    for (const [winner, other] of [[untagged, noted], [noted, untagged]]) {
      const r = mergeRows({ ancestor: base, winner, other, otherLabel: 'x' });
      expect(r.row.tags).toEqual(['Treaty']);
      expect(r.row.note).toBe('n, checked');
    }
  });

  it('a tag taken off on one side stays off whatever its case on the other, a tag added there stays; without an ancestor, every tag is kept', () => {
    const base = row('n', { tags: ['draft'] });
    const r = mergeRows({ ancestor: base, winner: row('n', { tags: [] }), other: row('n', { tags: ['Draft', 'Minsk'] }), otherLabel: 'x' });
    expect(r.row.tags).toEqual(['Minsk']);
    // "Draft" is "draft" (tags compare case-insensitively): the other side only kept it, this side took it off.
    const unknown = mergeRows({ ancestor: null, winner: row('n', { tags: [] }), other: row('n', { tags: ['draft'] }), otherLabel: 'x' });
    expect(unknown.row.tags).toEqual(['draft']);
  });

  it('a field it has never heard of merges by the newest-wins rule', () => {
    const r = mergeRows({ ancestor: null, winner: row('n', { archiveId: 'a' }), other: row('n', { archiveId: 'b', modified: '2026-12-01T00:00:00.000Z' }), otherLabel: 'x' });
    expect(r.row.archiveId).toBe('b');
  });
});
