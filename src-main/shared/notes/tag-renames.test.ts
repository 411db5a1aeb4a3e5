/** What rename records mean for a name: chains followed, loops stopped, case ignored, aliases made only when names differ. */
import { describe, expect, it } from 'vitest';
import { aliasFor, currentName, renamedTags, renameMap, renameRecords } from './tag-renames';

const at = '2026-11-30T10:00:00.000Z';
const later = '2026-11-30T11:00:00.000Z';

describe('tag renames', () => {
  it('follows a chain of renames, ignoring case, and folds the duplicates it makes', () => {
    const map = renameMap([...renameRecords(['Minsk'], 'Minsk summit', at).put, ...renameRecords(['Minsk summit'], 'Summit 2013', later).put]);
    expect(currentName(map, 'MINSK')).toBe('Summit 2013');
    expect(renamedTags(map, ['minsk', 'Summit 2013', 'Treaty'])).toEqual(['Summit 2013', 'Treaty']);
  });

  it('stops where two devices made a loop, instead of running forever', () => {
    const map = renameMap([...renameRecords(['a'], 'b', at).put, ...renameRecords(['b'], 'a', later).put]);
    expect(['a', 'b']).toContain(currentName(map, 'a'));
  });

  it('a change of case needs no record; renaming back drops the record that renamed the name away', () => {
    expect(renameRecords(['csto'], 'CSTO', at).put).toEqual([]);
    expect(renameRecords(['ODKB'], 'CSTO', at)).toEqual({ put: [{ key: 'odkb', from: 'ODKB', to: 'CSTO', modified: at }], drop: ['csto'] });
  });

  it('an alias only when this device chose another name, older than the winner', () => {
    const mine = renameRecords(['border'], 'Borders', at).put[0]!;
    const theirs = renameRecords(['border'], 'Frontier', later).put[0]!;
    expect(aliasFor(mine, theirs)).toEqual({ key: 'borders', from: 'Borders', to: 'Frontier', modified: later });
    expect(aliasFor(undefined, theirs)).toBeNull();
    expect(aliasFor(theirs, { ...theirs, to: 'FRONTIER' })).toBeNull();
  });
});
