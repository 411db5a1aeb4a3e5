/**
 * The notes live in the browser's IndexedDB, which belongs to the page's
 * origin (host and port). This drives `npm run web` as a person would, with
 * a real browser profile kept on disk: a note made, the host stopped and
 * started again, a start refused because another program took the port (no
 * silent move to an empty notes database), and the note still there once the
 * port is free again.
 */
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { expect, test } from 'vitest';
import { startApp } from '../support/app-process';
import { chromiumLaunchOptions } from '../support/chromium';
import { articleHash, articles, highlight, passage, waitForPainted } from './notes-support';
import { tempDirsForFile } from '../support/temp-dirs';

const tempDir = tempDirsForFile();

const startHost = (dataDir: string) => startApp('src-main/web/main.ts', ['--data', dataDir]);

test('notes are still there after stopping and starting again, including after a start that found the port taken', async () => {
  const dataDir = tempDir('stable-origin-data-');
  const profile = tempDir('stable-origin-profile-');
  const doc = (await articles())[0]!;
  const phrase = passage(doc, 1);
  const openBrowser = () =>
    chromium.launchPersistentContext(profile, { headless: true, ...chromiumLaunchOptions(), viewport: { width: 1280, height: 820 } });

  // 1. First start: a note is made.
  const first = startHost(dataDir);
  const url = await first.url;
  expect(url, first.output()).not.toBeNull();
  let context = await openBrowser();
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url! + articleHash(doc.id));
  await page.locator(`[data-paragraph="${phrase.paragraph}"]`).waitFor();
  const id = await highlight(page, phrase, { note: 'kept across restarts' });
  await context.close();
  expect(await first.stop()).toBe(0);

  // 2. Another program takes the port: the start is refused, plainly, and nothing moves.
  const port = Number(new URL(url!).port);
  const squatter = createServer();
  await new Promise<void>((r) => squatter.listen(port, '127.0.0.1', () => r()));
  const refused = startHost(dataDir);
  expect(await refused.url).toBeNull();
  expect(await refused.exited).toBe(1);
  expect(refused.output()).toContain(`Port ${port} on 127.0.0.1 is in use by another program`);
  expect(refused.output()).not.toMatch(/^\s+at /m);
  await new Promise((r) => squatter.close(r));

  // 3. Port free again: same address, and the note is there.
  const again = startHost(dataDir);
  expect(await again.url).toBe(url);
  context = await openBrowser();
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url! + articleHash(doc.id));
  await waitForPainted(page, id, 15_000);
  await context.close();
  expect(await again.stop()).toBe(0);
});
