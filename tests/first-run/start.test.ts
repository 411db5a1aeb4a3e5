/**
 * `npm start` where Electron's binary cannot be had (this machine, CI): one
 * sentence saying why, the URL on a line of its own, the page answering, no
 * stack trace, and exit code 0 on Ctrl+C. The download is pointed at a closed
 * local port and an empty cache so the test never fetches anything, even on
 * a machine with internet. Where the binary is installed, the browser path is
 * checked through --web instead (the Electron path is tests/electron's).
 */
import { expect, test } from 'vitest';
import { electronPackageDir, installedBinary } from '../../scripts/electron-binary';
import { startApp } from '../support/app-process';
import { tempDirsForFile } from '../support/temp-dirs';

const tempDir = tempDirsForFile();

const pkg = electronPackageDir();
const haveBinary = pkg !== null && installedBinary(pkg) !== null;

function npmStart(data: string) {
  return startApp('scripts/start.ts', ['--no-open', ...(haveBinary ? ['--web'] : []), '--data', data], {
    ...process.env,
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    electron_config_cache: tempDir('electron-cache-'),
  });
}

test('without Electron, npm start serves the UI on 127.0.0.1, says why once, and stops cleanly on Ctrl+C', async () => {
  const data = tempDir('start-data-');
  const app = npmStart(data);
  const url = await app.url;
  expect(url, app.output()).not.toBeNull();
  const page = await fetch(url!);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  if (!haveBinary) {
    expect(app.output()).toMatch(/^Electron's binary could not be downloaded \(.+\), so Archive Reader opens in your browser instead\.$/m);
  }
  expect(await app.stop()).toBe(0);
  expect(app.output()).not.toMatch(/^\s+at /m); // no stack trace anywhere on this path

  // The next start of the same data folder is on the same address (the notes' origin).
  const again = npmStart(data);
  expect(await again.url).toBe(url);
  expect(await again.stop()).toBe(0);
});
