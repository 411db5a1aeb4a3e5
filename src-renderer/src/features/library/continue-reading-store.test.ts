import { describe, expect, test } from 'vitest';
import { MAX, restoreShown } from './continue-reading-store';

describe('what Continue reading showed last, as kept in localStorage', () => {
  test('a kept section comes back with its titles', () => {
    const kept = restoreShown({ entries: [{ docId: 'a', readingPosition: 0.4, title: 'Alpha' }, { docId: 'b', readingPosition: 1 }] });
    expect(kept?.entries).toEqual([
      { docId: 'a', readingPosition: 0.4 },
      { docId: 'b', readingPosition: 1 },
    ]);
    expect([...kept!.titles]).toEqual([['a', 'Alpha']]);
  });
  test('damaged or foreign values are ignored, entry by entry, and never more than the section shows', () => {
    for (const raw of [null, 'x', 42, [], {}, { entries: 'a' }, { entries: [] }]) expect(restoreShown(raw)).toBeNull();
    const kept = restoreShown({
      entries: [null, 7, { docId: '', readingPosition: 0.5 }, { docId: 'n', readingPosition: Number.NaN }, { docId: 'z', readingPosition: 0 }, { docId: 'big', readingPosition: 3 }, { docId: 'ok', readingPosition: 0.2, title: 5 }],
    });
    expect(kept?.entries).toEqual([{ docId: 'ok', readingPosition: 0.2 }]);
    expect(kept?.titles.size).toBe(0);
    const many = restoreShown({ entries: Array.from({ length: 9 }, (_, i) => ({ docId: `d${i}`, readingPosition: 0.5 })) });
    expect(many?.entries).toHaveLength(MAX);
  });
});
