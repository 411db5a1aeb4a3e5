/**
 * The bundled corpus, ingested for real: each page gives the right article
 * (title, dates, languages), no furniture or sidebar text is left in article
 * bodies, teasers become deduplicated briefs linked both ways, facets merge
 * spelling variants, and ids survive rebuilds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Doc } from '../../shared/model';
import { docText } from '../../shared/model';
import { ingestFolder, openArchive } from '../index';
import type { ArchiveService } from '../types';
import { copyCorpus, openBundledCopy, removeDir, SOURCES, tempDir } from './helpers';

let archive: ArchiveService;
let cleanup: () => Promise<void>;
let docs: Doc[];
const bySource = (s: string) => docs.find((d) => d.kind === 'article' && d.source === s)!;

beforeAll(async () => {
  ({ archive, cleanup } = await openBundledCopy());
  docs = await Promise.all((await archive.list({})).items.map(async (s) => (await archive.get(s.id))!));
});
afterAll(() => cleanup());

describe('articles', () => {
  test('one article per page with its title and dates', () => {
    const articles = docs.filter((d) => d.kind === 'article');
    expect(articles).toHaveLength(5);
    const expected: [string, string, string | null, string | null][] = [
      [SOURCES.y2013, 'Informal meeting of the heads of the CSTO member states of the Central Asian region in Bishkek on May 28, 2013', null, '2013-05-28'],
      [SOURCES.y2017, 'On November 30, 2017, the CSTO Collective Security Council in Minsk adopted the Declaration of the Heads of the CSTO Member States…', null, '2017-11-30'],
      [SOURCES.y2019, 'On November 28, 2019, a session of the CSTO Collective Security Council was held in Bishkek', '2020-01-14', '2019-11-28'],
      [SOURCES.y2021, 'The Military Committee meeting on the development of military cooperation of the CSTO member States has been held via videoconferencing on December 8', '2021-12-08', '2021-12-08'],
      [SOURCES.y2024, 'Abstracts of the speech of the CSTO Secretary General at a meeting of the Council of the CSTO Parliamentary Assembly', '2024-06-03', null],
    ];
    for (const [source, title, published, eventDate] of expected) {
      const a = bySource(source);
      expect(a.title, source).toBe(title);
      expect(a.published, source).toBe(published);
      expect(a.eventDate, source).toBe(eventDate);
      expect(a.year, source).toBe(Number((published ?? eventDate)!.slice(0, 4)));
    }
  });

  test('bodies start where the article starts and end before the page furniture', () => {
    expect(bySource(SOURCES.y2013).paragraphs[0].text).toMatch(/^Heads of the CSTO member states of the Central Asian region at an informal summit/);
    expect(bySource(SOURCES.y2013).paragraphs.at(-1)!.text).toMatch(/he clarified\.$/);
    expect(bySource(SOURCES.y2019).paragraphs[0].text).toMatch(/^On November 28, this year, In Bishkek/);
    expect(bySource(SOURCES.y2019).paragraphs.at(-1)!.text).toMatch(/second half of 2020\.$/);
    expect(bySource(SOURCES.y2021).paragraphs[0].text).toMatch(/^The meeting of the Military Committee/);
    expect(bySource(SOURCES.y2021).paragraphs).toHaveLength(12); // one line, one paragraph
    expect(bySource(SOURCES.y2024).paragraphs[0].text).toBe('Dear Chairman,');
    expect(bySource(SOURCES.y2024).paragraphs.at(-1)!.text).toBe('Thank you for attention.');
    expect(bySource(SOURCES.y2017).paragraphs.at(-1)!.text).toBe('The session was attended by Colonel-General Anatoly Sidorov, Chief of the CSTO Joint Staff.');
  });

  test('the cut-off 2017 lead belongs to its article, not to a brief', () => {
    const a = bySource(SOURCES.y2017);
    expect(a.paragraphs[0].text).toMatch(/^On November 30, 2017, the CSTO Collective Security Council in Minsk adopted the Declaration.*creation of the Co…$/);
    expect(a.paragraphs[1].text).toMatch(/^November 30 A session of the Collective Security Treaty Organization/);
    for (const b of docs.filter((d) => d.kind === 'brief')) expect(docText(b)).not.toContain('On November 30, 2017');
  });

  test('a sentence broken across a blank line is one paragraph', () => {
    const texts = bySource(SOURCES.y2017).paragraphs.map((p) => p.text);
    expect(texts).toContain('“Illegal - 2017” was held in two stages - from May 22 to June 2 and from September 25 to October 6.');
  });

  test('paragraph languages: the Russian paragraph and its English translation', () => {
    const a = bySource(SOURCES.y2024);
    const ru = a.paragraphs.findIndex((p) => p.lang === 'ru');
    expect(a.paragraphs.filter((p) => p.lang === 'ru')).toHaveLength(1);
    expect(a.paragraphs[ru].text).toMatch(/^Благодаря политической воле государств/);
    expect(a.paragraphs[ru + 1]).toMatchObject({ lang: 'en' });
    expect(a.paragraphs[ru + 1].text).toMatch(/^Thanks to the political will of the member states/);
    expect(a.languages).toEqual(['en', 'ru']);
    for (const s of [SOURCES.y2013, SOURCES.y2017, SOURCES.y2019, SOURCES.y2021]) {
      expect(bySource(s).languages, s).toEqual(['en']);
      expect(bySource(s).paragraphs.every((p) => p.lang === 'en')).toBe(true);
    }
  });

  test('no boilerplate left: navigation, photo names, gallery markers, press contacts (English and Russian)', () => {
    const furniture = [/Go back/, /Back to the/, /\.JPG/i, /Photo gallery/i, /\(Photo/i, /odkb-pressa/, /7-495/, /spokesman/i, /Zainetdinov/, /Пресс-секретарь/, /Зайнетдинов/, /Эл\.почта/, /E-mail/];
    for (const a of docs.filter((d) => d.kind === 'article')) {
      const text = docText(a);
      for (const re of furniture) expect(text, `${a.source} ${re}`).not.toMatch(re);
    }
    // The photo names were removed from inside a paragraph, the sentence kept.
    expect(docText(bySource(SOURCES.y2017))).toContain('Yury Khachaturov noted that in the context of strengthening');
  });

  test('no teaser text in any article body', () => {
    const briefs = docs.filter((d) => d.kind === 'brief');
    for (const a of docs.filter((d) => d.kind === 'article')) {
      for (const b of briefs) for (const p of b.paragraphs) expect(a.paragraphs.map((x) => x.text), `${a.source}`).not.toContain(p.text);
      expect(docText(a)).not.toContain('told BELTA news agency correspondent');
      expect(docText(a)).not.toContain('staff of the CSTO Secretariat met with graduates');
    }
  });
});

describe('briefs', () => {
  test('every distinct teaser once, linked to the pages it appeared on', () => {
    const briefs = docs.filter((d) => d.kind === 'brief');
    expect(briefs).toHaveLength(10);
    expect(new Set(briefs.map((b) => docText(b))).size).toBe(10);
    const belta = briefs.find((b) => docText(b).includes('told BELTA news agency'))!;
    expect(belta.appearsIn).toHaveLength(4);
    const speech = briefs.find((b) => docText(b).startsWith('Allow me to thank'))!;
    expect(speech.paragraphs).toHaveLength(2);
    expect(speech.appearsIn!.map((id) => docs.find((d) => d.id === id)!.source).sort()).toEqual([SOURCES.y2017, SOURCES.y2021, SOURCES.y2013].sort());
    const cronos = briefs.find((b) => docText(b).includes('Cronos.Asia'))!;
    expect(cronos.appearsIn).toEqual([bySource(SOURCES.y2019).id]);
  });

  test('two news items one blank line apart are two briefs (the 2019 sidebar: Almaty, then Armenia)', () => {
    const briefs = docs.filter((d) => d.kind === 'brief');
    const almaty = briefs.find((b) => docText(b).startsWith('On June 6, 2024, in Almaty'))!;
    const armenia = briefs.find((b) => docText(b).startsWith('Sputnik Armenia reports'))!;
    expect(almaty.paragraphs).toHaveLength(1);
    expect(armenia.paragraphs).toHaveLength(1);
    expect(almaty.eventDate).toBe('2024-06-06');
    expect(armenia.eventDate).toBeNull();
    expect(bySource(SOURCES.y2019).briefs).toEqual(expect.arrayContaining([almaty.id, armenia.id]));
  });

  test('links agree both ways', () => {
    for (const a of docs.filter((d) => d.kind === 'article')) {
      for (const bid of a.briefs!) expect(docs.find((d) => d.id === bid)!.appearsIn).toContain(a.id);
    }
    for (const b of docs.filter((d) => d.kind === 'brief')) {
      for (const aid of b.appearsIn!) expect(docs.find((d) => d.id === aid)!.briefs).toContain(b.id);
    }
    expect(bySource(SOURCES.y2017).briefs).toHaveLength(4);
    expect(bySource(SOURCES.y2024).briefs).toHaveLength(4);
  });

  test('briefs take their date from the text when it gives one', () => {
    const b = docs.find((d) => d.kind === 'brief' && docText(d).startsWith('On 25 July 2024'))!;
    expect(b.eventDate).toBe('2024-07-25');
    expect(b.published).toBeNull();
    expect(b.year).toBe(2024);
  });
});

describe('facets', () => {
  test('people with spelling variants merged', async () => {
    const y2017 = bySource(SOURCES.y2017).facets.people;
    expect(y2017).toContain('Nikolai Bordyuzha');
    expect(y2017).toContain('Yuri Khachaturov');
    expect(y2017.filter((p) => /Khachaturov/.test(p))).toHaveLength(1);
    expect(y2017.filter((p) => /Bordyuzha/.test(p))).toHaveLength(1);
    expect(bySource(SOURCES.y2013).facets.people).toContain('Nikolai Bordyuzha');
    const y2019 = bySource(SOURCES.y2019).facets.people;
    expect(y2019).toContain('Sooronbai Jeenbekov');
    expect(y2019.filter((p) => /Jeen?bekov/.test(p))).toHaveLength(1);
    const all = (await archive.facets()).people.map((p) => p.value);
    expect(all.filter((p) => /Bordyuzha/.test(p))).toEqual(['Nikolai Bordyuzha']);
    expect((await archive.facets()).people.find((p) => p.value === 'Nikolai Bordyuzha')!.count).toBe(2);
  });

  test('places and organizations, including named operations and exercises', () => {
    const f = bySource(SOURCES.y2017).facets;
    expect(f.places).toEqual(expect.arrayContaining(['Minsk', 'Kazakhstan', 'Belarus', 'Syria']));
    expect(f.organizations).toEqual(expect.arrayContaining(['Collective Security Treaty Organization', 'OSCE Minsk Group', 'CSTO Joint Staff']));
    const f19 = bySource(SOURCES.y2019).facets;
    expect(f19.places).toContain('Bishkek');
    expect(f19.organizations).toEqual(expect.arrayContaining(['Operation Channel', 'Operation Illegal', 'Operation Mercenary', 'Exercise Indestructible Brotherhood', 'Exercise Interaction']));
    // "Kyrgyz Republic" and "Russian Federation" are the countries' long forms.
    expect(f19.places).toEqual(expect.arrayContaining(['Kyrgyzstan', 'Russia']));
    expect(f19.places).not.toContain('Kyrgyz Republic');
  });

  test('variants merged: one operation translated three ways, a body named with and without its prefix', async () => {
    const f17 = bySource(SOURCES.y2017).facets.organizations;
    expect(f17.filter((o) => /Operation (?:Illegal|Unlegal|Nelegal)/.test(o))).toEqual(['Operation Illegal']);
    const all = (await archive.facets()).organizations.map((o) => o.value);
    expect(all.filter((o) => /Unlegal|Nelegal/.test(o))).toEqual([]);
    expect((await archive.facets()).organizations.find((o) => o.value === 'Operation Illegal')!.count).toBe(3);
    const f24 = bySource(SOURCES.y2024).facets.organizations;
    expect(f24).toContain('CSTO Parliamentary Assembly');
    expect(f24).not.toContain('Parliamentary Assembly');
  });

  test('facet counts and filters through list()', async () => {
    const facets = await archive.facets();
    expect(facets.kinds).toEqual([{ kind: 'article', count: 5 }, { kind: 'brief', count: 10 }]);
    expect(facets.years.find((y) => y.year === 2013)!.count).toBe(1);
    const minsk = await archive.list({ facet: { type: 'places', value: 'Minsk' } });
    expect(minsk.items.map((i) => i.source)).toContain(SOURCES.y2017);
    expect((await archive.list({ kind: 'article', from: 2019, to: 2021 })).items.map((i) => i.year).sort()).toEqual([2020, 2021]);
  });
});

describe('stable ids', () => {
  test('identical across two rebuilds', async () => {
    const a = await tempDir();
    const b = await tempDir();
    try {
      const corpus = (await import('../index')).bundledCorpusDir();
      await ingestFolder(corpus, a);
      await ingestFolder(corpus, b);
      const [x, y] = [await openArchive(a), await openArchive(b)];
      const ids = async (s: ArchiveService) => (await s.list({ sort: 'title' })).items.map((i) => i.id);
      expect(await ids(x)).toEqual(await ids(y));
      expect(await ids(x)).toEqual(await ids(archive));
      expect((await ids(x)).every((id) => /^[ab]-[a-z0-9-]+$/.test(id))).toBe(true);
      await x.close();
      await y.close();
    } finally {
      await removeDir(a);
      await removeDir(b);
    }
  });

  test('a corrected body keeps the id; a changed title does not', async () => {
    const corpus = await copyCorpus();
    const out = await tempDir();
    try {
      const file = join(corpus, SOURCES.y2013);
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('the fight against drug trafficking', 'the fight against illicit drug trafficking'));
      await ingestFolder(corpus, out);
      const changed = await openArchive(out);
      const before = bySource(SOURCES.y2013);
      const after = (await changed.get(before.id))!;
      expect(after).toBeDefined();
      expect(after.textHash).not.toBe(before.textHash);
      expect(docText(after)).toContain('illicit drug trafficking');
      await changed.close();

      await writeFile(file, text.replace('Informal meeting of the heads', 'Informal summit of the heads'));
      await ingestFolder(corpus, out);
      const retitled = await openArchive(out);
      expect(await retitled.get(before.id)).toBeUndefined();
      await retitled.close();
    } finally {
      await removeDir(corpus);
      await removeDir(out);
    }
  });
});
