/**
 * A real Chromium as a child process the test owns, with a persistent profile
 * (--user-data-dir), driven over CDP by playwright-core, and killable the hard
 * way: SIGKILL to its whole process group (browser, renderer, storage and GPU
 * processes alike), as a crash or a power cut of the app would end it. It is
 * started in its own process group (detached) so the kill reaches nothing else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';

export interface OwnedChromium {
  child: ChildProcess;
  browser: Browser;
  context: BrowserContext;
  /** SIGKILL the whole process group and wait until every process of this profile is gone. */
  kill(): Promise<void>;
  /** A normal shutdown. */
  close(): Promise<void>;
}

/** Processes whose command line names this profile (to be sure none outlived a kill). */
function profileProcesses(profile: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(profile)) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function waitGone(profile: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (profileProcesses(profile).length === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Chromium processes of ${profile} still alive after ${ms} ms: ${profileProcesses(profile).join(', ')}`);
}

/** Browsers started here and not yet ended: a failing test ends them in afterAll (stopAllChromium). */
const live = new Set<OwnedChromium>();

/** Kill every Chromium this module started that is still running (each by its own process group). */
export async function stopAllChromium(): Promise<void> {
  await Promise.all([...live].map((c) => c.kill()));
}

export async function startChromium(profile: string): Promise<OwnedChromium> {
  const exe = chromiumPath();
  if (!exe) throw new Error('no Chromium found: set CHROMIUM_PATH or install Debian\'s "chromium"');
  const child = spawn(exe, [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ws = await new Promise<string>((resolveWs, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start in 30 s: ${err.slice(-2000)}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolveWs(m[1]);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited at start (${code ?? signal}): ${err.slice(-2000)}`));
    });
  });
  // Keep draining stderr so Chromium never blocks on a full pipe.
  child.stderr!.resume();
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0];
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const owned: OwnedChromium = {
    child,
    browser,
    context,
    async kill() {
      live.delete(owned);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
      await waitGone(profile);
      await browser.close().catch(() => undefined);
    },
    async close() {
      live.delete(owned);
      // connectOverCDP's close only disconnects: ask the browser itself to quit, as a person closing it would.
      const session = await browser.newBrowserCDPSession();
      await session.send('Browser.close').catch(() => undefined);
      await exited;
      await browser.close().catch(() => undefined);
      await waitGone(profile);
    },
  };
  live.add(owned);
  return owned;
}
