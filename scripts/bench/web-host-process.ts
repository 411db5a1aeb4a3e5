/**
 * The web host in a process of its own, as a person runs it (`src-main/web/main.ts`
 * through tsx), for the benches that time it over real HTTP from outside.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths';

export interface HostProcess {
  /** The address the host printed, e.g. http://127.0.0.1:PORT/ */
  url: string;
  stop: () => void;
  /** performance.now() when the process was started. */
  started: number;
}

/** `renderer`: the built renderer to serve (the host's default, out/renderer, when not given). */
export async function startHostProcess(archive: string, data: string, renderer?: string): Promise<HostProcess> {
  const started = performance.now();
  const args = ['--import', 'tsx', join(repoRoot(), 'src-main', 'web', 'main.ts'), '--port', '0', '--archive', archive, '--data', data, ...(renderer ? ['--renderer', renderer] : [])];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out); // the web host prints its URL on a line of its own
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`web host exited (${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM'), started };
}
