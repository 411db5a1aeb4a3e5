import { describe, expect, test } from 'vitest';
import { safeFileName } from './safe-file-name';

describe('safeFileName', () => {
  test('keeps a usable name and drops folders and reserved characters', () => {
    expect(safeFileName('notes 2024.md')).toBe('notes 2024.md');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\x.txt')).toBe('x.txt');
    expect(safeFileName('a<b>:c"d|e?f*.md')).toBe('a_b__c_d_e_f_.md');
    expect(safeFileName('evil\u202Etxt.exe')).toBe('evil_txt.exe');
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
    expect(safeFileName('...')).toBe('export');
  });
});
