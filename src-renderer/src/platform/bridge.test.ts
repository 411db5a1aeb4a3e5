/**
 * The bridge picks the preload when it is complete and HTTP otherwise. (The
 * HTTP client itself is tested against real servers in
 * tests/e2e/http-client.e2e.test.ts.)
 */
import { describe, expect, test } from 'vitest';
import type { CommandMessage } from '../../../src-main/shared/commands';
import { API_METHODS } from '../../../src-main/shared/contract';
import { selectBridge } from './bridge';
import type { FetchLike } from '../../../src-main/shared/http-client';

const seen: { url: string; body: string }[] = [];
const recordingFetch: FetchLike = async (url, init) => {
  seen.push({ url, body: init.body });
  return { ok: true, status: 200, text: async () => JSON.stringify({ ok: true, value: { items: [], total: 0 } }) };
};
const nodeFetch = recordingFetch;

describe('selectBridge', () => {
  test('uses a complete preload bridge and its command channel', async () => {
    const calls: string[] = [];
    const api: Record<string, unknown> = {};
    for (const m of API_METHODS) api[m] = async () => (calls.push(m), { ok: true, value: m });
    let listener: ((m: CommandMessage) => void) | undefined;
    api.onCommand = (l: (m: CommandMessage) => void) => ((listener = l), () => undefined);
    const bridge = selectBridge({ archiveApi: api }, () => Promise.reject(new Error('no http')));
    expect(bridge.host).toBe('preload');
    expect(await bridge.client.list({})).toEqual({ ok: true, value: 'list' });
    expect(calls).toEqual(['list']);
    const got: CommandMessage[] = [];
    bridge.onCommand?.((m) => got.push(m));
    listener?.({ command: 'focus-search' });
    expect(got).toEqual([{ command: 'focus-search' }]);
  });

  test('falls back to HTTP when there is no bridge or only part of one', async () => {
    const http = selectBridge({}, nodeFetch);
    expect(http.host).toBe('http');
    expect(http.onCommand).toBeUndefined();
    await http.client.list({ kind: 'article' });
    expect(seen.at(-1)).toEqual({ url: '/api/list', body: '{"kind":"article"}' });
    expect(selectBridge({ archiveApi: { list: () => null } }, nodeFetch).host).toBe('http');
    expect(selectBridge({ archiveApi: 'x' }, nodeFetch).host).toBe('http');
  });
});
