/**
 * Search as you type, latest wins: one request in flight at a time, only the
 * newest query sent after it, and an answer to an older query never shown.
 * The host here answers when the test says so, to fix the order of events.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, test } from 'vitest';
import type { ApiClient, SearchRequest, SearchResponse } from '../../../../src-main/shared/contract';
import type { Result } from '../../../../src-main/shared/result';
import { BridgeProvider } from '../../platform/api-context';
import { askFirstPageAhead, searchRequestOf } from './search-flight';
import { FIRST_PAGE, PAGE, TOP_UP_MS, useSearch } from './use-search';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Pending {
  req: SearchRequest;
  answer: (r: Result<SearchResponse>) => void;
}

function slowHost() {
  const sent: Pending[] = [];
  const client = {
    search: (req: SearchRequest) => new Promise<Result<SearchResponse>>((answer) => sent.push({ req, answer })),
  } as unknown as ApiClient;
  const reply = (p: Pending) =>
    act(async () => {
      p.answer({
        ok: true,
        value: {
          query: p.req.query,
          interpretedAs: 'lunr',
          notice: null,
          total: 1,
          offset: 0,
          hits: [{ id: `hit-for-${p.req.query}`, title: p.req.query, kind: 'article', published: null, eventDate: null, score: 1, snippets: [] }],
          tookMs: 1,
        },
      });
    });
  return { client, sent, reply };
}

function Probe({ q }: { q: string }) {
  const s = useSearch(q ? { query: q } : null);
  return <output data-status={s.status}>{s.hits.map((h) => h.id).join(',')}</output>;
}

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function mount(client: ApiClient) {
  host = document.createElement('div');
  document.body.appendChild(host);
  const r = (root = createRoot(host));
  const out = () => host!.querySelector('output')!;
  const type = (q: string) =>
    act(() =>
      r.render(
        <BridgeProvider bridge={{ client, host: 'http' }}>
          <Probe q={q} />
        </BridgeProvider>,
      ),
    );
  return { out, type };
}

test('typing while a search is in flight sends only the newest query, and the older answer is never shown', async () => {
  const { client, sent, reply } = slowHost();
  const { out, type } = mount(client);
  await type('p');
  expect(sent.map((p) => p.req.query)).toEqual(['p']);
  await type('pe');
  await type('pea');
  // Still one request: the typed-past "pe" is never sent.
  expect(sent.map((p) => p.req.query)).toEqual(['p']);
  expect(out().dataset.status).toBe('loading');

  await reply(sent[0]);
  // The answer to "p" is stale: not shown; the newest query goes out at once.
  expect(out().textContent).toBe('');
  expect(out().dataset.status).toBe('loading');
  expect(sent.map((p) => p.req.query)).toEqual(['p', 'pea']);

  await reply(sent[1]);
  expect(out().dataset.status).toBe('ready');
  expect(out().textContent).toBe('hit-for-pea');

  // Idle again: the next key is sent immediately.
  await type('peac');
  expect(sent.map((p) => p.req.query)).toEqual(['p', 'pea', 'peac']);
  await reply(sent[2]);
  expect(out().textContent).toBe('hit-for-peac');
});

test('going back to the query in flight shows its answer without asking again', async () => {
  const { client, sent, reply } = slowHost();
  const { out, type } = mount(client);
  await type('treaty');
  await type('treatx');
  await type('treaty');
  await reply(sent[0]);
  expect(out().textContent).toBe('hit-for-treaty');
  expect(sent.map((p) => p.req.query)).toEqual(['treaty']);
});

test('clearing the box while a search is in flight drops its answer', async () => {
  const { client, sent, reply } = slowHost();
  const { out, type } = mount(client);
  await type('csto');
  await type('');
  await reply(sent[0]);
  expect(out().dataset.status).toBe('idle');
  expect(out().textContent).toBe('');
  expect(sent).toHaveLength(1);
});

test('a first page the box sent from the keystroke is taken, not asked again; while one is out, the box sends none', async () => {
  const { client, sent, reply } = slowHost();
  const { out, type } = mount(client);
  const ahead = (q: string) => askFirstPageAhead(client, JSON.stringify(searchRequestOf({ q })));
  ahead('pe');
  ahead('pea');
  // The second key found a search on its way: it went nowhere.
  expect(sent.map((p) => [p.req.query, p.req.offset, p.req.limit])).toEqual([['pe', 0, FIRST_PAGE]]);
  await type('pe');
  expect(sent).toHaveLength(1);
  expect(out().dataset.status).toBe('loading');
  await reply(sent[0]);
  expect(out().dataset.status).toBe('ready');
  expect(out().textContent).toBe('hit-for-pe');

  // Idle again: the next key's page leaves from the box, and a key typed past it waits for its answer, as before.
  ahead('pea');
  await type('pea');
  ahead('peac');
  await type('peac');
  expect(sent.map((p) => p.req.query)).toEqual(['pe', 'pea']);
  await reply(sent[1]);
  expect(out().textContent).toBe('hit-for-pe');
  expect(sent.map((p) => p.req.query)).toEqual(['pe', 'pea', 'peac']);
  await reply(sent[2]);
  expect(out().textContent).toBe('hit-for-peac');
});

/** A host with `total` hits for every query, answering each request at once. */
function manyHits(total: number) {
  const sent: SearchRequest[] = [];
  const client = {
    search: async (req: SearchRequest): Promise<Result<SearchResponse>> => {
      sent.push(req);
      const offset = req.offset ?? 0;
      const n = Math.max(0, Math.min(req.limit ?? total, total - offset));
      const hits = Array.from({ length: n }, (_, i) => ({ id: `${req.query}-${offset + i}`, title: 't', kind: 'article' as const, published: null, eventDate: null, score: 1, snippets: [] }));
      return { ok: true, value: { query: req.query, interpretedAs: 'lunr', notice: null, total, offset, hits, tookMs: 1 } };
    },
  } as unknown as ApiClient;
  return { client, sent };
}

test('each keystroke asks for a screenful of hits; a pause fills the page', async () => {
  const { client, sent } = manyHits(45);
  const { out, type } = mount(client);
  await type('b');
  await act(async () => {});
  await type('bo');
  await act(async () => {});
  // While typing: only the first hits of each query, nothing more.
  expect(sent.map((r) => [r.query, r.offset, r.limit])).toEqual([
    ['b', 0, FIRST_PAGE],
    ['bo', 0, FIRST_PAGE],
  ]);
  expect(out().textContent!.split(',')).toHaveLength(FIRST_PAGE);
  // The person pauses: the rest of the first page arrives, in order, without repeating a hit.
  await act(() => new Promise((r) => setTimeout(r, TOP_UP_MS + 100)));
  expect(sent.slice(2).map((r) => [r.query, r.offset, r.limit])).toEqual([['bo', FIRST_PAGE, PAGE - FIRST_PAGE]]);
  const ids = out().textContent!.split(',');
  expect(ids).toHaveLength(PAGE);
  expect(ids).toEqual(Array.from({ length: PAGE }, (_, i) => `bo-${i}`));
  // And no more until asked ("Show more").
  await act(() => new Promise((r) => setTimeout(r, TOP_UP_MS + 100)));
  expect(sent).toHaveLength(3);
});
