/**
 * The web host's second lane for the contract: one WebSocket at SOCKET_PATH
 * carries the calls made on every keystroke and the opening of an article
 * (SOCKET_METHODS); every other
 * call, and these whenever the socket is not open, stays a POST to
 * /api/<method> (http-client.ts). Electron's window uses neither: its calls go
 * through the preload bridge.
 *
 * Why a socket: in Chromium a fetch to 127.0.0.1 cost 7-11 ms at its median
 * with the page idle, and about 20 ms while a keystroke's own work held the
 * two cores: the request goes through the browser's network service, its
 * loader and its checks. A message on an open WebSocket made the same round
 * trip in about 2 ms (scripts/bench, docs/benchmarks.md).
 *
 *   page -> host   {"id": 1, "method": "search", "arg": {...}}
 *   host -> page   {"id": 1, "result": <the Result, as over HTTP>, "ms": <the host's time>}
 *
 * The host checks each call as it checks a request (request-guard.ts at the
 * upgrade, the method's schema in handlers.ts); the page takes an answer only
 * for a call it made.
 */
import * as v from 'valibot';
import type { ApiMethod } from './contract';
import { err, isResult, type Result } from './result';

export const SOCKET_PATH = '/api/socket';

/**
 * Only reads, so a call whose socket closes is sent again over HTTP without harm. getDoc rides it since
 * opening an article with 500 highlights waited 19 ms for its answer in the network stack, 1.4 ms of it the host's.
 */
export const SOCKET_METHODS = ['search', 'findInDoc', 'getDoc'] as const satisfies readonly ApiMethod[];
export type SocketMethod = (typeof SOCKET_METHODS)[number];

/** A call's message is its method's argument: a query, never a file. Larger messages close the socket. */
export const SOCKET_MAX_MESSAGE_BYTES = 64 * 1024;

export const socketCall = v.object({
  id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  method: v.picklist(SOCKET_METHODS),
  arg: v.unknown(),
});
export type SocketCall = v.InferOutput<typeof socketCall>;

export interface SocketAnswer {
  id: number;
  result: Result<unknown>;
  /** How long the host took to answer, in ms (the HTTP lane's Server-Timing). */
  ms?: number;
}

export function isSocketMethod(method: string): method is SocketMethod {
  return (SOCKET_METHODS as readonly string[]).includes(method);
}

/** The call id a message names, when it names one (the host answers an unreadable call under it). */
export function callIdOf(message: unknown): number | null {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 1 ? id : null;
}

/**
 * An answer from the host: its id and Result, or null when the text is not an
 * answer at all (the page then stops using the socket). An answer whose
 * result has an unknown shape becomes an error Result, as over HTTP.
 */
export function readSocketAnswer(text: unknown): SocketAnswer | null {
  if (typeof text !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const id = callIdOf(parsed);
  if (id === null) return null;
  const result = (parsed as { result?: unknown }).result;
  if (!isResult(result)) return { id, result: err('internal', 'The archive host sent an answer of an unknown shape.') };
  const ms = (parsed as { ms?: unknown }).ms;
  return { id, result, ...(typeof ms === 'number' ? { ms } : {}) };
}
