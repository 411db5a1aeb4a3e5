/**
 * How the browser bench talks to the page: calls into the probe's
 * `window.__bench` by name, reads expressions, and waits for conditions, with
 * string expressions evaluated through the DevTools protocol (the bench's
 * TypeScript has no DOM types, and the app's CSP forbids eval in the page).
 * Plus the rounding of the browser figures.
 */
import type { Page } from 'playwright-core';
import { median, percentile, round } from './stats';

// The page-side API (browser-probe.ts), called by name: the bench's TypeScript has no DOM types.
export function call<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(({ method, args }) => {
    const b = (globalThis as unknown as { __bench: Record<string, (...a: unknown[]) => unknown> }).__bench;
    return b[method](...args);
  }, { method, args }) as Promise<T>;
}
export function read<T>(page: Page, expr: string): Promise<T> {
  return page.evaluate(`(() => { const B = window.__bench; return ${expr}; })()`) as Promise<T>;
}
/**
 * Polls a page-side condition every 50 ms. Not page.waitForFunction: it
 * evaluates its predicate with eval() inside the page, which the app's CSP
 * (rightly) refuses; Runtime.evaluate is not subject to it.
 */
export async function until(page: Page, expr: string, timeout = 120_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const ok = await page.evaluate(`(() => { const B = window.__bench; return B ? !!(${expr}) : 'no probe'; })()`).catch(() => false);
    if (ok === true) return;
    if (ok === 'no probe' && Date.now() - started > 10_000) throw new Error('the page has no window.__bench: the probe script (browser-probe.ts) did not run');
    if (Date.now() - started > timeout) throw new Error(`timed out after ${timeout} ms waiting for: ${expr.slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits for one of the probe's conditions inside the page (browser-probe.ts `waitFor`): one call, answered when the
 * figure is in, so nothing is sent into the page while it is being timed (as until's polls were). `waitInPage`
 * returns the wait: start it before the action it times, and await it after.
 */
export async function waitInPage(page: Page, name: 'key' | 'watches', args: string[] = [], timeout = 120_000): Promise<void> {
  const ok = await call<boolean>(page, 'waitFor', name, args, timeout);
  if (!ok) throw new Error(`timed out after ${timeout} ms waiting in the page for ${name}(${args.join(', ')})`);
}

export const r1 = (v: number | null) => round(v, 1);
export const stat = (v: number[]) => ({ p50: r1(median(v)), p95: r1(percentile(v, 95)), max: v.length ? r1(Math.max(...v)) : null });

/** An API call's times in the page's Resource Timing, and the host's Server-Timing entries (browser-probe.ts resourceFor). */
export interface ResourceTimes {
  start: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
  server: Record<string, number>;
}

/** The host's own time for a call: the sum of its Server-Timing entries (server.ts sendJson). */
export function serverMs(t: ResourceTimes | null): number | null {
  const v = t ? Object.values(t.server) : [];
  return v.length ? v.reduce((a, b) => a + b, 0) : null;
}
