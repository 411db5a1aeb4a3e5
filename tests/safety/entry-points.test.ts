/**
 * Never destroy what the person has (issue 15): every entry point that
 * touches files, tried against a hostile home folder. Each row names the
 * entry point (a CLI command as a real process, an HTTP route of the real web
 * host, an IPC method's host ability), the hostile case, and the refusal
 * expected; after every row, every file, folder and link that existed before
 * is byte-for-byte the same (the whole tree is hashed before and after) and no
 * temporary file is left behind.
 *
 * The home folder: src/ (pages, a link inside, a link out to a secret, a FIFO,
 * an unreadable file), mine/ (a person's own folder), a plain file, a link to
 * mine/, an archive built by us, a backup and its hard link, an existing
 * export, a FIFO at the top. A full disk is simulated by injecting ENOSPC in
 * the one output module (archive/store/safe-output.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundledCorpusDir, ingestFolder } from '../../src-main/archive/index';
import { removeDir, tempDir } from '../../src-main/archive/test/helpers';
import { enospc, injectWriteFault } from '../../src-main/archive/store/safe-output';
import { runExportCommand } from '../../src-main/cli/export';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { createBackup } from '../../src-main/shared/notes/backup/backup-format';
import { encodeBatch } from '../../src-main/shared/upload-format';

vi.mock('electron', () => import('../../src-main/electron/test/fake-electron'));
const fake = await import('../../src-main/electron/test/fake-electron');
const { makeSaveFile } = await import('../../src-main/electron/host-abilities');

const CLI = join(import.meta.dirname, '..', '..', 'src-main', 'cli', 'main.ts');
const SECRET = 'root:x:0:0:the secret outside the chosen folder\n';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8' });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

/** Every entry under `root` (lstat, links not followed, FIFOs never opened): type, mode and content hash or link target. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string) => {
    for (const name of (await fs.readdir(dir)).sort()) {
      const p = join(dir, name);
      const st = await fs.lstat(p);
      const rel = p.slice(root.length + 1);
      if (st.isSymbolicLink()) out.set(rel, `link ${await fs.readlink(p)}`);
      else if (st.isDirectory()) {
        out.set(rel, `dir ${st.mode}`);
        await walk(p);
      } else if (st.isFile()) out.set(rel, `file ${st.mode} ${st.ino} ${createHash('sha256').update(await fs.readFile(p)).digest('hex')}`);
      else out.set(rel, `special ${st.mode}`);
    }
  };
  await walk(root);
  return out;
}

let root: string;
let home: string;
let H: (p?: string) => string;
let before: Map<string, string>;

beforeAll(async () => {
  root = await tempDir('entry-points-');
  home = join(root, 'home');
  H = (p = '') => (p ? join(home, p) : home);
  await fs.mkdir(H('src'), { recursive: true });
  await fs.cp(bundledCorpusDir(), H('src'), { recursive: true });
  await fs.mkdir(H('src/sub'));
  await fs.writeFile(H('secret.txt'), SECRET);
  await fs.symlink(H('secret.txt'), H('src/zz-link-out.txt'));
  await fs.symlink('/etc/passwd', H('src/zz-passwd.txt'));
  const first = (await fs.readdir(bundledCorpusDir())).filter((n) => n.endsWith('.txt')).sort()[0];
  await fs.symlink(H(`src/${first}`), H('src/zz-link-in.txt'));
  execFileSync('mkfifo', [H('src/zz-fifo.txt'), H('fifo')]);
  await fs.writeFile(H('src/zz-unreadable.txt'), 'Unreadable page\n\nNobody may read this page.\n');
  await fs.chmod(H('src/zz-unreadable.txt'), 0o000);
  await fs.mkdir(H('mine'));
  await fs.writeFile(H('mine/thesis.md'), '# My thesis\n\nYears of work.\n');
  await fs.writeFile(H('plain.txt'), 'a plain file\n');
  await fs.symlink(H('mine'), H('link-to-mine'));
  await ingestFolder(H('src'), H('archive'));
  await fs.writeFile(H('backup.json'), createBackup({ annotations: [], docState: [], tags: [], settings: [] }, { appVersion: '0.1.0' }));
  await fs.link(H('backup.json'), H('backup-hardlink.json'));
  await fs.writeFile(H('export.md'), '# an export the person keeps\n');
  await fs.mkdir(H('data/backups'), { recursive: true });
  await fs.writeFile(H('data-file'), 'not a folder\n');
  await fs.symlink(H('secret.txt'), H('data/backups/archive-reader-backup-manual-2026-01-01T00-00-00-000Z.json'));
  before = await snapshot(home);
}, 120_000);

afterEach(async () => {
  injectWriteFault(null);
  // Everything that existed is unchanged, and nothing new (no temporary file) is left in home.
  const after = await snapshot(home);
  const changed = [...before].filter(([p, h]) => after.get(p) !== h).map(([p]) => p);
  const added = [...after.keys()].filter((p) => !before.has(p));
  expect({ changed, added }).toEqual({ changed: [], added: [] });
});
afterAll(() => removeDir(root));

interface Outcome {
  ok: boolean;
  message: string;
}
const fromCli = (r: { code: number; out: string; err: string }): Outcome => ({ ok: r.code === 0, message: r.err + r.out });

const CLI_CASES: { entry: string; hostile: string; run: () => Promise<Outcome>; refusal: RegExp }[] = [
  { entry: 'cli ingest', hostile: 'existing folder that is not an archive', run: async () => fromCli(await cli('ingest', H('src'), '--out', H('mine'))), refusal: /not an archive made by Archive Reader \(it holds thesis\.md\)/ },
  { entry: 'cli ingest', hostile: 'the source itself', run: async () => fromCli(await cli('ingest', H('src'), '--out', H('src'))), refusal: /it is the source folder itself/ },
  { entry: 'cli ingest', hostile: 'a parent of the source', run: async () => fromCli(await cli('ingest', H('src'), '--out', H())), refusal: /it holds the source folder/ },
  { entry: 'cli ingest', hostile: 'a child of the source', run: async () => fromCli(await cli('ingest', H('src'), '--out', H('src/sub'))), refusal: /it is inside the source folder/ },
  { entry: 'cli ingest', hostile: 'a plain file', run: async () => fromCli(await cli('ingest', H('src'), '--out', H('plain.txt'))), refusal: /it is a file, not a folder/ },
  { entry: 'cli ingest', hostile: 'a symlink to a folder', run: async () => fromCli(await cli('ingest', H('src'), '--out', H('link-to-mine'))), refusal: /it is a symbolic link/ },
  { entry: 'cli ingest', hostile: 'a FIFO', run: async () => fromCli(await cli('ingest', H('src'), '--out', H('fifo'))), refusal: /it is a pipe, socket or device, not a folder/ },
  { entry: 'cli ingest', hostile: 'a FIFO as the source', run: async () => fromCli(await cli('ingest', H('fifo'), '--out', H('new-archive'))), refusal: /Not a folder|No readable/ },
  {
    entry: 'cli ingest (ingestFolder)',
    hostile: 'full disk while replacing our own archive',
    run: async () => {
      injectWriteFault((file, n) => (file.endsWith('bodies.jsonl') && n > 0 ? enospc(file) : null));
      return ingestFolder(H('src'), H('archive')).then(
        () => ({ ok: true, message: '' }),
        (e: Error) => ({ ok: false, message: e.message }),
      );
    },
    refusal: /Could not write the archive .*the disk is full \(ENOSPC\)\..* was not changed/,
  },
  { entry: 'cli export', hostile: 'its own input (the backup)', run: async () => fromCli(await cli('export', H('backup.json'), '--format', 'md', '--out', H('backup.json'), '--overwrite', '--archive', H('archive'))), refusal: /it is the backup being exported itself/ },
  { entry: 'cli export', hostile: 'a hard link to its input', run: async () => fromCli(await cli('export', H('backup.json'), '--format', 'md', '--out', H('backup-hardlink.json'), '--overwrite', '--archive', H('archive'))), refusal: /the backup being exported itself \(another name for it\)/ },
  { entry: 'cli export', hostile: 'an existing folder', run: async () => fromCli(await cli('export', H('backup.json'), '--format', 'md', '--out', H('mine'), '--archive', H('archive'))), refusal: /it is a folder/ },
  { entry: 'cli export', hostile: 'an existing file, without --overwrite', run: async () => fromCli(await cli('export', H('backup.json'), '--format', 'md', '--out', H('export.md'), '--archive', H('archive'))), refusal: /Refusing to overwrite .*export\.md: it already exists/ },
  { entry: 'cli export', hostile: 'a file inside the archive', run: async () => fromCli(await cli('export', H('backup.json'), '--format', 'md', '--out', H('archive/list.json'), '--overwrite', '--archive', H('archive'))), refusal: /it is inside the archive/ },
  { entry: 'cli export', hostile: 'a FIFO', run: async () => fromCli(await cli('export', H('backup.json'), '--format', 'md', '--out', H('fifo'), '--overwrite', '--archive', H('archive'))), refusal: /not a regular file/ },
  { entry: 'cli export', hostile: 'a symlink to a folder', run: async () => fromCli(await cli('export', H('backup.json'), '--format', 'md', '--out', H('link-to-mine'), '--archive', H('archive'))), refusal: /it is a symbolic link/ },
  {
    entry: 'cli export (runExportCommand)',
    hostile: 'full disk over an existing file (--overwrite)',
    run: async () => {
      injectWriteFault((file) => enospc(file));
      const err: string[] = [];
      const code = await runExportCommand([H('backup.json'), '--format', 'md', '--out', H('export.md'), '--overwrite', '--archive', H('archive')], { out: () => undefined, err: (s) => void err.push(s) });
      return { ok: code === 0, message: err.join('') };
    },
    refusal: /Could not write .*export\.md: the disk is full \(ENOSPC\)\. Nothing was changed\./,
  },
  { entry: 'cli list', hostile: 'a folder that is not an archive', run: async () => fromCli(await cli('list', '--archive', H('mine'))), refusal: /No archive in .*mine \(manifest\.json is missing\)/ },
  { entry: 'cli show', hostile: 'a plain file as the archive', run: async () => fromCli(await cli('show', 'x', '--archive', H('plain.txt'))), refusal: /manifest\.json cannot be read \(ENOTDIR\)/ },
  { entry: 'cli search', hostile: 'a FIFO as the archive', run: async () => fromCli(await cli('search', 'border', '--archive', H('fifo'))), refusal: /manifest\.json cannot be read \(ENOTDIR\)/ },
  { entry: 'cli search', hostile: 'the source folder as the archive', run: async () => fromCli(await cli('search', 'border', '--archive', H('src'))), refusal: /No archive in/ },
];

describe('CLI commands', () => {
  test.each(CLI_CASES)('$entry: $hostile is refused with one message and a non-zero exit', async ({ run, refusal }) => {
    const r = await run();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(refusal);
    expect(r.message.trim().split('\n').filter((l) => !l.startsWith('ingest: ')).length).toBe(1);
  });

  test('cli ingest into a new folder: the link in is read, the link out, /etc/passwd, the FIFO are skipped with reasons; nothing outside is read', async () => {
    const out = join(root, 'built');
    const r = await cli('ingest', H('src'), '--out', out, '--json');
    expect(r.code).toBe(3); // some files were skipped
    const report = JSON.parse(r.out) as { skipped: { file: string; reason: string }[] };
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    expect(reasons['zz-link-out.txt']).toBe('a link to outside the folder (not followed)');
    expect(reasons['zz-passwd.txt']).toBe('a link to outside the folder (not followed)');
    expect(reasons['zz-fifo.txt']).toBe('not a regular file (a pipe, socket or device)');
    expect(reasons['zz-link-in.txt']).toBeUndefined();
    // Running as root the unreadable file can still be read; otherwise it is skipped as unreadable.
    if (process.getuid?.() !== 0) expect(reasons['zz-unreadable.txt']).toMatch(/^unreadable \(EACCES\)/);
    for (const f of await fs.readdir(out)) if (f !== 'index') expect(await fs.readFile(join(out, f), 'utf8')).not.toContain('the secret outside');
    await removeDir(out);
  });
});

describe('HTTP routes that touch files (the web host; Electron runs the same handlers)', () => {
  let host: WebHost;
  const api = async (method: string, arg: unknown): Promise<Outcome> => {
    const res = await fetch(`${host.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(arg) });
    const r = (await res.json()) as { ok: boolean; error?: { message: string } };
    return { ok: r.ok, message: r.error?.message ?? '' };
  };
  beforeAll(async () => {
    // Imports build in this thread here, so the injected full disk reaches them.
    host = await startWebHost({ port: 0, archiveDir: H('archive'), dataDir: H('data'), importThread: false, log: () => undefined });
    await host.ready;
  });
  afterAll(() => host.close());

  /** Begins an import, sends one batch of `files` to its upload route, then (unless told to run it) cancels it. */
  const upload = async (files: { path: string; text: string }[], opts: { run?: boolean } = {}): Promise<Outcome> => {
    const begun = (await fetch(`${host.url}api/importBegin`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ source: 'hostile upload' }) }).then((x) => x.json())) as { ok: boolean; value: { jobId: string; uploadPath: string } };
    const body = encodeBatch(files.map((f) => ({ path: f.path, data: Buffer.from(f.text) })));
    const sent = (await fetch(`${host.url}${begun.value.uploadPath.slice(1)}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body }).then((x) => x.json())) as { ok: boolean; error?: { message: string } };
    if (!sent.ok || !opts.run) {
      await api('importCancel', { jobId: begun.value.jobId });
      return { ok: sent.ok, message: sent.error?.message ?? '' };
    }
    await api('importRun', { jobId: begun.value.jobId });
    for (;;) {
      const s = (await fetch(`${host.url}api/importStatus`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jobId: begun.value.jobId }) }).then((x) => x.json())) as { value: { state: string; message: string } };
      if (s.value.state !== 'building') return { ok: s.value.state === 'done', message: s.value.message };
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const page = (path: string) => [{ path, text: 'A page\n\nWith a paragraph of text that is long enough to be an article body.\n' }];

  const ROUTE_CASES: { route: string; hostile: string; run: () => Promise<Outcome>; refusal: RegExp }[] = [
    { route: 'backupRead', hostile: 'a path out of the folder', run: () => api('backupRead', { name: '../../mine/thesis.md' }), refusal: /not a path/ },
    { route: 'backupRead', hostile: 'an absolute path', run: () => api('backupRead', { name: '/etc/passwd' }), refusal: /not a path/ },
    { route: 'backupRead', hostile: 'a symlink named like a backup, pointing out', run: () => api('backupRead', { name: 'archive-reader-backup-manual-2026-01-01T00-00-00-000Z.json' }), refusal: /is a link, not a backup file/ },
    {
      route: 'backupWrite',
      hostile: 'full disk',
      run: () => {
        injectWriteFault((file) => enospc(file));
        return api('backupWrite', { text: createBackup({ annotations: [], docState: [], tags: [], settings: [] }, { appVersion: '0.1.0' }), reason: 'manual' });
      },
      refusal: /could not be written .*the disk is full \(ENOSPC\)/,
    },
    { route: 'backupWrite', hostile: 'not a backup', run: () => api('backupWrite', { text: '{"tables": 1}', reason: 'manual' }), refusal: /Not saved as a backup/ },
    { route: 'POST /upload (import)', hostile: 'a name going up out of the staging folder', run: () => upload(page('../../mine/thesis.md')), refusal: /goes up a folder/ },
    { route: 'POST /upload (import)', hostile: 'an absolute name', run: () => upload(page(H('mine/thesis.md'))), refusal: /is an absolute path/ },
    { route: 'POST /upload (import)', hostile: 'a name with NUL', run: () => upload(page('a\0.txt')), refusal: /NUL/ },
    { route: 'POST /upload (import)', hostile: 'a backslash name going up', run: () => upload(page('..\\..\\mine\\thesis.md')), refusal: /backslash/ },
    {
      route: 'importRun',
      hostile: 'full disk while building',
      run: () => {
        injectWriteFault((file) => enospc(file));
        return upload([...page('one.txt'), ...page('two.txt')], { run: true });
      },
      refusal: /the disk is full \(ENOSPC\)/,
    },
    { route: 'importRun', hostile: 'a folder with no readable page', run: () => upload([{ path: 'photo.jpg', text: '\u00ff\u00d8\u0000\u0001' }], { run: true }), refusal: /No readable pages/ },
    { route: 'importBegin', hostile: 'into the bundled (read-only) archive', run: () => api('importBegin', { source: 'x', into: 'bundled' }), refusal: /cannot be imported into/ },
    { route: 'archiveRemove', hostile: 'the bundled archive', run: () => api('archiveRemove', { id: 'bundled' }), refusal: /cannot be removed/ },
    { route: 'archiveRemove', hostile: 'an id that would name a path', run: () => api('archiveRemove', { id: '../../mine' }), refusal: /must be an archive id/ },
    {
      route: 'GET /<static>',
      hostile: 'a path out of the renderer folder',
      run: async () => {
        const res = await fetch(`${host.url}..%2f..%2f..%2fhome%2fmine%2fthesis.md`);
        return { ok: res.status === 200, message: await res.text() };
      },
      refusal: /Not found|Bad path/,
    },
  ];

  test.each(ROUTE_CASES)('$route: $hostile is refused', async ({ run, refusal }) => {
    const r = await run();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(refusal);
  });

  test('backupList: the symlink pointing out of the folder is not listed (its target is never read)', async () => {
    const r = await fetch(`${host.url}api/backupList`, { method: 'POST' }).then((x) => x.json());
    expect(r).toEqual({ ok: true, value: [] });
  });

  test.each([
    ['a folder that is not an archive', 'mine', /No archive in/],
    ['the source folder', 'src', /No archive in/],
    ['a plain file', 'plain.txt', /ENOTDIR/],
  ])('a host opened on %s says so and changes nothing', async (_what, dir, message) => {
    const other = await startWebHost({ port: 0, archiveDir: H(dir), dataDir: H('data'), log: () => undefined });
    try {
      const state = await other.ready;
      expect(state.status).toBe('error');
      expect(state.message).toMatch(message);
    } finally {
      await other.close();
    }
  });

  test('a --data that is a plain file: backupWrite fails with a message, the file is untouched', async () => {
    const other = await startWebHost({ port: 0, archiveDir: H('archive'), dataDir: H('data-file'), log: () => undefined });
    try {
      const res = await fetch(`${other.url}api/backupWrite`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: createBackup({ annotations: [], docState: [], tags: [], settings: [] }, { appVersion: '0.1.0' }), reason: 'manual' }),
      }).then((x) => x.json());
      expect(res).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/could not be written/) } });
    } finally {
      await other.close();
    }
  });
});

describe('IPC methods that write files (Electron host abilities, with the fake electron module)', () => {
  const save = makeSaveFile(() => null, () => H());
  const saveTo = async (path: string): Promise<Outcome> => {
    fake.dialog.nextSavePath = path;
    const r = await save({ suggestedName: 'export.md', mimeType: 'text/markdown', data: '# new' });
    return { ok: r.ok, message: r.ok ? '' : r.error.message };
  };

  test.each([
    { hostile: 'an existing folder', path: () => H('mine'), refusal: /it is a folder/ },
    { hostile: 'a FIFO', path: () => H('fifo'), refusal: /not a regular file/ },
    { hostile: 'a symlink to a folder', path: () => H('link-to-mine'), refusal: /it is a symbolic link/ },
    { hostile: 'a folder that does not exist', path: () => H('nowhere/export.md'), refusal: /does not exist/ },
  ])('saveFile: $hostile is refused', async ({ path, refusal }) => {
    const r = await saveTo(path());
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(refusal);
  });

  test('saveFile: a full disk while replacing a file the person chose leaves that file as it was', async () => {
    injectWriteFault((file) => enospc(file));
    const r = await saveTo(H('export.md'));
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/the disk is full \(ENOSPC\)\. Nothing was changed\./) });
  });
});
