/**
 * A large document is served in parts: through the real web host, getDoc
 * answers a range of paragraphs at most about DOC_ANSWER_CHARS characters
 * long, with the total; the renderer's client (platform/doc-parts.ts over the real
 * HTTP client) assembles the whole document, identical to what the archive
 * holds. A small document is one answer, as before.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFolder, openArchive } from '../../src-main/archive/index';
import { removeDir, tempDir } from '../../src-main/archive/test/helpers';
import { DOC_ANSWER_CHARS, type DocAnswer } from '../../src-main/shared/contract';
import type { Doc } from '../../src-main/shared/model';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { createHttpClient } from '../../src-main/shared/http-client';
import { wholeDocuments } from '../../src-renderer/src/platform/doc-parts';

const PARAGRAPHS = 20_000; // about 2.4 million characters: three answers
let dir: string;
let host: WebHost;
let bigDoc: Doc;
let smallId: string;

beforeAll(async () => {
  dir = await tempDir('doc-parts-');
  await mkdir(join(dir, 'src'));
  const body = Array.from({ length: PARAGRAPHS }, (_, i) => `Paragraph ${i}: the river port handled grain, timber and machinery shipments during week ${i}.`).join('\n\n');
  await writeFile(join(dir, 'src', '01-long.txt'), `The long report on the river port\n\n${body}\n`);
  await writeFile(join(dir, 'src', '02-short.txt'), 'Winter roads open\n\nThe winter roads opened across the region on Monday, the agency said.\n');
  await ingestFolder(join(dir, 'src'), join(dir, 'archive'));
  const archive = await openArchive(join(dir, 'archive'));
  const items = (await archive.list({})).items;
  bigDoc = (await archive.get(items.find((d) => d.title.startsWith('The long'))!.id))!;
  smallId = items.find((d) => d.title.startsWith('Winter'))!.id;
  await archive.close();
  host = await startWebHost({ port: 0, archiveDir: join(dir, 'archive'), dataDir: join(dir, 'data'), log: () => undefined });
  await host.ready;
}, 120_000);
afterAll(async () => {
  await host.close();
  await removeDir(dir);
});

const raw = async (arg: unknown) => {
  const res = await fetch(`${host.url}api/getDoc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(arg) });
  const text = await res.text();
  return { bytes: text.length, value: (JSON.parse(text) as { value: DocAnswer }).value };
};

test('the host answers a large document a bounded range at a time, with the total', async () => {
  const first = await raw({ id: bigDoc.id });
  expect(first.value.paragraphCount).toBe(bigDoc.paragraphs.length);
  expect(first.value.paragraphsFrom).toBe(0);
  expect(first.value.paragraphs.length).toBeLessThan(bigDoc.paragraphs.length);
  expect(first.bytes).toBeLessThan(DOC_ANSWER_CHARS * 1.5);
  const next = await raw({ id: bigDoc.id, from: first.value.paragraphs.length });
  expect(next.value.paragraphsFrom).toBe(first.value.paragraphs.length);
  expect(next.value.paragraphs[0]).toEqual(bigDoc.paragraphs[first.value.paragraphs.length]);
});

test("the renderer's client assembles the whole document, identical to the archive's", async () => {
  const client = wholeDocuments(createHttpClient(host.url.replace(/\/$/, ''), fetch));
  const r = await client.getDoc({ id: bigDoc.id });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value).toEqual(bigDoc);
  const small = await raw({ id: smallId });
  expect(small.value.paragraphCount).toBeUndefined();
  expect((await client.getDoc({ id: smallId })).ok).toBe(true);
});

test('a bad range is refused', async () => {
  const res = await fetch(`${host.url}api/getDoc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: bigDoc.id, from: -1 }) });
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
});
