/**
 * Who keeps a handle on the reader's tab. A page of another site that opens
 * the reader (a passage link, window.open) is cut off from it: it cannot
 * navigate the tab elsewhere later, nor watch it. The reader the person opens
 * themselves is not moved into a browsing context group of its own, which in
 * Chromium is a new renderer process at every start (static-files.ts,
 * documentOpenerHeaders).
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, fileBrowser, libraryRows } from './browser';

const chromium = fileBrowser();
let other: Server;
/** Another site: `localhost` is not the same site as `127.0.0.1`. */
let otherSite = '';

beforeAll(async () => {
  other = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Another site</title><p>Another site</p>');
  });
  await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
  otherSite = `http://localhost:${(other.address() as { port: number }).port}/`;
});
afterAll(async () => {
  await new Promise((done) => other?.close(done));
});

describe('the reader opened from another site', () => {
  test('opens and works, and the site that opened it keeps no handle to navigate it elsewhere', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 820 } });
    const page = await context.newPage();
    await page.goto(otherSite);
    const opened = context.waitForEvent('page');
    await page.evaluate(`window.reader = window.open(${JSON.stringify(`${baseUrl()}#/library`)}); true`);
    const reader = await opened;
    await libraryRows(reader).first().waitFor();
    // The handle the other site got back is cut from the tab: closed, as far as it can tell.
    await expect.poll(() => page.evaluate('window.reader.closed')).toBe(true);
    await page.evaluate(`try { window.reader.location.href = ${JSON.stringify(`${otherSite}phishing`)}; } catch (e) {} true`);
    await page.waitForTimeout(500);
    expect(reader.url()).toBe(`${baseUrl()}#/library`);
    await libraryRows(reader).first().waitFor();
    await context.close();
  });

  test('the reader a person opens comes without the opener policy, and works', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 820 } });
    const page = await context.newPage();
    const answer = await page.goto(`${baseUrl()}#/library`);
    expect(answer?.headers()['cross-origin-opener-policy']).toBeUndefined();
    await libraryRows(page).first().waitFor();
    await context.close();
  });
});
