/** The contract's argument schemas: what each method accepts, and the message a caller gets when it sends something else. */
import { describe, expect, test } from 'vitest';
import { API_SCHEMA } from './contract';
import { API_LIMITS as LIMITS, ArgumentError, parseRequest } from './api-requests';

const validateList = (x: unknown) => parseRequest(API_SCHEMA.list, x);
const validateSearch = (x: unknown) => parseRequest(API_SCHEMA.search, x);
const validateSaveFile = (x: unknown) => parseRequest(API_SCHEMA.saveFile, x);
const validateOpenExternal = (x: unknown) => parseRequest(API_SCHEMA.openExternal, x);
const validateBackupWrite = (x: unknown) => parseRequest(API_SCHEMA.backupWrite, x);
const validateNoArg = (x: unknown) => parseRequest(API_SCHEMA.appInfo, x);

function refusal(fn: () => unknown): ArgumentError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArgumentError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('argument validation', () => {
  test('list accepts its documented fields and drops absent ones', () => {
    expect(validateList(undefined)).toEqual({});
    expect(validateList(null)).toEqual({});
    expect(validateList({ kind: 'brief', from: 2013, to: 2014, sort: 'title', order: 'desc', offset: 0, limit: 50, facet: { type: 'places', value: 'Minsk' } })).toEqual({
      kind: 'brief', from: 2013, to: 2014, sort: 'title', order: 'desc', offset: 0, limit: 50, facet: { type: 'places', value: 'Minsk' },
    });
  });

  test('list refuses wrong types, unknown fields and reversed year ranges with a message naming the field', () => {
    expect(refusal(() => validateList({ kind: 'video' })).message).toMatch(/kind must be one of article, brief/);
    expect(refusal(() => validateList({ limit: -1 })).message).toMatch(/limit/);
    expect(refusal(() => validateList({ offset: 1.5 })).message).toMatch(/offset must be a whole number/);
    expect(refusal(() => validateList({ kinds: 'brief' })).message).toMatch(/unknown field kinds/);
    expect(refusal(() => validateList({ from: 2020, to: 2010 })).message).toMatch(/after/);
    expect(refusal(() => validateList({ facet: { type: 'colour', value: 'x' } })).message).toMatch(/facet.type/);
    expect(refusal(() => validateList([])).message).toMatch(/expected an object/);
    expect(refusal(() => validateList('all')).message).toMatch(/expected an object/);
  });

  test('search: query must be a string; an over-long query is too-large, not invalid', () => {
    expect(validateSearch({ query: 'ОДКБ' })).toEqual({ query: 'ОДКБ' });
    expect(refusal(() => validateSearch({})).message).toMatch(/query is required/);
    expect(refusal(() => validateSearch({ query: 'x', limit: 201 })).message).toMatch(/limit must be between 1 and 200/);
    const long = refusal(() => validateSearch({ query: 'x'.repeat(LIMITS.queryChars + 1) }));
    expect(long.code).toBe('too-large');
  });

  test('saveFile checks name, type, data and base64', () => {
    expect(validateSaveFile({ suggestedName: 'a.md', mimeType: 'text/markdown', data: '# x' })).toEqual({ suggestedName: 'a.md', mimeType: 'text/markdown', data: '# x' });
    expect(refusal(() => validateSaveFile({ suggestedName: '', mimeType: 'text/plain', data: '' })).message).toMatch(/suggestedName must not be empty/);
    expect(refusal(() => validateSaveFile({ suggestedName: 'a.pdf', mimeType: 'application/pdf', data: 'not base64!', encoding: 'base64' })).message).toMatch(/base64/);
  });

  test('openExternal lets a plain mailto: out, not one that attaches files or hides recipients', () => {
    expect(validateOpenExternal({ url: 'mailto:editor@example.org' })).toEqual({ url: 'mailto:editor@example.org' });
    expect(validateOpenExternal({ url: 'mailto:editor@example.org?subject=Minsk' })).toEqual({ url: 'mailto:editor@example.org?subject=Minsk' });
    for (const url of ['mailto:a@example.org?attach=/etc/passwd', 'mailto:a@example.org?subject=x&bcc=b@example.org', 'mailto:']) {
      expect(() => validateOpenExternal({ url }), url).toThrow(ArgumentError);
    }
  });

  test('openExternal lets only http(s) out', () => {
    expect(validateOpenExternal({ url: 'https://en.odkb-csto.org/news/' })).toEqual({ url: 'https://en.odkb-csto.org/news/' });
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>x</script>', 'smb://host/share', 'archive-reader://article/x', 'app://archive/index.html', 'chrome://settings', 'relative/path', 'https://user:pw@example.org/']) {
      expect(() => validateOpenExternal({ url }), url).toThrow(ArgumentError);
    }
  });

  test('backupWrite needs a reason; methods without an argument refuse one', () => {
    expect(refusal(() => validateBackupWrite({ text: '{}' })).message).toMatch(/reason is required/);
    expect(refusal(() => validateBackupWrite({ text: '{}', reason: 'weekly' })).message).toMatch(/reason must be one of auto, quit, manual, safety/);
    expect(validateNoArg(undefined)).toBeUndefined();
    expect(validateNoArg({})).toBeUndefined();
    expect(refusal(() => validateNoArg({ x: 1 })).message).toMatch(/takes no argument/);
  });
});
