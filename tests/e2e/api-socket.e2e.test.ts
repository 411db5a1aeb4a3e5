/**
 * The web host's API socket as the page uses it (src-renderer/src/platform/api-socket.ts):
 * the searches typed go as messages on one WebSocket rather than as requests,
 * and a socket that closes under a search costs no answer.
 */
import { describe, expect, test } from 'vitest';
import { hostApi, must } from './api';
import { fileBrowser, openPage, searchBox as box, searchResults as results } from './browser';

const chromium = fileBrowser();
const searchesIn = (frames: string[]) => frames.filter((f) => /"method":"search"/.test(f)).map((f) => (JSON.parse(f) as { arg: { query: string } }).arg.query);

describe('API socket', () => {
  test('the keys typed after the first search go on one socket, not as requests', async () => {
    const { page, context, errors } = await openPage(chromium.browser, '#/search');
    const requested: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/search') requested.push((JSON.parse(r.postData() ?? '{}') as { query: string }).query);
    });
    const sockets: string[] = [];
    const sent: string[] = [];
    page.on('websocket', (ws) => {
      sockets.push(new URL(ws.url()).pathname);
      ws.on('framesent', (f) => sent.push(String(f.payload)));
    });
    await box(page).click();
    await box(page).pressSequentially('bor', { delay: 15 });
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    // The first search opened the socket (and went as a request meanwhile).
    await expect.poll(() => sockets).toEqual(['/api/socket']);
    await page.waitForTimeout(300);
    const before = requested.length;
    await box(page).pressSequentially('der', { delay: 60 });
    await expect.poll(() => searchesIn(sent)).toContain('border');
    const expected = await must(hostApi().search({ query: 'border', limit: 6 }));
    await expect.poll(() => results(page).first().getByRole('link').textContent()).toBe(expected.hits[0]!.title);
    // Every search since the socket opened went on it, the fill-up after the pause too.
    await expect.poll(() => results(page).count(), { timeout: 10_000 }).toBe(Math.min(30, expected.total));
    expect(requested.slice(before)).toEqual([]);
    expect(searchesIn(sent)).toEqual(expect.arrayContaining(['bord', 'borde', 'border']));
    expect(sockets).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a socket that closes under a search: the search is asked again as a request and answered', async () => {
    const { page, context, errors } = await openPage(chromium.browser, '#/search');
    let calls = 0;
    // The socket opens, then closes as soon as the page sends a call on it, unanswered.
    await context.routeWebSocket(/\/api\/socket$/, (ws) => {
      ws.onMessage(() => {
        calls++;
        void ws.close({ code: 1011, reason: 'gone' });
      });
    });
    const requested: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/search') requested.push((JSON.parse(r.postData() ?? '{}') as { query: string }).query);
    });
    await box(page).click();
    await box(page).pressSequentially('minsk', { delay: 80 });
    const expected = await must(hostApi().search({ query: 'minsk', limit: 6 }));
    await expect.poll(() => results(page).first().getByRole('link').textContent(), { timeout: 10_000 }).toBe(expected.hits[0]!.title);
    expect(calls).toBeGreaterThan(0);
    expect(requested).toContain('minsk');
    expect(await page.getByText(/Cannot reach|failed/i).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
