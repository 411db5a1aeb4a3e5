/**
 * The library is listed from the lean list.json (read first); facets, links
 * and documents come from docs.json, loaded afterwards or at once when a call
 * needs them. An archive without list.json (written before it existed) still
 * opens from docs.json.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledCorpusDir, ingestFolder, openArchive } from '../index';
import { removeDir, tempDir } from './helpers';

let parent = '';
let dir = '';
beforeAll(async () => {
  parent = await tempDir();
  dir = join(parent, 'archive');
  await ingestFolder(bundledCorpusDir(), dir);
});
afterAll(async () => removeDir(parent));

test('list.json holds the library list only, and is much smaller than docs.json', async () => {
  const list = JSON.parse(await readFile(join(dir, 'list.json'), 'utf8')) as { docs: Record<string, unknown>[] };
  expect(list.docs.length).toBe(15);
  // A document whose text says more than its title has a summary line; one that does not, none.
  const withSummary = list.docs.find((d) => d.summary);
  expect(Object.keys(withSummary!).sort()).toEqual(['body', 'eventDate', 'id', 'kind', 'languages', 'published', 'source', 'summary', 'title', 'year']);
  // The row's summary line is short: one sentence, never a whole body.
  for (const d of list.docs) expect(String(d.summary ?? '').length).toBeLessThanOrEqual(201);
  expect((await stat(join(dir, 'list.json'))).size * 2).toBeLessThan((await stat(join(dir, 'docs.json'))).size);
});

test('facets, facet filters and documents work straight after opening (before the background load)', async () => {
  const a = await openArchive(dir);
  const facets = await a.facets();
  expect(facets.places.length).toBeGreaterThan(0);
  const place = facets.places[0];
  expect((await a.list({ facet: { type: 'places', value: place.value } })).total).toBe(place.count);
  const first = (await a.list({ limit: 1 })).items[0];
  const doc = (await a.get(first.id))!;
  expect(doc.title).toBe(first.title);
  expect(doc.facets).toBeDefined();
  expect(doc.paragraphs.length).toBeGreaterThan(0);
  await a.close();
});

test('an archive without list.json opens from docs.json, with the same list', async () => {
  const a = await openArchive(dir);
  const before = await a.list({ sort: 'title' });
  await a.close();
  await rm(join(dir, 'list.json'));
  const b = await openArchive(dir);
  expect(await b.list({ sort: 'title' })).toEqual(before);
  expect(await b.get('no-such-id')).toBeUndefined();
  await b.close();
});
