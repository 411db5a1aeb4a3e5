/**
 * app://archive/ serving: files of the built renderer with the CSP header,
 * nothing outside it, nothing for other hosts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { tempDirsForFile } from '../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();

vi.mock('electron', () => import('./test/fake-electron'));
const { appProtocolResponse } = await import('./app-protocol');

// The renderer's folder, and a file beside it that no app:// address may reach.
const dir = join(tempDir('app-protocol-'), 'renderer');
mkdirSync(join(dir, 'assets'), { recursive: true });
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Archive Reader</title>');
writeFileSync(join(dir, 'assets', 'a.js'), 'export {}');
writeFileSync(join(dir, '..', 'outside-renderer.txt'), 'secret');

const get = (url: string, method = 'GET') => appProtocolResponse(dir, { url, method });

describe('app:// protocol', () => {
  test('serves index.html and assets with the CSP header', async () => {
    const index = await get('app://archive/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toContain('Archive Reader');
    const js = await get('app://archive/assets/a.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('app://archive/')).status).toBe(200);
  });

  test('refuses other hosts, other methods, missing files and paths leaving the renderer', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://archive/index.html', 'POST')).status).toBe(405);
    expect((await get('app://archive/assets/none.js')).status).toBe(404);
    for (const url of ['app://archive/%2e%2e/outside-renderer.txt', 'app://archive/assets/..%2f..%2foutside-renderer.txt']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('secret');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('app://archive/sync/db: the desktop app way to the person CouchDB', async () => {
  const { startCouchServer } = await import('../../tests/support/couch-server');
  const server = await startCouchServer(tempDir('couch-'));
  afterAll(() => server.close());
  const target = { serverUrl: server.dbUrl, user: server.user, password: server.password };
  const call = (path: string, init: RequestInit = {}, to: typeof target | null = target) =>
    appProtocolResponse(dir, new Request(`app://archive${path}`, init), async () => to);

  test('forwards reads and writes to the configured database with the stored credentials', async () => {
    const put = await call('/sync/db/note:1', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'from the desktop' }) });
    expect(put.status).toBe(201);
    expect(((await server.db.get('note:1')) as unknown as { text: string }).text).toBe('from the desktop');
    const bulk = await call('/sync/db/_bulk_docs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs: [{ _id: 'note:2', text: 'two' }, { _id: 'note:3', text: 'three' }] }),
    });
    expect(bulk.status).toBe(201);
    const all = await call('/sync/db/_all_docs?include_docs=true');
    expect(all.status).toBe(200);
    expect(all.headers.get('cache-control')).toBe('no-store');
    const rows = ((await all.json()) as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect(rows).toEqual(['note:1', 'note:2', 'note:3']);
  });

  test('a wrong password is the server refusing; sync off, a path outside the database, or no proxy: nothing reaches the server', async () => {
    const refused = await call('/sync/db/', {}, { ...target, password: 'wrong' });
    expect(refused.status).toBe(401);
    const before = server.requests.length;
    const off = await call('/sync/db/', {}, null);
    expect(off.status).toBe(409);
    expect(((await off.json()) as { error: string }).error).toBe('sync_off');
    // The URL parser makes this "/_users": a path of the renderer's files, never of the server.
    expect(await (await call('/sync/db/%2e%2e/_users')).text()).not.toContain('"_id"');
    expect((await appProtocolResponse(dir, new Request('app://archive/sync/db/'))).status).toBe(404);
    expect(server.requests.length).toBe(before);
  });
});
