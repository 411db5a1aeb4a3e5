/**
 * The contract over HTTP: each method is a POST of its JSON argument to
 * `/api/<method>` on the page's own origin, answered with a Result as JSON.
 *
 * This is how the renderer talks to the archive when it runs in a plain
 * browser (the web host, end-to-end tests). Transport trouble (host gone, a
 * non-JSON answer, a proxy error page) becomes a Result error a person can
 * read, never a thrown exception: the UI handles one failure shape only.
 */
import { clientFrom, httpPath, type ApiClient, type ApiMethod } from './contract';
import { isResult, type Result } from './result';

export type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

/** Sends one call and resolves with its Result: what clientFrom turns into an ApiClient. */
export type ApiSend = (method: ApiMethod, arg: unknown) => Promise<Result<unknown>>;

/** `base` is the origin (or origin + path prefix) the host serves the API on; '' means this page's origin. */
export function createHttpClient(base: string, fetchImpl: FetchLike): ApiClient {
  return clientFrom(httpSend(base, fetchImpl));
}

/** One call as a POST (createHttpClient's transport; the page's socket lane falls back to it). */
export function httpSend(base: string, fetchImpl: FetchLike): ApiSend {
  return async (method, arg) => {
    let status = 0;
    let body: string;
    try {
      const res = await fetchImpl(base + httpPath(method), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(arg ?? null),
      });
      status = res.status;
      body = await res.text();
    } catch (e) {
      return {
        ok: false,
        error: { code: 'io', message: `Cannot reach the archive host (${e instanceof Error ? e.message : String(e)}).` },
      };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return {
        ok: false,
        error: { code: 'io', message: `The archive host sent an unreadable answer (HTTP ${status}).` },
      };
    }
    if (!isResult(parsed)) {
      return {
        ok: false,
        error: { code: 'internal', message: `The archive host sent an answer of an unknown shape (HTTP ${status}).` },
      };
    }
    return parsed;
  };
}
