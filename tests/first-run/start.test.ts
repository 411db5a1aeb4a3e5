/**
 * `npm start` where Electron's binary cannot be had (this machine, CI): one
 * sentence saying why, the URL on a line of its own, the page answering, no
 * stack trace, and exit code 0 on Ctrl+C. The download is pointed at a closed
 * local port and an empty cache so the test never fetches anything, even on
 * a machine with internet. Where the binary is installed, the browser path is
 * checked through --web instead (the Electron path is tests/electron's).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { electronPackageDir, installedBinary } from '../../scripts/electron-binary';

const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function startApp(args: string[]) {
  const pkg = electronPackageDir();
  const haveBinary = pkg !== null && installedBinary(pkg) !== null;
  const child = spawn(tsx, ['scripts/start.ts', '--no-open', ...(haveBinary ? ['--web'] : []), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: mkdtempSync(join(tmpdir(), 'electron-cache-')) },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = new Promise<string>((resolveUrl, reject) => {
    const timer = setInterval(() => {
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
      if (m) {
        clearInterval(timer);
        resolveUrl(m[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`start exited (${code}) before serving:\n${out}`));
    });
  });
  return { child, url, exited, output: () => out, haveBinary };
}

test('without Electron, npm start serves the UI on 127.0.0.1, says why once, and stops cleanly on Ctrl+C', async () => {
  const data = mkdtempSync(join(tmpdir(), 'start-data-'));
  const app = startApp(['--data', data]);
  const url = await app.url;
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  if (!app.haveBinary) {
    expect(app.output()).toMatch(/^Electron's binary could not be downloaded \(.+\), so Archive Reader opens in your browser instead\.$/m);
  }
  app.child.kill('SIGINT');
  expect(await app.exited).toBe(0);
  expect(app.output()).not.toMatch(/^\s+at /m); // no stack trace anywhere on this path

  // The next start of the same data folder is on the same address (the notes' origin).
  const again = startApp(['--data', data]);
  expect(await again.url).toBe(url);
  again.child.kill('SIGINT');
  expect(await again.exited).toBe(0);
});
