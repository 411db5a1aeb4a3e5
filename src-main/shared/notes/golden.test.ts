/**
 * Golden files for every export format on the fixed annotations of
 * test-fixtures.ts. A change to any exporter shows up as a diff in
 * __golden__/ that a person reviews. Run `npx vitest run --project unit src-main/shared/notes -u` to
 * rewrite them after an intended change, then review the diff.
 */
import { describe, expect, it } from 'vitest';
import { exportSync } from './formats';
import { dossierHtml, dossierMarkdown, type DossierItem } from './dossier';
import { FIXTURE_ANNOTATIONS, fixtureInput } from './test-fixtures';
import type { ExportFormat } from './types';

/** Compares with the committed file (vitest writes it only with `-u`, or when it does not exist outside CI). */
const golden = (name: string, actual: string) => expect(actual).toMatchFileSnapshot(`./__golden__/${name}`);

const FILES: Record<ExportFormat, string> = {
  md: 'excerpts.md',
  html: 'excerpts.html',
  json: 'excerpts.jsonld',
  csv: 'excerpts.csv',
  csl: 'excerpts.csl.json',
};

describe('golden exports of the fixed annotations', () => {
  for (const [format, file] of Object.entries(FILES) as [ExportFormat, string][]) {
    it(`${format} matches __golden__/${file}`, async () => {
      await golden(file, exportSync(format, fixtureInput()).text);
    });
  }

  it('cites each article once, however many excerpts it has; every excerpt still links to its passage', () => {
    const input = fixtureInput();
    const citation = '”, Collective Security Treaty Organization, 28 May 2013, archive id csto-2013-05-28-minsk.';
    const minsk = input.annotations.filter((a) => a.docId === 'csto-2013-05-28-minsk');
    expect(minsk.length).toBeGreaterThan(1);
    for (const format of ['md', 'html'] as const) {
      const text = exportSync(format, input).text;
      expect(text.split(citation).length - 1, format).toBe(1);
      for (const a of input.annotations) expect(text, `${format} ${a.id}`).toContain(`annotation=${a.id}`);
    }
  });

  it('carries article notes: each article noted is cited once (or "Cited above"), with its note, tags and star', () => {
    const input = {
      ...fixtureInput(),
      articleNotes: [
        { docId: 'csto-2013-05-28-minsk', note: 'Compare with the **2012** summit', tags: ['summit'], starred: true },
        { docId: 'csto-2017-event', note: 'Only an article note here', tags: [], starred: false },
        { docId: 'csto-2019-11-29-bishkek', note: '', tags: [], starred: false }, // nothing written: left out
      ],
    };
    for (const format of ['md', 'html', 'csv'] as const) {
      const text = exportSync(format, input).text;
      expect(text, format).toContain('Only an article note here');
      expect(text, format).toContain('2012');
      expect(text.split('”, Collective Security Treaty Organization, 28 May 2013, archive id csto-2013-05-28-minsk.').length - 1, format).toBe(format === 'csv' ? 3 : 1);
    }
    expect(exportSync('md', input).text).toMatch(/## Article notes[\s\S]*### Exercises of the CSTO Collective Rapid Reaction Force\n\nCite as:/);
    expect(exportSync('csv', input).text.split('\r\n').filter((r) => r.includes(',Article note,'))).toHaveLength(2);
    expect(JSON.parse(exportSync('csl', input).text).map((i: { id: string }) => i.id)).toContain('csto-2017-event');
  });

  const items: DossierItem[] = [
    { kind: 'heading', id: 'h1', text: 'Part 1: the summits & *their* outcomes' },
    { kind: 'excerpt', id: 'e1', annotationId: 'a5-cyrillic' },
    { kind: 'excerpt', id: 'e2', annotationId: 'a1-plain' },
    { kind: 'heading', id: 'h2', text: 'Part 2: <doubts>' },
    { kind: 'excerpt', id: 'e3', annotationId: 'a3-html' },
    { kind: 'excerpt', id: 'e4', annotationId: 'deleted-annotation' },
  ];
  const dossier = () => {
    const { annotations: _a, ...rest } = fixtureInput();
    return { ...rest, title: 'Dossier: CSTO summits', items, annotations: new Map(FIXTURE_ANNOTATIONS.map((a) => [a.id, a])) };
  };

  it('dossier Markdown matches __golden__/dossier.md, numbered footnotes in the chosen order', async () => {
    const r = dossierMarkdown(dossier());
    await golden('dossier.md', r.text);
    expect(r.missing).toEqual(['deleted-annotation']);
    expect(r.text.indexOf('[^1]')).toBeLessThan(r.text.indexOf('[^2]'));
    expect(r.text).toMatch(/\[\^1\]: “Заседание Совета/);
    expect(r.text).toMatch(/\[\^3\]: .*archive id csto-2019-11-29-bishkek/);
  });

  it('dossier HTML matches __golden__/dossier.html', async () => {
    const r = dossierHtml(dossier());
    await golden('dossier.html', r.text);
    expect(r.text).toContain('<li id="fn3">');
    expect(r.text).not.toContain('<li id="fn4">');
  });
});
