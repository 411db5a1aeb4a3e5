/** Passage links as main accepts them: only archive-reader://article/<id>[?annotation=<id>], normalized. */
import { describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => import('./test/fake-electron'));
const { linkFromArgv, parseArchiveLink } = await import('./links');

describe('parseArchiveLink', () => {
  test('accepts article links with or without an annotation, normalized', () => {
    expect(parseArchiveLink('archive-reader://article/csto-2013-05-28-minsk')).toBe('archive-reader://article/csto-2013-05-28-minsk');
    expect(parseArchiveLink('archive-reader://article/abc?annotation=n1')).toBe('archive-reader://article/abc?annotation=n1');
    expect(parseArchiveLink('ARCHIVE-READER://Article/abc?annotation=n1')).toBe('archive-reader://article/abc?annotation=n1');
    expect(parseArchiveLink('archive-reader://article/a%20b?annotation=x%2Fy')).toBe('archive-reader://article/a%20b?annotation=x%2Fy');
    // The archive a link names travels on (the bundled archive's is the link without it).
    expect(parseArchiveLink('archive-reader://article/abc?archive=dir-1f&annotation=n1')).toBe('archive-reader://article/abc?annotation=n1&archive=dir-1f');
    expect(parseArchiveLink('archive-reader://article/abc?archive=bundled')).toBe('archive-reader://article/abc');
    expect(parseArchiveLink('archive-reader://article/abc#ignored')).toBe('archive-reader://article/abc');
  });

  test('refuses everything else', () => {
    for (const bad of [
      'https://example.org/article/abc',
      'archive-reader:article/abc',
      'archive-reader://search?q=x',
      'archive-reader://article/',
      'archive-reader://article/a/b',
      'archive-reader://article/abc?annotation=n1&run=1',
      'archive-reader://article/abc?annotation=',
      'archive-reader://article/abc?annotation=a&annotation=b',
      'archive-reader://article/abc?archive=..%2Fx',
      'archive-reader://article/abc?archive=a&archive=b',
      'archive-reader://user:pw@article/abc',
      'archive-reader://article:8080/abc',
      'archive-reader://article/%0Aevil',
      `archive-reader://article/${'x'.repeat(300)}`,
      `archive-reader://article/abc?annotation=${'y'.repeat(3000)}`,
      'archive-reader://article/%E0%A4%A',
      'javascript:alert(1)//archive-reader://article/x',
    ]) {
      expect(parseArchiveLink(bad), bad).toBeNull();
    }
  });

  test('finds the link among command-line arguments (Windows, Linux: launch and second instance)', () => {
    expect(linkFromArgv(['/opt/archive-reader/archive-reader', '--no-sandbox', 'archive-reader://article/x?annotation=a'])).toBe(
      'archive-reader://article/x?annotation=a',
    );
    expect(linkFromArgv(['/opt/archive-reader/archive-reader', 'archive-reader://evil/x'])).toBeNull();
    expect(linkFromArgv([])).toBeNull();
  });
});
