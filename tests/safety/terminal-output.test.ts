/**
 * Terminal output: titles and text carrying escape sequences (a window-title
 * change, colours, a cursor move, an OSC 52 clipboard write) and bidi
 * overrides are printed by `list`, `show` and `search` without them, while
 * --json keeps the exact text; file names with escapes in `ingest`'s report
 * are cleaned too. Size limits and binary files are reported as what they are
 * (legacy encodings are decoded by the folder reader, walk-folder.ts).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { removeDir, tempDir } from '../../src-main/archive/test/helpers';
import { forTerminal } from '../../src-main/cli/terminal-text';

const CLI = join(import.meta.dirname, '..', '..', 'src-main', 'cli', 'main.ts');
async function cli(...args: string[]) {
  try {
    const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8' });
    return { code: 0, ...r };
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
}

const HOSTILE_TITLE = 'Harbour \u001b]0;pwned\u0007reopens \u001b[31mred\u001b[0m \u001b]52;c;ZWNobyBoaQ==\u0007after \u202erepairs\u001b[2J';
const BODY = 'The harbour reopened after repairs lasting two winters. Ferries resume their crossings next week, the port authority said.';

let dir: string;
let archive: string;
let ingestRun: { code: number; stdout: string; stderr: string };
beforeAll(async () => {
  dir = await tempDir('terminal-');
  const src = join(dir, 'src');
  await mkdir(src);
  await writeFile(join(src, '01-harbour.txt'), `${HOSTILE_TITLE}\n\n${`${BODY}\n\n`.repeat(20)}`);
  await writeFile(join(src, '03-\u001b[31mred-name.txt'), Buffer.from([0x41, 0, 0x42]));
  execFileSync('truncate', ['-s', '300M', join(src, '04-huge.txt')]);
  archive = join(dir, 'archive');
  ingestRun = await cli('ingest', src, '--out', archive);
}, 60_000);
afterAll(() => removeDir(dir));

const noControls = (s: string) => expect(s).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);

test('ingest reports size limits and binary files as what they are, with file names cleaned', () => {
  expect(ingestRun.code).toBe(3);
  expect(ingestRun.stderr).toMatch(/skipped 04-huge\.txt: too large \(300\.0 MB; the limit is [\d.]+ MB\)/);
  expect(ingestRun.stderr).toContain('skipped 03-red-name.txt: binary file (contains NUL bytes)');
  noControls(ingestRun.stderr);
});

test.each([['list'], ['search', 'harbour'], ['show', '?']])('%s in text mode prints no escape sequence or control character', async (...args) => {
  if (args[0] === 'show') args[1] = JSON.parse((await cli('list', '--json', '--archive', archive)).stdout)[0].id;
  const r = await cli(...args, '--archive', archive);
  expect(r.code).toBe(0);
  noControls(r.stdout);
  expect(r.stdout).toMatch(/Harbour\s+reopens\s+red\s+after\s+repairs/);
});

test('--json keeps the exact title', async () => {
  const items = JSON.parse((await cli('list', '--json', '--archive', archive)).stdout) as { title: string }[];
  expect(items[0].title).toContain('\u001b[31m');
});

test('forTerminal removes CSI, OSC, DCS, C1 and bidi controls, keeps text', () => {
  expect(forTerminal('a\u001b[1;31mb\u001b]8;;http://x\u001b\\c\u001bP+q\u001b\\d\u009b2Je\u202ef\tg\nh')).toBe('abcdef g h');
  expect(forTerminal('line1\nline2', { oneLine: false })).toBe('line1\nline2');
});
