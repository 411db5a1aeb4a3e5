import { describe, expect, test } from 'vitest';
import { parseArgs } from './args';
import { parseCommandLine, UsageError } from './command-line';

describe('the command line', () => {
  test('a search that starts with "-" is a query, not an option', () => {
    expect(parseArgs(['search', '-drug +border', '--limit', '5', '--json'])).toEqual({
      command: 'search',
      positional: ['-drug +border'],
      options: { limit: '5' },
      flags: new Set(['json']),
    });
    expect(parseArgs(['-h']).flags.has('help')).toBe(true);
  });

  test('bad options are a UsageError with a short message', () => {
    expect(() => parseArgs(['list', '--colour'])).toThrow(new UsageError('unknown option --colour'));
    expect(() => parseArgs(['search', 'x', '--limit'])).toThrow(/--limit needs a value/);
    expect(() => parseCommandLine(['--json=yes'], { json: { type: 'boolean' } })).toThrow(UsageError);
  });

  test('repeated options collect (export --tag a --tag b)', () => {
    expect(parseCommandLine(['b.json', '--tag', 'a', '--tag', 'b'], { tag: { type: 'string', multiple: true } }).values.tag).toEqual(['a', 'b']);
  });
});
