/**
 * Hands the ApiClient (and the host's command channel) to the component tree,
 * and offers `useApiCall`, the one way views load data: it tracks loading,
 * the value, the error as data, and a retry.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../../src-main/shared/contract';
import type { AppError, Result } from '../../../src-main/shared/result';
import type { Bridge } from './bridge';

const BridgeContext = createContext<Bridge | null>(null);

export function BridgeProvider({ bridge, children }: { bridge: Bridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside BridgeProvider');
  return bridge;
}

export function useApi(): ApiClient {
  return useBridge().client;
}

/** The API where there is one (a Link rendered outside the app, as in a component test, has none). */
export function useApiIfAny(): ApiClient | null {
  return useContext(BridgeContext)?.client ?? null;
}

export type CallState<T> =
  | { status: 'loading'; value?: T; error?: undefined }
  | { status: 'ready'; value: T; error?: undefined }
  | { status: 'error'; value?: T; error: AppError };

/** Answers of `remember`ed calls by key, newest last, at most MAX_REMEMBERED. */
const remembered = new Map<string, unknown>();
const MAX_REMEMBERED = 32;

function remember(key: string, value: unknown): void {
  remembered.delete(key);
  remembered.set(key, value);
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
}

/**
 * Runs `call` whenever `key` changes (a string that names the request) and
 * ignores answers to requests that are no longer current. While a new
 * request runs, the previous value stays available so views do not flash.
 *
 * With `remember`, the last answer to the same key is the value from the
 * first render while the call runs again: a view that comes back (the
 * library after the reader) lays out as it was instead of growing under the
 * pointer when the answer arrives. The key must name everything the answer
 * depends on (the archive too).
 */
export function useApiCall<T>(
  key: string | null,
  call: (api: ApiClient) => Promise<Result<T>>,
  options: { remember?: boolean } = {},
): CallState<T> & { retry: () => void } {
  const api = useApi();
  const keep = options.remember === true;
  const known = () => (keep && key !== null ? (remembered.get(key) as T | undefined) : undefined);
  const [state, setState] = useState<CallState<T>>(() => {
    const value = known();
    return value === undefined ? { status: 'loading' } : { status: 'loading', value };
  });
  const [attempt, setAttempt] = useState(0);
  const callRef = useRef(call);
  callRef.current = call;

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ status: 'loading', value: known() ?? s.value }));
    callRef.current(api).then(
      (res) => {
        if (!live) return;
        if (res.ok && keep) remember(key, res.value);
        setState((s) => (res.ok ? { status: 'ready', value: res.value } : { status: 'error', error: res.error, value: s.value }));
      },
      (e: unknown) => {
        if (!live) return;
        setState({ status: 'error', error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } });
      },
    );
    return () => {
      live = false;
    };
  }, [api, key, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, retry };
}
