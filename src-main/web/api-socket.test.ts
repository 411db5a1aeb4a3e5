/**
 * The web host's API socket on a real port over the real bundled archive:
 * the same answers as over HTTP, only for this server's own pages, only the
 * calls it is meant for, and nothing left open when the host closes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { SearchResponse } from '../shared/contract';
import { SOCKET_MAX_MESSAGE_BYTES, SOCKET_PATH, readSocketAnswer, type SocketAnswer } from '../shared/api-socket-protocol';
import type { Result } from '../shared/result';
import { startWebHost, type WebHost } from './server';
import { tempDirsForFile } from '../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();
let host: WebHost;
let origin: string;

beforeAll(async () => {
  const rendererDir = tempDir('renderer-');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Archive Reader</title>');
  host = await startWebHost({ port: 0, rendererDir, dataDir: tempDir('data-'), log: () => {} });
  await host.ready;
  origin = host.url.replace(/\/$/, '');
});
afterAll(() => host?.close());

/** A socket as a page of `from` opens it; resolves once open, or with the HTTP status the upgrade was refused with. */
function open(from: string | undefined, path = SOCKET_PATH, hostHeader?: string): Promise<{ ws: WebSocket } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { ...(from ? { origin: from } : {}), ...(hostHeader ? { headers: { host: hostHeader } } : {}) });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    ws.once('error', reject);
  });
}

async function opened(): Promise<WebSocket> {
  const r = await open(origin);
  if (!('ws' in r)) throw new Error(`refused with ${r.refused}`);
  return r.ws;
}

/** Sends `message` as it is and resolves with the answer to `id`. */
function ask(ws: WebSocket, message: string, id: number): Promise<SocketAnswer> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const a = readSocketAnswer(data.toString());
      if (a?.id !== id) return;
      ws.off('message', onMessage);
      resolve(a);
    };
    ws.on('message', onMessage);
    ws.once('close', (code) => reject(new Error(`closed (${code})`)));
    ws.send(message);
  });
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

async function overHttp(method: string, arg: unknown): Promise<Result<unknown>> {
  const res = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(arg) });
  return (await res.json()) as Result<unknown>;
}

describe('API socket', () => {
  test('answers a search as HTTP does, each answer under its call id, with the host time', async () => {
    const ws = await opened();
    const arg = { query: 'border', limit: 5, offset: 0 };
    const [a, b] = await Promise.all([ask(ws, JSON.stringify({ id: 7, method: 'search', arg }), 7), ask(ws, JSON.stringify({ id: 8, method: 'search', arg: { ...arg, query: 'minsk' } }), 8)]);
    const http = (await overHttp('search', arg)) as Result<SearchResponse>;
    expect(a.result.ok && http.ok).toBe(true);
    const hits = (r: Result<unknown>) => (r.ok ? (r.value as SearchResponse).hits.map((h) => h.id) : null);
    expect(hits(a.result)).toEqual(hits(http));
    expect(hits(b.result)).not.toEqual(hits(a.result));
    expect(typeof a.ms).toBe('number');
    ws.close();
  });

  test('answers getDoc, the opening of an article, as HTTP does', async () => {
    const ws = await opened();
    const first = (await overHttp('search', { query: 'border', limit: 1 })) as Result<SearchResponse>;
    const id = first.ok ? first.value.hits[0]!.id : '';
    const viaSocket = await ask(ws, JSON.stringify({ id: 1, method: 'getDoc', arg: { id } }), 1);
    expect(viaSocket.result.ok).toBe(true);
    expect(viaSocket.result).toEqual(await overHttp('getDoc', { id }));
    expect((await ask(ws, JSON.stringify({ id: 2, method: 'getDoc', arg: { id: 'no-such-doc' } }), 2)).result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    ws.close();
  });

  test('checks the argument with the method schema, and carries only the calls made as you type', async () => {
    const ws = await opened();
    const bad = await ask(ws, JSON.stringify({ id: 1, method: 'search', arg: { query: 42 } }), 1);
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const other = await ask(ws, JSON.stringify({ id: 2, method: 'backupWrite', arg: {} }), 2);
    expect(other.result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/only search, findInDoc, getDoc calls/) } });
    // Still open after both: a wrong call is answered, not a reason to drop the page.
    expect((await ask(ws, JSON.stringify({ id: 3, method: 'findInDoc', arg: { id: 'no-such-doc', query: 'x' } }), 3)).result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    ws.close();
  });

  test('a message that is no call, or too large, closes the socket', async () => {
    for (const message of ['not json', JSON.stringify({ method: 'search', arg: { query: 'x' } }), JSON.stringify({ id: 1, method: 'search', arg: { query: 'x'.repeat(SOCKET_MAX_MESSAGE_BYTES) } })]) {
      const ws = await opened();
      const code = closed(ws);
      ws.send(message);
      expect([1008, 1009]).toContain(await code);
    }
  });

  test('only this server pages may open it', async () => {
    expect(await open('http://evil.example')).toEqual({ refused: 403 });
    expect(await open(`http://127.0.0.1:${host.port + 1}`)).toEqual({ refused: 403 });
    expect(await open(origin, SOCKET_PATH, 'attacker.example:80')).toEqual({ refused: 403 });
    expect(await open(origin, '/api/search')).toEqual({ refused: 404 });
    const local = await open(`http://localhost:${host.port}`);
    expect('ws' in local).toBe(true);
    if ('ws' in local) local.ws.close();
  });

  test('closing the host closes its sockets', async () => {
    const other = await startWebHost({ port: 0, rendererDir: tempDir('renderer2-'), dataDir: tempDir('data2-'), log: () => {} });
    await other.ready;
    const ws = await new Promise<WebSocket>((resolve, reject) => {
      const s = new WebSocket(`ws://127.0.0.1:${other.port}${SOCKET_PATH}`, { origin: other.url.replace(/\/$/, '') });
      s.once('open', () => resolve(s));
      s.once('error', reject);
    });
    const code = closed(ws);
    await other.close();
    expect(await code).toBeGreaterThan(0);
  });
});
