import { describe, expect, it } from 'vitest';
import { copyWithCitation, formatCitationDate, formatDate, parsePassageLink, passageLink } from './citation';
import { dossierMarkdown } from './dossier';
import { exportSync } from './formats';
import { FIXTURE_ANNOTATIONS, FIXTURE_DOCS } from './test-fixtures';

describe('passage links', () => {
  it('builds the Electron protocol link and a browser link from the caller\'s base', () => {
    expect(passageLink(undefined, 'csto-1', 'a b/c')).toBe('archive-reader://article/csto-1?annotation=a%20b%2Fc');
    expect(passageLink('http://127.0.0.1:5174/#', 'csto 1', 'x')).toBe('http://127.0.0.1:5174/#article/csto%201?annotation=x');
    expect(passageLink('archive-reader://', 'csto-1')).toBe('archive-reader://article/csto-1');
  });

  it('refuses link bases that could run code', () => {
    for (const bad of ['javascript:alert(1)//', 'data:text/html,', 'vbscript:x', 'http://a" onmouseover="x']) {
      expect(passageLink(bad, 'd', 'a')).toBe('archive-reader://article/d?annotation=a');
    }
  });

  it('name the archive, except the bundled one (as every link made before archives had ids)', () => {
    expect(passageLink('archive-reader://', 'd', 'a')).toBe('archive-reader://article/d?annotation=a');
    expect(passageLink('archive-reader://', 'd', 'a', 'bundled')).toBe('archive-reader://article/d?annotation=a');
    expect(passageLink('archive-reader://', 'd', 'a', 'dir-1f')).toBe('archive-reader://article/d?annotation=a&archive=dir-1f');
    expect(passageLink('http://127.0.0.1:5174/#', 'd', undefined, 'dir-1f')).toBe('http://127.0.0.1:5174/#article/d?archive=dir-1f');
  });

  it('parses its own links back, with any base', () => {
    for (const base of ['archive-reader://', 'http://127.0.0.1:5174/#', 'http://127.0.0.1:5174/#/']) {
      expect(parsePassageLink(passageLink(base, 'id/with?odd#chars', 'ann 1'))).toEqual({ docId: 'id/with?odd#chars', annotationId: 'ann 1', archiveId: 'bundled' });
      expect(parsePassageLink(passageLink(base, 'd', 'a', 'dir-1f'))).toEqual({ docId: 'd', annotationId: 'a', archiveId: 'dir-1f' });
      expect(parsePassageLink(passageLink(base, 'd', undefined, 'dir-1f'))).toEqual({ docId: 'd', annotationId: null, archiveId: 'dir-1f' });
    }
    expect(parsePassageLink('archive-reader://article/x')).toEqual({ docId: 'x', annotationId: null, archiveId: 'bundled' });
    expect(parsePassageLink('https://example.org/news/1')).toBeNull();
    expect(parsePassageLink('archive-reader://article/x?archive=..%2Fetc')).toBeNull();
    expect(parsePassageLink('archive-reader://article/%E0%A4%A')).toBeNull();
  });
});

describe('copy with citation', () => {
  it('gives the quote and citation as text and as escaped HTML', () => {
    const doc = { id: 'csto-1', title: 'Summit <b>&</b> "talks"', published: '2013-05-28' };
    const p = copyWithCitation('A <quote>\n\nSecond paragraph', doc, { annotationId: 'a1' });
    expect(p.text).toBe(
      '“A <quote>\n\nSecond paragraph”\n— “Summit <b>&</b> "talks"”, Collective Security Treaty Organization, 28 May 2013, archive id csto-1. archive-reader://article/csto-1?annotation=a1',
    );
    expect(p.html).toBe(
      '<blockquote><p>A &lt;quote&gt;</p><p>Second paragraph</p></blockquote><p>— “<a href="archive-reader://article/csto-1?annotation=a1">Summit &lt;b&gt;&amp;&lt;/b&gt; &quot;talks&quot;</a>”, Collective Security Treaty Organization, 28 May 2013, archive id csto-1.</p>',
    );
  });

  it('formats dates for people and says n.d. without one', () => {
    expect(formatDate('2024-02-01')).toBe('1 February 2024');
    expect(formatDate(null)).toBe('n.d.');
  });
});

describe('the date a citation gives', () => {
  // The 2013 and 2017 pages have no dated title line: the reader shows the event's date, and so must every citation.
  const eventOnly = FIXTURE_DOCS.find((d) => d.id === 'csto-2017-event')!;
  const input = () => ({
    annotations: [{ ...FIXTURE_ANNOTATIONS[0]!, id: 'ev-1', docId: eventOnly.id }],
    docs: new Map([[eventOnly.id, eventOnly]]),
    generatedAt: '2024-03-03T00:00:00.000Z',
  });

  it('is the publication date, else the event date said as such, else n.d.', () => {
    expect(formatCitationDate({ published: '2013-05-28', eventDate: '2013-05-27' })).toBe('28 May 2013');
    expect(formatCitationDate(eventOnly)).toBe('9 October 2017 (event date)');
    expect(formatCitationDate({ published: null })).toBe('n.d.');
    expect(copyWithCitation('q', eventOnly).text).toContain('9 October 2017 (event date)');
  });

  it('reaches every format: Markdown, HTML, CSV, CSL-JSON and the dossier', () => {
    for (const format of ['md', 'html', 'csv'] as const) {
      const text = exportSync(format, input()).text;
      expect(text, format).toContain('9 October 2017 (event date)');
      expect(text, format).not.toContain('n.d.');
    }
    const csv = exportSync('csv', input()).text.split('\r\n');
    expect(csv[0]).toContain('date,date_kind');
    expect(csv[1]).toContain(',2017-10-09,event,');
    const [item] = JSON.parse(exportSync('csl', input()).text) as Record<string, unknown>[];
    expect(item).toMatchObject({ issued: { 'date-parts': [[2017, 10, 9]] }, 'event-date': { 'date-parts': [[2017, 10, 9]] } });
    const { annotations, ...rest } = input();
    const dossier = dossierMarkdown({
      ...rest,
      title: 'Dossier',
      items: [{ kind: 'excerpt', id: 'e1', annotationId: 'ev-1' }],
      annotations: new Map(annotations.map((a) => [a.id, a])),
    });
    expect(dossier.text).toContain('9 October 2017 (event date)');
  });
});
