/**
 * Electron's binary: is it installed, and fetch it once if not.
 *
 * The electron npm package does not contain the binary; its postinstall
 * script downloads it from outside the registry. This project's .npmrc turns
 * dependencies' install scripts off, because where that host is unreachable
 * the failing script makes npm roll back the whole install. So the first
 * `npm start` fetches it here instead, with the package's own downloader
 * (@electron/get, checksums from the package), printing progress. Once it is
 * installed it is never fetched again.
 *
 * Extraction goes to a temporary folder renamed into place, and path.txt (the
 * file electron's own index.js reads) is written last, so an interrupted
 * download or unzip is never taken for an installed binary.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const requireHere = createRequire(import.meta.url);

export type ElectronStatus = { ok: true; binary: string } | { ok: false; reason: string };

function platformPath(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

export function electronPackageDir(): string | null {
  try {
    return dirname(requireHere.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The installed binary, when dist/ holds the package's own version and path.txt points at it. */
export function installedBinary(pkgDir: string): string | null {
  try {
    const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
    if (readFileSync(join(pkgDir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '') !== version) return null;
    if (readFileSync(join(pkgDir, 'path.txt'), 'utf8').trim() !== platformPath()) return null;
  } catch {
    return null;
  }
  const bin = join(pkgDir, 'dist', platformPath());
  return existsSync(bin) ? bin : null;
}

/** A few words for why a download failed, for the one sentence `npm start` prints. */
export function describeDownloadError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH'].includes(code)) {
    return 'its download host cannot be reached from this machine';
  }
  const message = e instanceof Error ? e.message : String(e);
  if (/timed? ?out/i.test(message)) return 'its download host did not answer in time';
  if (/checksum/i.test(message)) return 'the downloaded file did not match its checksum';
  return message.split('\n')[0].slice(0, 160);
}

interface ElectronGet {
  downloadArtifact(options: Record<string, unknown>): Promise<string>;
}

/** Downloads and unpacks the binary into the electron package; progress goes to `progress`. */
export async function fetchElectron(pkgDir: string, progress: (line: string) => void): Promise<ElectronStatus> {
  const pkgRequire = createRequire(join(pkgDir, 'package.json'));
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  let zipPath: string;
  try {
    // @electron/get draws its own bar after 30 s unless told not to; ours below is enough.
    process.env.ELECTRON_GET_NO_PROGRESS = '1';
    const get = pkgRequire('@electron/get') as ElectronGet;
    let shown = -1;
    zipPath = await get.downloadArtifact({
      version,
      artifactName: 'electron',
      platform: process.platform,
      arch: process.arch,
      // The same cache electron's own installer uses, so a binary fetched once is never fetched again.
      cacheRoot: process.env.electron_config_cache,
      checksums: pkgRequire('./checksums.json') as Record<string, string>,
      downloadOptions: {
        quiet: true,
        timeout: { lookup: 5_000, connect: 10_000, socket: 30_000 },
        retry: { limit: 1 },
        getProgressCallback: (p: { percent: number; transferred: number; total?: number }) => {
          const pct = Math.floor(p.percent * 100);
          if (pct >= shown + 10 || (pct === 100 && shown !== 100)) {
            shown = pct;
            const mb = (n: number) => (n / 1_048_576).toFixed(0);
            progress(`  Electron ${version}: ${pct}%${p.total ? ` of ${mb(p.total)} MB` : ''}`);
          }
          return Promise.resolve();
        },
      },
    });
  } catch (e) {
    return { ok: false, reason: describeDownloadError(e) };
  }
  const dist = join(pkgDir, 'dist');
  const staging = join(pkgDir, `dist-${process.pid}.partial`);
  try {
    const extract = pkgRequire('extract-zip') as (zip: string, opts: { dir: string }) => Promise<void>;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    await extract(zipPath, { dir: resolve(staging) });
    rmSync(join(pkgDir, 'path.txt'), { force: true });
    rmSync(dist, { recursive: true, force: true }); // only ever made by electron's installer or by us
    renameSync(staging, dist);
    writeFileSync(join(pkgDir, 'path.txt'), platformPath());
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    return { ok: false, reason: `its archive could not be unpacked (${describeDownloadError(e)})` };
  }
  const bin = installedBinary(pkgDir);
  return bin ? { ok: true, binary: bin } : { ok: false, reason: 'the unpacked files are incomplete' };
}

/** The binary, fetched first when missing. */
export async function ensureElectron(progress: (line: string) => void): Promise<ElectronStatus> {
  const pkgDir = electronPackageDir();
  if (!pkgDir) return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  const bin = installedBinary(pkgDir);
  if (bin) return { ok: true, binary: bin };
  progress('Fetching Electron once for this checkout (about 100 MB)…');
  return fetchElectron(pkgDir, progress);
}
