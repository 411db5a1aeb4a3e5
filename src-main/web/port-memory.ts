/**
 * One stable port per data folder.
 *
 * In a browser, the notes live in IndexedDB, which belongs to the page's
 * origin: scheme, host and port. A host that moved to another port would open
 * an empty notes database and the person's notes would seem gone. So the first
 * start of a data folder picks a port and writes it to `<data>/web-host.json`;
 * every later start uses that port, and when it is taken the start is refused
 * with a message rather than moved elsewhere.
 *
 * `<data>/web-host.lock` records the running host (pid and URL) so a second
 * start for the same folder can send the person to the running one instead of
 * reporting a stranger on the port.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The first port tried for a data folder that has none yet; the next free one up to PORT_RANGE_END is taken. */
export const FIRST_PORT = 5174;
export const PORT_RANGE_END = 5199;
const MEMORY_FILE = 'web-host.json';
const LOCK_FILE = 'web-host.lock';

export interface PortMemory {
  port: number;
}

export interface HostLock {
  pid: number;
  url: string;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null; // missing or damaged: treated as absent, and rewritten on the next write
  }
}

function isPort(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 65535;
}

/** The port remembered for this data folder, or null when it has none (or its file is damaged). */
export function rememberedPort(dataDir: string): number | null {
  const v = readJson(join(dataDir, MEMORY_FILE)) as Partial<PortMemory> | null;
  return v && isPort(v.port) ? v.port : null;
}

/** Written through a temporary file and a rename, so a crash never leaves half a file. */
function writeJsonAtomically(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value)}\n`);
  renameSync(tmp, file);
}

export function rememberPort(dataDir: string, port: number): void {
  mkdirSync(dataDir, { recursive: true });
  writeJsonAtomically(join(dataDir, MEMORY_FILE), { port } satisfies PortMemory);
}

/** Can we listen on 127.0.0.1:port right now? */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(false));
    probe.listen(port, host, () => probe.close(() => resolvePort(true)));
  });
}

export type PortChoice =
  | { kind: 'port'; port: number; remembered: boolean; note?: string }
  | { kind: 'taken'; port: number; message: string };

/**
 * Decides the port for a start. `requested` is the --port option: 0 means any
 * free port (tests; not remembered), a number means that port, undefined means
 * "the folder's own port".
 */
export async function choosePort(dataDir: string, requested: number | undefined): Promise<PortChoice> {
  const remembered = rememberedPort(dataDir);
  if (requested === 0) return { kind: 'port', port: 0, remembered: false };
  if (requested !== undefined) {
    const note =
      remembered !== null && remembered !== requested
        ? `Notes kept in this browser for http://127.0.0.1:${remembered}/ are not visible at port ${requested}; start without --port to use them.`
        : undefined;
    if (remembered === null) rememberPort(dataDir, requested);
    return { kind: 'port', port: requested, remembered: remembered === null || remembered === requested, note };
  }
  if (remembered !== null) {
    if (await portIsFree(remembered)) return { kind: 'port', port: remembered, remembered: true };
    return {
      kind: 'taken',
      port: remembered,
      message:
        `Port ${remembered} on 127.0.0.1 is in use by another program. Your notes belong to http://127.0.0.1:${remembered}/ ` +
        `in this browser, so Archive Reader will not start on another port. Close the program using port ${remembered} ` +
        `(\`lsof -i :${remembered}\` or \`ss -ltnp\` shows which) and start again.`,
    };
  }
  for (let port = FIRST_PORT; port <= PORT_RANGE_END; port++) {
    if (await portIsFree(port)) {
      rememberPort(dataDir, port);
      return { kind: 'port', port, remembered: true };
    }
  }
  return {
    kind: 'taken',
    port: FIRST_PORT,
    message: `Ports ${FIRST_PORT} to ${PORT_RANGE_END} on 127.0.0.1 are all in use. Free one, or choose another with --port <n>.`,
  };
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running host for this data folder, if its lock names a live process. */
export function runningHost(dataDir: string): HostLock | null {
  const v = readJson(join(dataDir, LOCK_FILE)) as Partial<HostLock> | null;
  if (!v || typeof v.pid !== 'number' || typeof v.url !== 'string') return null;
  if (v.pid === process.pid || !pidIsAlive(v.pid)) return null;
  return { pid: v.pid, url: v.url };
}

export function writeLock(dataDir: string, url: string): void {
  mkdirSync(dataDir, { recursive: true });
  writeJsonAtomically(join(dataDir, LOCK_FILE), { pid: process.pid, url } satisfies HostLock);
}

/** Removes the lock only if it is ours (a second host may have replaced it). */
export function releaseLock(dataDir: string): void {
  const v = readJson(join(dataDir, LOCK_FILE)) as Partial<HostLock> | null;
  if (v && v.pid === process.pid) rmSync(join(dataDir, LOCK_FILE), { force: true });
}
