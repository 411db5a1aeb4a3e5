/**
 * The renderer's HTTP client (src-main/shared/http-client.ts), run in
 * Node against the real web host, and against small servers that misbehave
 * the ways real networks do: every failure becomes a Result a person can
 * read, never an exception.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHttpClient } from '../../src-main/shared/http-client';
import { hostApi } from './api';

const nodeFetch = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => fetch(url, init);

describe('against the real host', () => {
  test('answers the contract methods with Results', async () => {
    const api = hostApi();
    const info = await api.appInfo();
    expect(info.ok && info.value.host).toBe('web');
    const list = await api.list({ kind: 'article', limit: 2 });
    expect(list.ok && list.value.items.length).toBe(2);
    expect(list.ok && list.value.items.every((d) => d.kind === 'article')).toBe(true);
  });

  test('an unknown id is a not-found error, an invalid argument is refused', async () => {
    const api = hostApi();
    const missing = await api.getDoc({ id: 'no-such-doc' });
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
    const bad = await api.list({ kind: 'poem' as 'article' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid-argument');
  });
});

describe('against misbehaving servers', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/api/facets') {
          res.statusCode = 502;
          res.end('<html>Bad gateway</html>');
        } else {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ hello: 'world' }));
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('a non-JSON answer is an io error naming the HTTP status', async () => {
    const res = await createHttpClient(base, nodeFetch).facets({});
    expect(res).toEqual({ ok: false, error: { code: 'io', message: expect.stringContaining('502') } });
  });

  test('JSON that is not a Result is refused', async () => {
    const res = await createHttpClient(base, nodeFetch).appInfo();
    expect(res.ok ? null : res.error.code).toBe('internal');
  });

  test('a host that is gone is an io error, not an exception', async () => {
    const res = await createHttpClient('http://127.0.0.1:9', nodeFetch).search({ query: 'x' });
    expect(res.ok ? null : res.error).toMatchObject({ code: 'io', message: expect.stringContaining('Cannot reach') });
  });
});
