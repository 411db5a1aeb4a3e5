/**
 * Picks how the renderer reaches the archive: the preload bridge
 * (`window.archiveApi`) inside Electron, else HTTP to the page's own origin
 * (the web host). The rest of the UI only ever sees an ApiClient, so nothing
 * else knows or cares which host it runs in.
 */
import { API_METHODS, BRIDGE_GLOBAL, clientFrom, type ApiClient } from '../../../src-main/shared/contract';
import type { OnCommand } from '../../../src-main/shared/commands';
import { httpSend, type FetchLike } from '../../../src-main/shared/http-client';
import { withSocketLane, type SocketLike } from './api-socket';
import { wholeDocuments } from './doc-parts';

/** What the preload adds beside the contract methods: menu commands (Electron only). */
export interface BridgeExtras {
  onCommand?: OnCommand;
}

export type Bridge = { client: ApiClient; host: 'preload' | 'http' } & BridgeExtras;

/** True when `value` offers every contract method as a function. */
export function isPreloadBridge(value: unknown): value is ApiClient & BridgeExtras {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return API_METHODS.every((m) => typeof v[m] === 'function');
}

/**
 * `scope` is `window` in the app; tests pass a plain object. A half-present
 * bridge (some methods missing) is treated as absent rather than trusted,
 * because calling a missing method would fail far from the cause. Over HTTP,
 * `openSocket` (the web host's API socket, api-socket.ts) carries the calls
 * made on every keystroke, and the opening of an article.
 */
export function selectBridge(scope: Record<string, unknown>, fetchImpl: FetchLike, openSocket?: () => SocketLike): Bridge {
  const candidate = scope[BRIDGE_GLOBAL];
  if (isPreloadBridge(candidate)) {
    const onCommand = typeof candidate.onCommand === 'function' ? candidate.onCommand.bind(candidate) : undefined;
    return { client: wholeDocuments(candidate), host: 'preload', onCommand };
  }
  const http = httpSend('', fetchImpl);
  return { client: wholeDocuments(clientFrom(openSocket ? withSocketLane(http, openSocket) : http)), host: 'http' };
}
