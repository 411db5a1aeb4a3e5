/**
 * Searching in a worker thread (what the hosts do) answers exactly what
 * searching in process answers, and keeps damage named. How free it leaves
 * the host's thread is a figure of `npm run bench:host`, not a test.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledCorpusDir, ingestFolder, openArchive } from '../index';
import { removeDir, tempDir } from '../test/helpers';
import type { ArchiveService } from '../types';

let dir: string;
let threaded: ArchiveService;
let inProcess: ArchiveService;
beforeAll(async () => {
  dir = await tempDir('search-thread-');
  await ingestFolder(bundledCorpusDir(), join(dir, 'archive'));
  threaded = await openArchive(join(dir, 'archive'), { searchThread: true });
  inProcess = await openArchive(join(dir, 'archive'));
  await Promise.all([threaded.searchReady, inProcess.searchReady]);
});
afterAll(async () => {
  await threaded?.close();
  await inProcess?.close();
  await removeDir(dir);
});

const strip = <T extends { tookMs?: number }>(r: T) => ({ ...r, tookMs: 0 });

test.each(['peacekeeping', '+border -drug', 'title:summit', '"collective security"', 'secur*', 'Ташкент', 'peacekeping', 'the'])(
  'the thread answers %s as the host thread would',
  async (query) => {
    expect(strip(await threaded.search({ query, limit: 20 }))).toEqual(strip(await inProcess.search({ query, limit: 20 })));
  },
);

test('find in a document answers the same from the thread, and an unknown document is undefined', async () => {
  const id = (await inProcess.list({ kind: 'article' })).items[0].id;
  expect(await threaded.findInDoc(id, 'CSTO')).toEqual(await inProcess.findInDoc(id, 'CSTO'));
  expect((await threaded.findInDoc(id, 'CSTO'))!.matches.length).toBeGreaterThan(0);
  expect(await threaded.findInDoc('no-such-id', 'CSTO')).toBeUndefined();
});

test('docs.json read in the thread: facets, filtered lists and documents answer as in process', async () => {
  const all = await inProcess.facets();
  expect(await threaded.facets()).toEqual(all);
  const place = all.places[0];
  const person = all.people[0];
  const requests = [
    { facet: { type: 'places' as const, value: place.value.toUpperCase() } },
    { facet: { type: 'people' as const, value: person.value }, kind: 'article' as const },
    { facet: { type: 'organizations' as const, value: 'no such organization' } },
    { section: 'no-such-folder' },
  ];
  for (const req of requests) {
    expect(await threaded.facets(req)).toEqual(await inProcess.facets(req));
    expect(await threaded.list({ ...req, sort: 'title' })).toEqual(await inProcess.list({ ...req, sort: 'title' }));
  }
  expect((await threaded.list({ facet: { type: 'places', value: place.value } })).total).toBe(place.count);
  const ids = (await inProcess.list({ limit: 5 })).items.map((d) => d.id);
  expect(await threaded.facets({ ids })).toEqual(await inProcess.facets({ ids }));
  for (const id of ids) expect(await threaded.getPart(id)).toEqual(await inProcess.getPart(id));
  expect(await threaded.get('no-such-id')).toBeUndefined();
});

test('concurrent searches each get their own answer', async () => {
  const queries = ['peacekeeping', 'Armenia', 'exercise', 'drug', 'Kazakhstan'];
  const answers = await Promise.all(queries.map((query) => threaded.search({ query })));
  answers.forEach((a, i) => expect(a.query).toBe(queries[i]));
  expect(answers.every((a) => a.total > 0)).toBe(true);
});

test('a damaged index: the thread names the file and searches fail as they do in process', async () => {
  const copy = join(dir, 'damaged');
  await ingestFolder(bundledCorpusDir(), copy);
  const { readdir } = await import('node:fs/promises');
  const indexDir = join(copy, 'index');
  for (const f of await readdir(indexDir)) await writeFile(join(indexDir, f), '{"cut short');
  const a = await openArchive(copy, { searchThread: true });
  const here = await openArchive(copy);
  await expect(a.searchReady).rejects.toThrow(/index\.bin cannot be read/);
  await expect(here.searchReady).rejects.toThrow(/index\.bin cannot be read/);
  const r = await a.search({ query: 'peacekeeping' });
  expect(r.notice).toMatch(/^Search failed: .*index\.bin cannot be read/);
  expect(strip(r)).toEqual(strip(await here.search({ query: 'peacekeeping' })));
  expect(a.info().searchStatus).toBe('error');
  await Promise.all([a.close(), here.close()]);
});

test('a search thread that cannot start leaves search working in this thread', async () => {
  const a = await openArchive(join(dir, 'archive'), { searchThread: join(dir, 'no-such-worker.js') });
  await a.searchReady;
  expect(strip(await a.search({ query: 'peacekeeping' }))).toEqual(strip(await inProcess.search({ query: 'peacekeeping' })));
  expect(a.info().searchStatus).toBe('ready');
  await a.close();
});

describe('the thread loads the index only once the window can spare it', () => {
  const LATER = 10 * 60_000; // the latest start, out of reach of these tests: only a request starts the thread
  const after = (ms: number) => new Promise((r) => setTimeout(r, ms));

  test('not while nothing is asked; a search starts it and is answered', async () => {
    const a = await openArchive(join(dir, 'archive'), { searchThread: true, searchStartLatestMs: LATER });
    try {
      await after(1500);
      expect(a.info().searchStatus).toBe('loading');
      const r = await a.search({ query: 'peacekeeping', limit: 5 });
      expect(r.total).toBeGreaterThan(0);
      expect(a.info().searchStatus).toBe('ready');
    } finally {
      await a.close();
    }
  });

  test("after the library's first page has been answered", async () => {
    const a = await openArchive(join(dir, 'archive'), { searchThread: true, searchStartLatestMs: LATER });
    try {
      expect((await a.list({ offset: 0, limit: 20 })).items.length).toBeGreaterThan(0);
      await a.searchReady;
      expect(a.info().searchStatus).toBe('ready');
    } finally {
      await a.close();
    }
  });
});

test('searches are answered while docs.json is still being parsed, not queued behind it', async () => {
  // docs.json grown to tens of thousands of summaries (copies under new ids): a second or more of parsing, as
  // a 50,000-document archive's. The list and the index are the bundled archive's, so each search is quick.
  const copy = join(dir, 'big-details');
  await ingestFolder(bundledCorpusDir(), copy);
  const { readFile } = await import('node:fs/promises');
  const docsFile = join(copy, 'docs.json');
  const docs = JSON.parse(await readFile(docsFile, 'utf8')) as { format: number; docs: { id: string }[] };
  const grown = [];
  for (let n = 0; grown.length < 40_000; n++) for (const d of docs.docs) grown.push({ ...d, id: `${d.id}-copy-${n}` });
  await writeFile(docsFile, JSON.stringify({ ...docs, docs: [...docs.docs, ...grown] }));
  const a = await openArchive(copy, { searchThread: true });
  try {
    await a.searchReady;
    // A person typing while the filters load: a search every 50 ms until the facets answer.
    let facetsAnswered = false;
    const facets = a.facets().then(() => (facetsAnswered = true));
    const searches: Promise<boolean>[] = [];
    while (!facetsAnswered) {
      searches.push(a.search({ query: 'peacekeeping', limit: 5 }).then((r) => r.total > 0 && !facetsAnswered));
      await new Promise((r) => setTimeout(r, 50));
    }
    await facets;
    const beforeFacets = await Promise.all(searches);
    expect(searches.length).toBeGreaterThan(5);
    // Only a search still on its way when the facets arrived may answer after them; queued behind the
    // parse, a second's worth would.
    expect(beforeFacets.filter((answered) => !answered).length).toBeLessThanOrEqual(2);
  } finally {
    await a.close();
  }
});
