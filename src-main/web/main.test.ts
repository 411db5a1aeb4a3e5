/**
 * `npm run web` as a person runs it: the command prints the URL it serves on
 * (with --port 0, the port it picked) and refuses bad options with a usage line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { tempDirsForFile } from '../../tests/support/temp-dirs';

const tempDir = tempDirsForFile();

const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const entry = join(root, 'src-main', 'web', 'main.ts');

test('--port 0 picks a free port, prints the URL, and the URL answers', async () => {
  const rendererDir = tempDir('renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Archive Reader</title>');
  const dataDir = tempDir('web-data-');
  const child = spawn(tsx, [entry, '--port', '0', '--renderer', rendererDir, '--data', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        // The URL stands on a line of its own, so a terminal makes it one clickable link.
        const m = /^(http:\/\/127\.0\.0\.1:(\d+)\/)$/m.exec(out);
        if (m) resolveUrl(m[1]);
      });
      child.once('exit', (codeNum) => reject(new Error(`web host exited (${codeNum}): ${out}`)));
    });
    expect(Number(new URL(url).port)).toBeGreaterThan(0);
    const page = await fetch(url);
    expect(await page.text()).toContain('<title>Archive Reader</title>');
    const info = (await (await fetch(new URL('/api/appInfo', url), { method: 'POST' })).json()) as { ok: boolean; value: { host: string } };
    expect(info).toMatchObject({ ok: true, value: { host: 'web' } });
  } finally {
    child.kill('SIGTERM');
  }
});

test('bad options exit with status 2 and a usage line', () => {
  for (const args of [['--port', 'eighty'], ['--port', '70000'], ['--colour', 'red'], ['--archive', '/no/such/folder']]) {
    const r = spawnSync(tsx, [entry, ...args], { cwd: root, encoding: 'utf8' });
    expect(r.status, args.join(' ')).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run web -- \[--port <n>\]/);
  }
});
