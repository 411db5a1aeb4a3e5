/**
 * The host's first `appInfo` answer, asked for by main.tsx as the page starts,
 * before React and the views have loaded. The archive status provider takes
 * it instead of asking again; when it has already arrived by the first render,
 * that render shows the archive as it is (no "Opening the archive…" frame in
 * between), which is most of the time: the app's chunk compiles meanwhile.
 */
import type { ApiClient, AppInfo } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/result';

interface Ahead {
  answer: Promise<Result<AppInfo>>;
  /** The answer once it has arrived. */
  settled: Result<AppInfo> | null;
}

let ahead: Ahead | null = null;

/** Asks for `appInfo`; answers a promise that resolves once the answer has arrived (main.tsx waits for it, briefly). */
export function readAppInfoAhead(client: ApiClient): Promise<void> {
  const answer = client.appInfo().catch((e: unknown) => ({ ok: false as const, error: { code: 'io' as const, message: String(e) } }));
  const a: Ahead = { answer, settled: null };
  ahead = a;
  return answer.then((r) => void (a.settled = r));
}

/** The answer if it has already arrived (not taken: the first render may run twice in development). */
export function appInfoArrived(): Result<AppInfo> | null {
  return ahead?.settled ?? null;
}

/** The answer asked for at start, once; null when there is none (later asks go to the host). */
export function takeAppInfoAhead(): Promise<Result<AppInfo>> | null {
  const a = ahead;
  ahead = null;
  return a?.answer ?? null;
}
