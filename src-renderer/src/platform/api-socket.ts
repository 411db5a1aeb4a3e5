/**
 * The page's end of the web host's API socket (src-main/shared/api-socket-protocol.ts):
 * the calls made on every keystroke (search, find in the article) go as
 * messages on one WebSocket, which skips the browser's per-request work; every
 * other call goes over HTTP as before.
 *
 * The socket is opened at the first such call (which itself goes over HTTP),
 * so a page that never searches never opens one. Whenever it is not open, the
 * calls go over HTTP; a call whose socket closes before its answer is sent
 * again over HTTP (these calls only read). A host that refuses the socket is
 * asked again at most every RETRY_AFTER_MS. So a socket costs speed when it
 * fails, never an answer.
 */
import { isSocketMethod, readSocketAnswer } from '../../../src-main/shared/api-socket-protocol';
import type { ApiMethod } from '../../../src-main/shared/contract';
import type { ApiSend } from '../../../src-main/shared/http-client';
import type { Result } from '../../../src-main/shared/result';

/** What the lane needs of a WebSocket (the browser's own, in the app). */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
}

export const RETRY_AFTER_MS = 5000;

export function withSocketLane(http: ApiSend, openSocket: () => SocketLike): ApiSend {
  let socket: SocketLike | null = null;
  let open = false;
  let triedAt = -Infinity;
  let nextId = 1;
  const waiting = new Map<number, { method: ApiMethod; arg: unknown; resolve: (r: Result<unknown> | Promise<Result<unknown>>) => void }>();

  const connect = () => {
    if (socket || performance.now() - triedAt < RETRY_AFTER_MS) return;
    triedAt = performance.now();
    let s: SocketLike;
    try {
      s = openSocket();
    } catch {
      return;
    }
    socket = s;
    s.addEventListener('open', () => {
      if (socket === s) open = true;
    });
    s.addEventListener('message', (e) => {
      const answer = readSocketAnswer(e.data);
      // Not an answer at all: this socket is not to be trusted with the calls still waiting.
      if (!answer) return s.close();
      const w = waiting.get(answer.id);
      waiting.delete(answer.id);
      w?.resolve(answer.result);
    });
    s.addEventListener('close', () => {
      if (socket !== s) return;
      socket = null;
      open = false;
      const again = [...waiting.values()];
      waiting.clear();
      for (const w of again) w.resolve(http(w.method, w.arg));
    });
  };

  return (method, arg) => {
    if (!isSocketMethod(method)) return http(method, arg);
    const s = socket;
    if (!s || !open) {
      connect();
      return http(method, arg);
    }
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, { method, arg, resolve });
      try {
        s.send(JSON.stringify({ id, method, arg: arg ?? null }));
      } catch {
        waiting.delete(id);
        resolve(http(method, arg));
      }
    });
  };
}
