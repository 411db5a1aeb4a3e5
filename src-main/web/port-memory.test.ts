/**
 * One stable port per data folder: the browser keeps notes per origin, so a
 * host that moved port would show an empty notebook. Real sockets, real files.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { dataDirForArchive } from './launch';
import { choosePort, rememberedPort, rememberPort, releaseLock, runningHost, writeLock } from './port-memory';
import { tempDirsForFile } from '../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();

const blockers: Server[] = [];
afterEach(async () => {
  await Promise.all(blockers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function occupy(port: number): Promise<number> {
  const s = createServer();
  blockers.push(s);
  return new Promise((r) => s.listen(port, '127.0.0.1', () => r((s.address() as { port: number }).port)));
}

const tmp = () => tempDir('port-memory-');

describe('choosing the port', () => {
  test('a new data folder gets a free port and keeps it', async () => {
    const dir = tmp();
    const first = await choosePort(dir, undefined);
    expect(first).toMatchObject({ kind: 'port', remembered: true });
    const port = (first as { port: number }).port;
    expect(rememberedPort(dir)).toBe(port);
    expect(await choosePort(dir, undefined)).toMatchObject({ kind: 'port', port });
  });

  test('a taken remembered port is refused with a message that names it, never moved', async () => {
    const dir = tmp();
    const port = await occupy(0);
    rememberPort(dir, port);
    const choice = await choosePort(dir, undefined);
    expect(choice.kind).toBe('taken');
    expect((choice as { message: string }).message).toContain(`Port ${port}`);
    expect((choice as { message: string }).message).toMatch(/will not start on another port/);
    expect(rememberedPort(dir)).toBe(port);
  });

  test('--port 0 is any free port and is never remembered', async () => {
    const dir = tmp();
    expect(await choosePort(dir, 0)).toMatchObject({ kind: 'port', port: 0, remembered: false });
    expect(rememberedPort(dir)).toBeNull();
  });

  test('an explicit --port that differs from the remembered one warns where the notes are', async () => {
    const dir = tmp();
    rememberPort(dir, 5190);
    const choice = await choosePort(dir, 5191);
    expect(choice).toMatchObject({ kind: 'port', port: 5191, remembered: false });
    expect((choice as { note?: string }).note).toContain('http://127.0.0.1:5190/');
    expect(rememberedPort(dir)).toBe(5190);
  });

  test('a damaged memory file is treated as absent', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'web-host.json'), '{"port": "eighty"');
    expect(rememberedPort(dir)).toBeNull();
  });
});

describe('the running-host lock', () => {
  test('names a live host, ignores a dead one and our own', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'web-host.lock'), JSON.stringify({ pid: process.ppid, url: 'http://127.0.0.1:5180/' }));
    expect(runningHost(dir)).toEqual({ pid: process.ppid, url: 'http://127.0.0.1:5180/' });
    writeFileSync(join(dir, 'web-host.lock'), JSON.stringify({ pid: 2 ** 22 + 1, url: 'http://127.0.0.1:5180/' }));
    expect(runningHost(dir)).toBeNull();
    writeLock(dir, 'http://127.0.0.1:5181/');
    expect(runningHost(dir)).toBeNull();
    releaseLock(dir);
  });
});

test('two archives get two data folders (and so two ports and two notes databases)', () => {
  const base = tmp();
  const a = dataDirForArchive('/archives/one', base);
  const b = dataDirForArchive('/other/one', base);
  expect(a).not.toBe(b);
  expect(dataDirForArchive(undefined, base)).toBe(base);
  expect(dataDirForArchive('/archives/one', base)).toBe(a);
});
