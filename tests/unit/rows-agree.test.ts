/**
 * Restore-on-read and backup/restore agree on every row, because both end in
 * the one schema per row (src-main/shared/notes/schema):
 *  - every row a restore accepts (parseBackup of a real backup file) is
 *    readable by the reader's restore-on-read;
 *  - every row the reader accepts survives a backup and a restore unchanged.
 * Rows are generated with a seeded RNG around every limit (a 300,000-character
 * quote, the 80-character tag, odd dates, wrong types, stray fields); a
 * failure names the seed and the case.
 */
import { describe, expect, it } from 'vitest';
import { createBackup, emptySnapshot, type Snapshot } from '../../src-main/shared/notes/backup/backup-format';
import { parseBackup } from '../../src-main/shared/notes/backup/backup-parse';
import { COLOR_IDS, NOTES_LIMITS, restoreAnnotation, restoreDocState, restoreTagDef, type Restored } from '../../src-main/shared/notes/schema';
import { chance, fuzzRun, int, makeRng, pick, type Rng } from '../reliability/rng';

const { count, seed } = fuzzRun(400, 20_000, 14);
const L = NOTES_LIMITS;

/** A length near a limit (just under, at, just over) or an ordinary one. */
const lengthNear = (rng: Rng, limit: number): number =>
  pick(rng, [0, 1, int(rng, 2, 40), limit - 1, limit, limit + 1, Math.floor(limit * 1.5)]);
const textOf = (rng: Rng, n: number): string => pick(rng, ['x', 'é', 'Минск ', ' a\u0007b ', '🙂']).repeat(Math.max(0, n)).slice(0, Math.max(0, n));
const maybe = <T>(rng: Rng, value: T, other: () => unknown): unknown => (chance(rng, 0.93) ? value : other());
const oddValue = (rng: Rng): unknown => pick(rng, [undefined, null, 7, -1, 1.5, '', 'x', [], {}, true, '2024-13-45T99:00:00Z']);
const timestamp = (rng: Rng): unknown =>
  chance(rng, 0.8) ? '2024-01-02T03:04:05.000Z' : pick(rng, ['2024-01-02T03:04:05.000Z', '2024-01-02T03:04:05Z', '2024-01-02T05:04:05+02:00', 'yesterday', 'Tue, 02 Jan 2024 03:04:05 GMT', undefined, 12]);
const tagsOf = (rng: Rng): unknown =>
  maybe(rng, Array.from({ length: int(rng, 0, 4) }, () => pick(rng, ['summit', 'SUMMIT', '  spaced  out ', '', textOf(rng, lengthNear(rng, L.tagChars)), 5])), () => oddValue(rng));

const archiveIdOf = (rng: Rng): unknown => maybe(rng, pick(rng, ['bundled', 'dir-0a1b2c']), () => pick(rng, [undefined, '', '../up', 'a b', 7]));

function annotation(rng: Rng, i: number): unknown {
  const start = int(rng, 0, 500);
  const row: Record<string, unknown> = {
    id: maybe(rng, `a${i}`, () => pick(rng, ['', textOf(rng, L.idChars + 1), 9])),
    archiveId: archiveIdOf(rng),
    docId: maybe(rng, `d${i % 3}`, () => oddValue(rng)),
    color: maybe(rng, pick(rng, COLOR_IDS), () => pick(rng, ['red', undefined, 3])),
    quote: maybe(
      rng,
      { type: 'TextQuoteSelector', exact: textOf(rng, maybe(rng, int(rng, 1, 60), () => lengthNear(rng, L.quoteChars)) as number), prefix: textOf(rng, int(rng, 0, 40)), suffix: textOf(rng, maybe(rng, 32, () => lengthNear(rng, L.contextChars)) as number) },
      () => oddValue(rng),
    ),
    position: maybe(rng, { type: 'TextPositionSelector', start, end: start + int(rng, -2, 50) }, () => oddValue(rng)),
    textHash: maybe(rng, 'h1', () => oddValue(rng)),
    note: maybe(rng, textOf(rng, int(rng, 0, 100)), () => pick(rng, [null, undefined, 42, textOf(rng, L.noteChars + 1)])),
    tags: tagsOf(rng),
    created: timestamp(rng),
    modified: timestamp(rng),
  };
  if (chance(rng, 0.05)) row.stray = true;
  if (chance(rng, 0.05)) delete row[pick(rng, Object.keys(row))];
  return row;
}

function docState(rng: Rng, i: number): unknown {
  return {
    archiveId: archiveIdOf(rng),
    docId: maybe(rng, `d${i}`, () => oddValue(rng)),
    tags: tagsOf(rng),
    note: maybe(rng, textOf(rng, int(rng, 0, 50)), () => oddValue(rng)),
    starred: maybe(rng, chance(rng, 0.5), () => oddValue(rng)),
    readingPosition: maybe(rng, pick(rng, [null, 0, 0.5, 1]), () => pick(rng, [7, -0.5, 'x', undefined])),
    modified: timestamp(rng),
  };
}

function tag(rng: Rng, i: number): unknown {
  return {
    name: maybe(rng, `tag ${i}`, () => pick(rng, ['', textOf(rng, lengthNear(rng, L.tagChars)), 3])),
    color: maybe(rng, pick(rng, ['#abc', '#A0B1C2']), () => pick(rng, ['red', 'rgb(1, 2, 3)', 'url(x)', undefined])),
    created: timestamp(rng),
  };
}

type Table = 'annotations' | 'docState' | 'tags';
const TABLES: Array<[Table, (rng: Rng, i: number) => unknown, (raw: unknown) => Restored<unknown>]> = [
  ['annotations', annotation, (r) => restoreAnnotation(r, '2025-01-01T00:00:00.000Z')],
  ['docState', docState, (r) => restoreDocState(r, '2025-01-01T00:00:00.000Z')],
  ['tags', tag, (r) => restoreTagDef(r, '2025-01-01T00:00:00.000Z')],
];

/** A backup file holding only `row` in `table`, restored the way the app restores (parse, every row checked). */
function backupAndRestore(table: Table, row: unknown) {
  const snapshot: Snapshot = emptySnapshot();
  (snapshot[table] as unknown[]) = [row];
  return parseBackup(createBackup(snapshot, { appVersion: 'test', createdAt: '2025-01-01T00:00:00.000Z' }));
}

describe(`restore-on-read and backup/restore agree (seed ${seed}, ${count} rows per table)`, () => {
  for (const [table, generate, read] of TABLES) {
    it(`${table}: every row a restore accepts is readable, and every readable row survives backup + restore`, () => {
      const rng = makeRng(seed);
      let restoredRows = 0;
      let readableRows = 0;
      for (let i = 0; i < count; i++) {
        const raw = generate(rng, i);
        const where = `seed ${seed}, ${table} case ${i}`;

        const restored = backupAndRestore(table, raw);
        if (restored.ok) {
          restoredRows++;
          const row = (restored.snapshot[table] as unknown[])[0];
          const readBack = read(row);
          expect(readBack.ok ? 'readable' : readBack.reason, where).toBe('readable');
        }

        const readable = read(raw);
        if (readable.ok) {
          readableRows++;
          const again = backupAndRestore(table, readable.value);
          expect(again.ok ? 'restored' : again.message, where).toBe('restored');
          if (again.ok) {
            expect((again.snapshot[table] as unknown[])[0], where).toEqual(readable.value);
            expect(read((again.snapshot[table] as unknown[])[0]), where).toEqual(readable);
          }
        }
      }
      // The generator must exercise both sides, or the test proves nothing.
      expect(restoredRows).toBeGreaterThan(count / 20);
      expect(readableRows).toBeGreaterThan(count / 10);
      expect(readableRows).toBeLessThan(count);
    });
  }

  it('the 300,000-character quote is refused by both, naming the row and the limit', () => {
    const row = { ...(annotation(makeRng(1), 0) as object), id: 'long', archiveId: 'bundled', docId: 'd1', color: 'yellow', quote: { type: 'TextQuoteSelector', exact: 'q'.repeat(300_000), prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 300_000 }, textHash: '', note: '', tags: [], created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' };
    const restored = backupAndRestore('annotations', row);
    expect(restored.ok).toBe(false);
    if (!restored.ok) expect(restored.message).toContain('Annotation 1 ("long"): quote.exact is too long (300,000 characters; the limit is 200,000)');
    const read = restoreAnnotation(row);
    expect(read.ok).toBe(false);
  });
});
