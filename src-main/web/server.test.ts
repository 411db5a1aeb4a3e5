/**
 * The HTTP host on a real port over the real bundled archive: what a browser
 * on this machine gets, and what a page from anywhere else does not.
 */
import { Agent, request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppInfo, ListResponse, SearchResponse } from '../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from './server';
import { tempDirsForFile } from '../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();

/** A raw request, so tests can send any Host/Origin header and any path (fetch normalizes both). */
function raw(
  host: WebHost,
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function api<T>(host: WebHost, method: string, arg?: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/${method}`, host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.url.replace(/\/$/, '') },
    body: arg === undefined ? undefined : JSON.stringify(arg),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

let host: WebHost;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = tempDir('renderer-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Archive Reader</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  host = await startWebHost({ port: 0, rendererDir, log: () => {} });
  await host.ready;
});

afterAll(() => host?.close());

describe('web host: where it listens', () => {
  test('prints a 127.0.0.1 URL on the port it picked', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.port).toBeGreaterThan(0);
  });

  test('is not reachable on any other address of this machine', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of [...others, '::1']) {
      const reached = await new Promise<boolean>((resolve) => {
        const s = connect({ host: address, port: host.port });
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
      });
      expect(reached, address).toBe(false);
    }
  });
});

describe('web host: refusing other pages', () => {
  test('a Host header that is not this server (DNS rebinding) gets 403 and no data', async () => {
    const res = await raw(host, '/api/list', { method: 'POST', headers: { host: `attacker.example:${host.port}` } });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(res.text).not.toContain('items');
    expect((await raw(host, '/', { headers: { host: 'attacker.example' } })).status).toBe(403);
  });

  test('an Origin that is not this server gets 403, for the API and for files', async () => {
    for (const origin of ['http://attacker.example', `http://127.0.0.1:${host.port + 1}`, 'null', `https://127.0.0.1:${host.port}`]) {
      const res = await raw(host, '/api/getDoc', { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"id":"x"}' });
      expect(res.status, origin).toBe(403);
    }
    expect((await raw(host, '/', { headers: { origin: 'http://attacker.example' } })).status).toBe(403);
    expect((await raw(host, '/api/appInfo', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  test('its own origin, by IP or by localhost, is accepted', async () => {
    const own = await raw(host, '/api/appInfo', { method: 'POST', headers: { origin: `http://127.0.0.1:${host.port}` } });
    expect(own.status).toBe(200);
    const local = await raw(host, '/api/appInfo', { method: 'POST', headers: { host: `localhost:${host.port}`, origin: `http://localhost:${host.port}` } });
    expect(local.status).toBe(200);
  });

  test('a form post (not JSON) is refused, as are oversized bodies and wrong methods', async () => {
    const form = await raw(host, '/api/search', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=x' });
    expect(form.status).toBe(415);
    const big = await raw(host, '/api/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(MAX_BODY_BYTES + 10, 32) });
    expect(big.status).toBe(413);
    expect((await raw(host, '/api/list')).status).toBe(405);
    expect((await raw(host, '/index.html', { method: 'PUT', body: 'x' })).status).toBe(405);
    expect((await raw(host, '/api/noSuchMethod', { method: 'POST' })).status).toBe(404);
  });
});

describe('web host: the connection', () => {
  test('a page that pauses longer than Node keeps a connection by default (5 s) asks again on the same one', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ask = () =>
      new Promise<{ reused: boolean; status: number }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: host.port, path: '/api/appInfo', method: 'POST', agent, headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json' } },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ reused: req.reusedSocket, status: res.statusCode ?? 0 }));
          },
        );
        req.on('error', reject);
        req.end('null');
      });
    try {
      expect(await ask()).toEqual({ reused: false, status: 200 });
      await new Promise((r) => setTimeout(r, 6000));
      expect(await ask()).toEqual({ reused: true, status: 200 });
    } finally {
      agent.destroy();
    }
  }, 20_000);
});

describe('web host: the API over the real archive', () => {
  test('appInfo says web host, archive ready, and passage links come back to this server', async () => {
    const r = await api<{ ok: true; value: AppInfo }>(host, 'appInfo');
    expect(r.ok).toBe(true);
    expect(r.value.host).toBe('web');
    expect(r.value.archive.status).toBe('ready');
    expect(r.value.linkBase).toBe(`http://127.0.0.1:${host.port}/#`);
  });

  test('list, getDoc and search (English and Russian) answer with archive data', async () => {
    const list = await api<{ ok: true; value: ListResponse }>(host, 'list', { kind: 'article', limit: 2 });
    expect(list.value.items).toHaveLength(2);
    expect(list.value.items.every((i) => i.kind === 'article')).toBe(true);
    const doc = await api<{ ok: boolean; value: { title: string } }>(host, 'getDoc', { id: list.value.items[0].id });
    expect(doc.value.title).toBe(list.value.items[0].title);
    const en = await api<{ ok: true; value: SearchResponse }>(host, 'search', { query: 'CSTO' });
    expect(en.value.hits.length).toBeGreaterThan(0);
    const ru = await api<{ ok: boolean; value: SearchResponse }>(host, 'search', { query: 'ОДКБ' });
    expect(ru.ok).toBe(true);
  });

  test('errors are data: not-found, invalid-argument, and unsupported for saveFile/openExternal', async () => {
    expect(await api(host, 'getDoc', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api(host, 'list', { kind: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await api(host, 'saveFile', { suggestedName: 'a.md', mimeType: 'text/markdown', data: 'x' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await api(host, 'openExternal', { url: 'https://example.org' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const bad = await raw(host, '/api/list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(JSON.parse(bad.text)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('web host: renderer files', () => {
  test('index.html and assets come with the CSP header and the right types', async () => {
    const index = await raw(host, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.text).toContain('<title>Archive Reader</title>');
    const js = await raw(host, '/assets/app.js');
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  test('the page cuts off a window of another site that opened it; one the person opened costs no new process', async () => {
    const doc = (site?: string) => raw(host, '/', { headers: { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', ...(site ? { 'sec-fetch-site': site } : {}) } });
    // Typed, bookmarked or opened by npm start; or the app's own reload.
    for (const site of ['none', 'same-origin']) {
      const res = await doc(site);
      expect(res.status, site).toBe(200);
      expect(res.headers['cross-origin-opener-policy'], site).toBeUndefined();
      expect(res.headers.vary, site).toBe('Sec-Fetch-Site');
    }
    // Followed from another site or port (a passage link, window.open), or from a browser that does not say.
    for (const site of ['cross-site', 'same-site', undefined]) {
      expect((await doc(site)).headers['cross-origin-opener-policy'], site).toBe('same-origin');
    }
    // Only the page: scripts and styles carry no opener policy (it means nothing there).
    expect((await raw(host, '/assets/app.js', { headers: { 'sec-fetch-site': 'cross-site' } })).headers['cross-origin-opener-policy']).toBeUndefined();
  });

  test('client routes get index.html; missing files 404; paths outside the renderer are refused', async () => {
    expect((await raw(host, '/library')).text).toContain('<title>Archive Reader</title>');
    expect((await raw(host, '/assets/missing.js')).status).toBe(404);
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd.txt', '/assets/..%2F..%2Fpackage.json', '/%2e%2e%5cpackage.json']) {
      const res = await raw(host, path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('"name"');
    }
  });
});

describe('web host: an archive that cannot open', () => {
  test('still serves, and says why in appInfo', async () => {
    const broken = await startWebHost({ port: 0, rendererDir, archiveDir: tempDir('empty-'), log: () => {} });
    try {
      await broken.ready;
      const info = await api<{ ok: true; value: AppInfo }>(broken, 'appInfo');
      expect(info.value.archive.status).toBe('error');
      expect(info.value.archive.message).toMatch(/could not be opened/);
      expect(await api(broken, 'list', {})).toMatchObject({ ok: false, error: { code: 'not-ready' } });
      expect((await raw(broken, '/')).status).toBe(200);
    } finally {
      await broken.close();
    }
  });
});
