/**
 * The host's proxy to the person's CouchDB, against a real HTTP server on
 * 127.0.0.1 standing in for it. What the page relies on: credentials added,
 * paths outside the database refused, and a server that goes away in the
 * middle of an answer (a long poll open while it restarts) ends the page's
 * request with an error instead of leaving it open forever, which would stall
 * live sync without a word.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { proxyFetchToCouch, proxyToCouch } from './couch-proxy';
import type { SyncTarget } from './sync-settings-store';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A stand-in CouchDB: `_changes` starts its answer (a heartbeat) and then drops the connection; other paths echo what arrived. */
async function flakyCouch(): Promise<string> {
  return serve((req, res) => {
    if (req.url?.includes('/_changes')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('\n');
      setTimeout(() => res.socket?.destroy(), 50);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ url: req.url, authorization: req.headers.authorization ?? null, cookie: req.headers.cookie ?? null }));
  });
}

/** Settles with the body, the error, or "still open" after `ms`: a hanging request must not hang the test. */
function outcome(body: Promise<string>, ms = 4_000): Promise<string> {
  return Promise.race([
    body.then((t) => `body: ${t}`, (e: unknown) => `error: ${String(e)}`),
    new Promise<string>((r) => setTimeout(() => r('still open'), ms)),
  ]);
}

describe('the web host forwarding /sync/db (proxyToCouch)', () => {
  async function proxyTo(target: SyncTarget): Promise<string> {
    return serve((req, res) => proxyToCouch(target, req, res));
  }

  test('adds the stored credentials, drops the page\'s cookies and reaches only the configured database', async () => {
    const couch = await flakyCouch();
    const proxy = await proxyTo({ serverUrl: `${couch}/notes`, user: 'reader', password: 'pw' });
    const answer = await fetch(`${proxy}/sync/db/doc-1?rev=2`, { headers: { cookie: 'session=page' } });
    expect(answer.status).toBe(200);
    const seen = (await answer.json()) as { url: string; authorization: string; cookie: string | null };
    expect(seen.url).toBe('/notes/doc-1?rev=2');
    expect(seen.authorization).toBe(`Basic ${Buffer.from('reader:pw').toString('base64')}`);
    expect(seen.cookie).toBeNull();
    expect((await fetch(`${proxy}/sync/db/../other/doc`)).status).toBe(404);
    expect((await fetch(`${proxy}/sync/db/%2e%2e/other`)).status).toBe(404);
  });

  test('a server that drops a long poll midway fails the page\'s request instead of leaving it open', async () => {
    const couch = await flakyCouch();
    const proxy = await proxyTo({ serverUrl: `${couch}/notes`, user: '', password: '' });
    const answer = await fetch(`${proxy}/sync/db/_changes?feed=longpoll&heartbeat=10000`);
    expect(answer.status).toBe(200);
    expect(await outcome(answer.text())).toMatch(/^error: /);
  });

  test('a server that goes silent on an open request (a dead connection) fails it once the idle limit passes', async () => {
    const silent = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('\n'); // then nothing, as a connection that died without a word
    });
    const proxy = await serve((req, res) => proxyToCouch({ serverUrl: `${silent}/notes`, user: '', password: '' }, req, res, 300));
    const answer = await fetch(`${proxy}/sync/db/_changes?feed=longpoll&heartbeat=10000`);
    expect(await outcome(answer.text())).toMatch(/^error: /);
  });

  test('a server that cannot be reached answers 502 with a reason', async () => {
    const closed = await serve(() => undefined);
    const server = servers.pop()!;
    await new Promise((r) => server.close(r));
    const proxy = await proxyTo({ serverUrl: `${closed}/notes`, user: '', password: '' });
    const answer = await fetch(`${proxy}/sync/db/`);
    expect(answer.status).toBe(502);
    expect(((await answer.json()) as { reason: string }).reason).toMatch(/cannot be reached/);
  });
});

describe('the desktop app forwarding app://archive/sync/db (proxyFetchToCouch)', () => {
  test('a server that drops a long poll midway errors the body the page reads', async () => {
    const couch = await flakyCouch();
    const target = { serverUrl: `${couch}/notes`, user: '', password: '' };
    const answer = await proxyFetchToCouch(target, new Request('app://archive/sync/db/_changes?feed=longpoll'), '/sync/db/_changes?feed=longpoll');
    expect(answer.status).toBe(200);
    expect(await outcome(answer.text())).toMatch(/^error: /);
  });
});
