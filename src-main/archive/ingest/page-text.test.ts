import { describe, expect, test } from 'vitest';
import { isContactLine, pageParagraphs, splitParagraphs, stripInlineFurniture } from './page-text';
import { groupTeasers, isCutOff, isHeadline, segmentArticle, segmentPage, startsNewsItem, txtShape } from './segment';
import { buildDocs } from './build-docs';
import { sha256 } from '../text';

describe('page furniture', () => {
  test('photo names and gallery markers leave the sentence intact', () => {
    expect(stripInlineFurniture('ZVF_3376.JPG\u00a0 \u00a0Yury Khachaturov noted that')).toBe('Yury Khachaturov noted that');
    expect(stripInlineFurniture('ZVF_3210.JPG ZVF_3084.JPG')).toBe('');
    expect(stripInlineFurniture('were approved. (Photo Gallery SMID-SMO-KSSB)')).toBe('were approved.');
    expect(stripInlineFurniture('(Фото пресс-службы)')).toBe('');
  });

  test('contact lines, English and Russian; ordinary sentences are not', () => {
    for (const l of ['CSTO spokesman Vladimir Zainetdinov', '+ 7-495-795-27-10', 'E-mail: odkb-pressa@gov.ru', 'Пресс-секретарь ОДКБ Владимир Зайнетдинов', 'Эл.почта: odkb-pressa@gov.ru']) {
      expect(isContactLine(l), l).toBe(true);
    }
    expect(isContactLine('A total of 21 documents were signed.')).toBe(false);
  });

  test('navigation and the trailing contact block are dropped; a contact-like line inside the body stays', () => {
    const ps = pageParagraphs('Title line\n\nBody one.\n\nCall +7 495 123 45 67 to register, the organisers said in a long sentence about the event.\n\nLast body.\n\nSpokesman John Doe\n\nE-mail: a@b.org\n\nGo back\n\nBack to the section');
    expect(ps.map((p) => p.text)).toEqual(['Title line', 'Body one.', 'Call +7 495 123 45 67 to register, the organisers said in a long sentence about the event.', 'Last body.']);
  });

  test('blank-line gaps are kept for teaser grouping', () => {
    expect(splitParagraphs('a.\n\n\nb.\n\nc.').map((p) => p.gapBefore)).toEqual([99, 2, 1]);
  });
});

describe('segmenting a page', () => {
  test('headline and cut-off detection', () => {
    expect(isHeadline('Informal meeting of the heads of state in Bishkek on May 28, 2013')).toBe(true);
    expect(isHeadline('A full sentence ends here.')).toBe(false);
    expect(isCutOff('On November 30, 2017, the Council in Minsk adopted the Declaration in connection with the 25th anniversary of the Treaty and the creation of the Co')).toBe(true);
    expect(isCutOff('Short title')).toBe(false);
  });

  test('a dated title with the date on its own line', () => {
    const seg = segmentPage(splitParagraphs('Teaser one is a sentence.\n\n\nBig news today\n\n14.01.2020\n\nBody.'), () => false);
    expect(seg).toMatchObject({ title: 'Big news today', published: '2020-01-14', body: ['Body.'], teasers: [['Teaser one is a sentence.']] });
  });

  test('a cut-off teaser that the body repeats is the article lead, even before a dated title', () => {
    const lead = 'The ministers met in Astana on Monday and agreed on a common plan for the border regions of the alliance, with new posts and joint patrols along the riv';
    const text = `Other teaser sentence.\n\n\n${lead}\n\nMinisters agree border plan\n\nMinisters agree border plan 02.03.2021\n\nThe ministers met in Astana on Monday and agreed on a common plan for the border regions of the alliance, with new posts and joint patrols along the river.`;
    const seg = segmentPage(splitParagraphs(text), () => false);
    expect(seg.cutLead).toBe(true);
    expect(seg.body[0]).toBe(`${lead}…`);
    expect(seg.teasers).toEqual([['Other teaser sentence.']]);
  });
});

describe('teasers and the shape of a text file', () => {
  test('a new news item starts a new teaser after a single blank line; a quoted teaser keeps its second paragraph', () => {
    const sidebar = splitParagraphs(
      'On June 6, 2024, in Almaty, a meeting of the Committee was held.\n\nSputnik Armenia reports that the minister praised the talks.\n\n\n' +
        '“Allow me to thank the presidency for the invitation,” the Secretary General said.\n\nI highly appreciate my participation in this meeting.',
    );
    expect(groupTeasers(sidebar).map((t) => t.length)).toEqual([1, 1, 2]);
    expect(startsNewsItem('MOSCOW, June 5 - Talks resumed.')).toBe(true);
    expect(startsNewsItem('I highly appreciate my participation.')).toBe(false);
  });

  test('a headline-first file is one article, never split, even when its paragraphs recur in other files', () => {
    const story = (title: string) => `${title}\n\nThe company said on Monday that profits rose.\n\nShares closed higher in London.\n\nAnalysts expect more growth next year.\n`;
    const files = ['Profits rise at bank', 'Bank profits up again', 'iPod sales soar'].map((t, i) => {
      const text = story(t);
      return { name: `${i}.txt`, section: '', format: 'txt' as const, text, hash: sha256(text), encoding: 'utf-8' as const };
    });
    expect(files.map((f) => txtShape(pageParagraphs(f.text)))).toEqual(['article', 'article', 'article']);
    const built = buildDocs(files);
    expect(built.briefs).toBe(0);
    expect(built.docs.map((d) => [d.title, d.paragraphs.length])).toEqual([['Profits rise at bank', 3], ['Bank profits up again', 3], ['iPod sales soar', 3]]);
  });

  test('a page with teasers set apart by two blank lines is a scraped page; a title with a date line is an article', () => {
    expect(txtShape(splitParagraphs('A teaser sentence about a meeting.\n\n\nAnother teaser sentence.\n\n\nBig news today\n\nBody.'))).toBe('scraped');
    expect(txtShape(splitParagraphs('Big news today\n\n14.01.2020\n\nBody.'))).toBe('article');
    expect(segmentArticle(splitParagraphs('Big news today\n\n14.01.2020\n\nBody.'))).toMatchObject({ title: 'Big news today', published: '2020-01-14', body: ['Body.'] });
  });
});

describe('plain-text headings', () => {
  test("a Setext heading's underline and a ruled line are breaks, never text (git's release notes, READMEs)", () => {
    const ps = splitParagraphs('Git v2.7.2 Release Notes\n========================\n\nFixes since v2.7.1\n------------------\n\n * A fix.\n\n***\n\nThe end.\n');
    expect(ps.map((p) => p.text)).toEqual(['Git v2.7.2 Release Notes', 'Fixes since v2.7.1', '* A fix.', 'The end.']);
  });
});
