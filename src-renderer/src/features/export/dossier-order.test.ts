import { describe, expect, it } from 'vitest';
import { addExcerpts, addHeading, moveItem, removeItem, restoreDossierItems } from './dossier-order';

const ids = (items: { id: string }[]) => items.map((i) => i.id);
const base = [
  { kind: 'heading' as const, id: 'h', text: 'Part 1' },
  { kind: 'excerpt' as const, id: 'a', annotationId: 'A' },
  { kind: 'excerpt' as const, id: 'b', annotationId: 'B' },
];

describe('dossier ordering', () => {
  it('moves an item down and up (drag to reorder)', () => {
    expect(ids(moveItem(base, 0, 2))).toEqual(['a', 'b', 'h']);
    expect(ids(moveItem(base, 2, 0))).toEqual(['b', 'h', 'a']);
    expect(ids(moveItem(base, 1, 9))).toEqual(['h', 'a', 'b']);
  });

  it('adds headings where asked, not blank ones', () => {
    const withHeading = addHeading(base, '  Part 2  ', 1);
    expect(withHeading.map((i) => (i.kind === 'heading' ? i.text : i.id))).toEqual(['Part 1', 'a', 'Part 2', 'b']);
    expect(addHeading(base, '   ')).toHaveLength(3);
  });

  it('adds excerpts once, and removes by id', () => {
    const more = addExcerpts(base, ['B', 'C']);
    expect(more.map((i) => (i.kind === 'excerpt' ? i.annotationId : i.id))).toEqual(['h', 'A', 'B', 'C']);
    expect(ids(removeItem(base, 'a'))).toEqual(['h', 'b']);
  });

  it('restores only well-formed saved items', () => {
    expect(restoreDossierItems([...base, { kind: 'excerpt', id: 1 }, null, { kind: 'script', id: 'x' }])).toEqual(base);
    expect(restoreDossierItems('nope')).toEqual([]);
  });
});
