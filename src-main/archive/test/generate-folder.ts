/**
 * Writes a person's archive as it really looks, for the ingestion tests: a
 * folder tree of headline-first stories in section folders with names that
 * clash across folders (business/001.txt, sport/001.txt), stories saved in
 * legacy encodings (Windows-1252 with a pound sign, KOI8-R and Windows-1251
 * Russian, UTF-16 with a BOM, UTF-8 with a BOM and with a damaged byte), an
 * exact copy and a near copy of a story in another folder, undated stories
 * that mention years in passing, a dated folder, Markdown with and without
 * front matter and a saved web page. Returns what a reader expects of it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { decodeLegacy } from '../ingest/decode';

/** Encodes text in a single-byte encoding, through the reverse of the reader's own decoding table. */
export function encodeLegacy(text: string, encoding: 'windows-1252' | 'windows-1251' | 'koi8-r'): Buffer {
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decodeLegacy(new Uint8Array([b]), encoding), b);
  return Buffer.from(Array.from(text, (c) => {
    const b = table.get(c);
    if (b === undefined) throw new Error(`${JSON.stringify(c)} has no byte in ${encoding}`);
    return b;
  }));
}

export interface ExpectedStory {
  file: string;
  title: string;
  section: string;
  /** Words that must be in the body exactly as written (decoded correctly). */
  contains: string;
  published: string | null;
  eventDate: string | null;
  /** Other files merged into this one. */
  mergedFrom?: string[];
}

const WORDS = 'committee region officials figures council budget harbour market traders minister report plan river bridge station school hospital season players coach league museum library festival weather farmers prices exports factory workers union talks summit agreement border patrol citizens court judge election voters campaign'.split(' ');

/** `n` paragraphs of varied prose, the same for the same topic (a tiny LCG seeded by it). */
const para = (n: number, topic: string) => {
  let x = [...topic].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const next = () => (x = (x * 1103515245 + 12345) >>> 0) % WORDS.length;
  return Array.from({ length: n }, (_, i) => `In the ${topic} story, part ${i + 1}, the ` + Array.from({ length: 40 }, next).map((k) => WORDS[k]).join(' ') + ' were discussed.').join('\n\n');
};

export const STORIES = {
  markets: `Markets rally as rates hold\n\nShares rose across Europe on Thursday after the central bank left interest rates unchanged.\n\n${para(6, 'markets')}\n`,
  cup: `Cup final goes to extra time\n\nThe regional cup final needed extra time before the home side scored the winner.\n\n${para(3, 'cup')}\n`,
  pound: `Pound slips against the euro\n\nThe pound fell to £0.84 against the euro as traders weighed the “surprise” figures.\n\n${para(2, 'currency')}\n`,
  singer: `Jazz singer dies aged 84\n\nThe singer, born on 3 May 1920 in Chicago, recorded more than forty albums. Critics compared her to the greats of 1950s jazz.\n\n${para(2, 'obituary')}\n`,
  security: `Airport security review ordered\n\nThe review, the first since 2001-09-11, will look at every terminal.\n\n${para(2, 'security')}\n`,
  ru: `Городской совет утвердил бюджет\n\nДепутаты городского совета утвердили бюджет на следующий год после долгого обсуждения.\n\nЁлки на площади установят в декабре, сообщили в мэрии.\n`,
};

/** Writes the tree under `dir`; returns the stories a reader must find and what the report must say. */
export async function writeArchiveTree(dir: string): Promise<{ stories: ExpectedStory[]; warnings: string[]; files: number }> {
  const w = async (rel: string, data: string | Buffer) => {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), data);
  };
  await w('business/001.txt', STORIES.markets);
  await w('sport/001.txt', STORIES.cup);
  await w('sport/copies/001.txt', STORIES.markets); // an exact copy, filed elsewhere
  await w('business/002.txt', STORIES.markets.replace('on Thursday', 'on Thursday morning') + '\nFiled by the business desk.\n'); // near copy
  await w('business/003.txt', encodeLegacy(STORIES.pound, 'windows-1252'));
  await w('world/ru-koi8.txt', encodeLegacy(STORIES.ru.replace('Городской совет утвердил бюджет', 'Совет Твери утвердил бюджет'), 'koi8-r'));
  await w('world/ru-1251.txt', encodeLegacy(STORIES.ru.replace('Городской совет утвердил бюджет', 'Совет Казани утвердил бюджет'), 'windows-1251'));
  await w('world/utf16.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(STORIES.cup.replace('Cup final goes to extra time', 'Derby decided on penalties'), 'utf16le').swap16()]));
  await w('world/bom.txt', '\ufeff' + STORIES.markets.replace('Markets rally as rates hold', 'Bond yields steady'));
  const damaged = Buffer.from(STORIES.cup.replace('Cup final goes to extra time', 'Café owners – “a good year”'), 'utf8');
  await w('world/damaged.txt', Buffer.concat([damaged.subarray(0, 120), Buffer.from([0xff]), damaged.subarray(120)]));
  await w('obituaries/singer.txt', STORIES.singer);
  await w('news/security.txt', STORIES.security);
  await w('2005/03/14/budget.txt', `Budget passed after long night\n\nOn Monday the assembly passed the budget.\n\n${para(2, 'budget')}\n`);
  await w('notes/plain.md', `# Harbour works begin\n\nWork on the harbour wall began this week.\n\n- new cranes\n- a longer pier\n`);
  await w('notes/front.md', `---\ntitle: "Library opens a reading room"\ndate: 2022-10-05\nauthor: Anna Petrova\ntags: [culture, city]\n---\n\nThe city library opened a new reading room on the second floor.\n\n${para(1, 'library')}\n`);
  const stories: ExpectedStory[] = [
    { file: 'business/001.txt', title: 'Markets rally as rates hold', section: 'business', contains: 'left interest rates unchanged', published: null, eventDate: null, mergedFrom: ['business/002.txt', 'sport/copies/001.txt'] },
    { file: 'sport/001.txt', title: 'Cup final goes to extra time', section: 'sport', contains: 'scored the winner', published: null, eventDate: null },
    { file: 'business/003.txt', title: 'Pound slips against the euro', section: 'business', contains: 'fell to £0.84 against the euro as traders weighed the “surprise” figures', published: null, eventDate: null },
    { file: 'world/ru-koi8.txt', title: 'Совет Твери утвердил бюджет', section: 'world', contains: 'Ёлки на площади установят в декабре', published: null, eventDate: null },
    { file: 'world/ru-1251.txt', title: 'Совет Казани утвердил бюджет', section: 'world', contains: 'Депутаты городского совета утвердили бюджет', published: null, eventDate: null },
    { file: 'world/utf16.txt', title: 'Derby decided on penalties', section: 'world', contains: 'scored the winner', published: null, eventDate: null },
    { file: 'world/bom.txt', title: 'Bond yields steady', section: 'world', contains: 'left interest rates unchanged', published: null, eventDate: null },
    { file: 'world/damaged.txt', title: 'Café owners – “a good year”', section: 'world', contains: 'scored the winner', published: null, eventDate: null },
    { file: 'obituaries/singer.txt', title: 'Jazz singer dies aged 84', section: 'obituaries', contains: 'born on 3 May 1920', published: null, eventDate: null },
    { file: 'news/security.txt', title: 'Airport security review ordered', section: 'news', contains: 'the first since 2001-09-11', published: null, eventDate: null },
    { file: '2005/03/14/budget.txt', title: 'Budget passed after long night', section: '2005/03/14', contains: 'passed the budget', published: '2005-03-14', eventDate: null },
    { file: 'notes/plain.md', title: 'Harbour works begin', section: 'notes', contains: 'a longer pier', published: null, eventDate: null },
    { file: 'notes/front.md', title: 'Library opens a reading room', section: 'notes', contains: 'opened a new reading room', published: '2022-10-05', eventDate: null },
  ];
  const warnings = ['business/003.txt', 'world/damaged.txt', 'world/ru-1251.txt', 'world/ru-koi8.txt'];
  return { stories, warnings, files: 15 };
}
