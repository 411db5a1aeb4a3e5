/**
 * Exports of another archive's notes: every passage link in every format names
 * that archive, so opening one never lands on the bundled archive's article
 * that happens to share the id; a W3C round trip keeps the archive.
 */
import { describe, expect, it } from 'vitest';
import { exportSync } from './formats';
import { fixtureInput, FIXTURE_ANNOTATIONS, FIXTURE_DOCS } from './test-fixtures';
import { importW3cText } from './w3c-import';
import { parsePassageLink } from './citation';
import type { ExportFormat } from './types';

const OTHER = 'dir-5e1f00aa';
const annotations = FIXTURE_ANNOTATIONS.map((a) => ({ ...a, archiveId: OTHER }));
const articleNotes = [{ docId: FIXTURE_DOCS[0].id, note: 'An article note', tags: [], starred: true }];
const input = fixtureInput({ annotations, articleNotes, archiveId: OTHER });

const links = (text: string) => [...text.matchAll(/archive-reader:\/\/article\/[^\s"<>)\],]+/g)].map((m) => m[0]);

describe('exports of another archive', () => {
  for (const format of ['md', 'html', 'json', 'csv', 'csl'] as ExportFormat[]) {
    it(`${format}: every passage link names the archive`, () => {
      const found = links(exportSync(format, input).text);
      expect(found.length).toBeGreaterThan(0);
      for (const link of found) expect(parsePassageLink(link.replace(/&amp;/g, '&'))?.archiveId, link).toBe(OTHER);
    });
  }

  it('a W3C export imported into that archive keeps it; imported elsewhere, the rows are that archive\'s', () => {
    const w3c = exportSync('json', input).text;
    const known = new Set(FIXTURE_DOCS.map((d) => d.id));
    const back = importW3cText(w3c, { knownDocIds: known, archiveId: OTHER });
    if (!back.ok) throw new Error(back.message);
    expect(back.annotations.length).toBeGreaterThan(0);
    expect(new Set(back.annotations.map((a) => a.archiveId))).toEqual(new Set([OTHER]));
  });
});
