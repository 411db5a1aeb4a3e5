/**
 * `npm start` runs this before launching Electron.
 *
 * npm 11 skips dependencies' install scripts unless package.json approves
 * them, so `npm install` may leave the electron package without its binary.
 * Rather than approve a script that fails `npm install` wherever Electron's
 * download host is unreachable, we fetch the binary here, on first start, with
 * the electron package's own installer. Where that download cannot work, say
 * so plainly and point at the browser host, which runs the same UI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary(pkgDir: string): string | null {
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const pkgDir = dirname(require.resolve('electron/package.json'));
if (!electronBinary(pkgDir)) {
  console.error('start: the Electron binary is not installed yet; downloading it once (electron/install.js)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const run = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'inherit', env });
  if (run.status !== 0 || !electronBinary(pkgDir)) {
    console.error(
      '\nstart: could not download the Electron binary (no network to its download host?).\n' +
        'The same app runs in a browser: `npm run web` and open the printed http://127.0.0.1 URL.',
    );
    process.exit(1);
  }
}
