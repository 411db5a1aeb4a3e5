/**
 * Issue 16, done-when 11: with a passphrase set, note text, quotes and tags
 * are encrypted in the page before they reach the mirror, so the server's
 * data folder (LevelDB files of a real CouchDB-protocol server,
 * tests/support/couch-server.ts) holds none of them, while a plain control
 * document written there is found by the same search. A second profile with
 * a wrong passphrase is told so, writes nothing and receives nothing; with the
 * right one it reads every note.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Doc } from '../../src-main/shared/model';
import { createHttpClient } from '../../src-main/shared/http-client';
import type { WebHost } from '../../src-main/web/server';
import type { CouchServer } from '../support/couch-server';
import { articleHash, closeCard, highlight, passage } from './notes-support';
import { notesOf, openSettings, startSyncWorld, statusLine, type SyncWorld } from './sync-support';

let world: SyncWorld;
let couch: CouchServer;
let couchDir: string;
let host: WebHost;
let doc: Doc;

beforeAll(async () => {
  world = await startSyncWorld('sealed');
  ({ couch, couchDir, host, doc } = world);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const profile = (hash = '') => world.profile(hash);

/** Every byte the server keeps on disk, as text (LevelDB's log and tables, express-pouchdb's log). */
function serverFiles(dir: string): string {
  let all = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    all += statSync(path).isDirectory() ? serverFiles(path) : readFileSync(path).toString('latin1');
  }
  return all;
}

/** The same text as UTF-8 bytes read as latin1, to search serverFiles() with. */
const asStored = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

const setSync = (passphrase: string) =>
  createHttpClient(host.url.replace(/\/$/, ''), (url, init) => fetch(url, init)).syncSettingsSet({ serverUrl: couch.dbUrl, user: couch.user, passphrase, enabled: true });

describe('end-to-end encryption with a passphrase', () => {
  test('11: the server keeps no note text, quote or tag; a wrong passphrase is told and writes nothing; the right one reads everything', async () => {
    const note = 'Sealed remark: the summit minutes are in the annex';
    const tag = 'sealed-tag-e2e';
    const quote = passage(doc, 3);

    const a = await profile('#/settings');
    await a.getByLabel('Server database URL').fill(couch.dbUrl);
    await a.getByLabel('User').fill(couch.user);
    await a.getByLabel('Password', { exact: true }).fill(couch.password);
    await a.getByLabel('Encryption passphrase (optional)').fill('correct passphrase 42');
    await a.getByLabel('Sync on').click();
    await expect.poll(() => statusLine(a).textContent(), { timeout: 30_000 }).toMatch(/^Synced\./);

    await a.goto(host.url + articleHash(doc.id));
    await a.getByRole('heading', { level: 1 }).waitFor();
    const id = await highlight(a, quote, { note, tags: [tag] });
    await closeCard(a);
    await openSettings(a);
    await expect.poll(() => statusLine(a).textContent(), { timeout: 30_000 }).toMatch(/^Synced\./);
    // The annotation, its tag row and the marker at least reached the server.
    expect((await couch.db.info()).doc_count).toBeGreaterThanOrEqual(3);

    // The search can see plain text in these files: a plain document written the same way is found.
    await couch.db.bulkDocs([{ _id: 'control-plain', text: 'Plain control text that the server can read' }]);
    const files = serverFiles(couchDir);
    expect(files).toContain(asStored('Plain control text that the server can read'));
    for (const secret of [note, quote.phrase, tag, id]) expect(files).not.toContain(asStored(secret));

    // Another computer with a wrong passphrase: told plainly; nothing received, nothing sent; A keeps its notes.
    expect((await setSync('wrong passphrase')).ok).toBe(true);
    const seq = (await couch.db.info()).update_seq;
    const b = await profile('#/settings');
    await expect.poll(() => statusLine(b).textContent(), { timeout: 30_000 }).toMatch(/the passphrase does not match this server's notes/i);
    expect((await notesOf(b)).annotations ?? []).toEqual([]);
    await a.reload();
    await expect.poll(() => statusLine(a).textContent(), { timeout: 30_000 }).toMatch(/the passphrase does not match this server's notes/i);
    expect(((await notesOf(a)).annotations as { id: string; note: string }[]).find((r) => r.id === id)?.note).toBe(note);
    expect((await couch.db.info()).update_seq).toBe(seq);

    // The right passphrase: B reads the note, its quote and its tag.
    expect((await setSync('correct passphrase 42')).ok).toBe(true);
    await b.reload();
    await expect
      .poll(async () => ((await notesOf(b)).annotations as { id: string; note: string; tags: string[]; quote: { exact: string } }[] | undefined)?.find((r) => r.id === id), { timeout: 30_000 })
      .toMatchObject({ note, tags: [tag], quote: { exact: quote.phrase } });
    await expect.poll(() => statusLine(b).textContent(), { timeout: 30_000 }).toMatch(/^Synced\./);
  }, 150_000);
});
