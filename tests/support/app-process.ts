/**
 * Starts one of the app's commands (`npm start`'s script, `npm run web`'s
 * entry) as a child process, the way a person runs it, and reads what it
 * prints: the URL it serves on (a line of its own), everything else, and its
 * exit code.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface AppProcess {
  child: ReturnType<typeof spawn>;
  /** The URL line, or null if the process ended without printing one. */
  url: Promise<string | null>;
  exited: Promise<number | null>;
  output: () => string;
  /** Ctrl+C, then the exit code. */
  stop: () => Promise<number | null>;
}

export function startApp(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): AppProcess {
  const child = spawn(TSX, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = new Promise<string | null>((resolveUrl) => {
    const timer = setInterval(() => {
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
      if (m) {
        clearInterval(timer);
        resolveUrl(m[1]!);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      resolveUrl(/^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out)?.[1] ?? null);
    });
  });
  return {
    child,
    url,
    exited,
    output: () => out,
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}
