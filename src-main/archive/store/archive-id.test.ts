import { describe, expect, it } from 'vitest';
import { isArchiveId } from '../../shared/notes/schema';
import { archiveIdForDir } from './archive-id';

describe('archiveIdForDir', () => {
  it('is "bundled" without a folder, and one stable, valid id per folder', () => {
    expect(archiveIdForDir(undefined)).toBe('bundled');
    const a = archiveIdForDir('/data/archives/one');
    expect(a).toBe(archiveIdForDir('/data/archives/one/'));
    expect(a).toBe(archiveIdForDir('/data/archives/two/../one'));
    expect(a).not.toBe(archiveIdForDir('/data/archives/two'));
    expect(isArchiveId(a)).toBe(true);
  });
});
