/**
 * The CLI export command end to end, in process: a real archive built from the
 * bundled corpus into a temp folder, a backup file on disk with annotations on
 * real articles, and each format written to a real file and read back.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCorpusDir, ingestFolder, openArchive } from '../archive/index';
import { archiveIdForDir } from '../archive/store/archive-id';
import { docText, type DocSummary } from '../shared/model';
import type { Annotation } from '../shared/notes/annotation-model';
import { createBackup } from '../shared/notes/backup/backup-format';
import { importW3cText } from '../shared/notes/w3c-import';
import { runExportCommand } from './export';

let dir: string;
let archiveDir: string;
let backupPath: string;
let docs: DocSummary[];
let annotations: Annotation[];

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-export-'));
  archiveDir = join(dir, 'archive');
  await ingestFolder(bundledCorpusDir(), archiveDir);
  const archive = await openArchive(archiveDir);
  docs = (await archive.list({ kind: 'article' })).items.slice(0, 2);
  annotations = [];
  for (const [i, summary] of docs.entries()) {
    const doc = (await archive.get(summary.id))!;
    const text = docText(doc);
    const start = Math.floor(text.length / 3);
    const end = text.indexOf(' ', start + 60);
    annotations.push({
      id: `cli-${i}`,
      // Made while this archive was open (npm run web -- --archive <dir>): its id is derived from the folder.
      archiveId: archiveIdForDir(archiveDir),
      docId: doc.id,
      color: i === 0 ? 'yellow' : 'pink',
      quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(start - 32, start), suffix: text.slice(end, end + 32) },
      position: { type: 'TextPositionSelector', start, end },
      textHash: doc.textHash,
      note: i === 0 ? '=cmd() and <script>alert(1)</script>' : 'second note',
      tags: i === 0 ? ['Borders'] : ['other'],
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    });
  }
  annotations.push({ ...annotations[0], id: 'cli-gone', docId: 'no-such-article', tags: ['borders'] });
  // The same article id in another archive: never exported against this one.
  annotations.push({ ...annotations[0], id: 'cli-elsewhere', archiveId: 'dir-0ther', note: 'made in another archive' });
  await archive.close();
  backupPath = join(dir, 'backup.json');
  await writeFile(
    backupPath,
    createBackup(
      { annotations, docState: [], tags: [], settings: [{ key: 'colors', value: [{ id: 'pink', label: 'Question!', hex: '#faa2c1' }] }] },
      { appVersion: '0.1.0' },
    ),
  );
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = async (...args: string[]) => {
  const o = io();
  const code = await runExportCommand(args, o.io, '0.1.0');
  return { code, out: o.out.join(''), err: o.err.join('') };
};

describe('cli export <backup> --format F --out FILE', () => {
  it('md: titles and dates from the archive, colour names from the backup, a citation per excerpt', async () => {
    const out = join(dir, 'all.md');
    const r = await run(backupPath, '--format', 'md', '--out', out, '--archive', archiveDir);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Exported 3 excerpts from 3 articles to .*all\.md/);
    expect(r.err).toMatch(/Not in this archive \(cited by id only\): no-such-article/);
    expect(r.err).toMatch(/Left out: notes of other archives \(dir-0ther\); export them with --archive/);
    const md = await readFile(out, 'utf8');
    expect(md.startsWith('---\ntitle: ')).toBe(true);
    for (const d of docs) expect(md).toContain(`archive id ${d.id}`);
    expect(md).toContain('Colour: Question\\!');
    expect(md).toContain(`archive-reader://article/${encodeURIComponent(docs[0].id)}?annotation=cli-0&archive=${archiveIdForDir(archiveDir)}`);
    expect(md).not.toContain('made in another archive');
  });

  it('--tag selects annotations with that tag, case-insensitively', async () => {
    const out = join(dir, 'tagged.csv');
    const r = await run(backupPath, '--format', 'csv', '--tag', 'borders', '--out', out, '--archive', archiveDir, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, excerpts: 2, articles: 2, unknownArticles: ['no-such-article'] });
    const csv = await readFile(out, 'utf8');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(csv).toContain(",'=cmd() and <script>alert(1)</script>,");
  });

  it('html, json, csl: each written and readable', async () => {
    for (const format of ['html', 'json', 'csl']) {
      const out = join(dir, `all.${format}`);
      const r = await run(backupPath, '--format', format, '--out', out, '--archive', archiveDir);
      expect(r.code, r.err).toBe(0);
    }
    const html = await readFile(join(dir, 'all.html'), 'utf8');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script/i);
    const back = importW3cText(await readFile(join(dir, 'all.json'), 'utf8'), { knownDocIds: new Set(docs.map((d) => d.id)), archiveId: archiveIdForDir(archiveDir) });
    if (!back.ok) throw new Error(back.message);
    expect([...back.annotations].sort((a, b) => a.id.localeCompare(b.id))).toEqual(annotations.slice(0, 2));
    const csl = JSON.parse(await readFile(join(dir, 'all.csl'), 'utf8'));
    expect(csl.map((c: { id: string }) => c.id).sort()).toEqual([...docs.map((d) => d.id), 'no-such-article'].sort());
    const real = csl.find((c: { id: string }) => c.id === docs[0].id);
    expect(real.title).toBe(docs[0].title);
  });

  it('refuses a damaged backup with its message and writes nothing', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, (await readFile(backupPath, 'utf8')).slice(0, 300));
    const out = join(dir, 'never.md');
    const r = await run(bad, '--format', 'md', '--out', out, '--archive', archiveDir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.json: The backup file is incomplete/);
    await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('explains usage mistakes with exit code 64', async () => {
    expect((await run(backupPath, '--format', 'pdf')).err).toMatch(/Unknown format "pdf"/);
    expect((await run('--format', 'md')).code).toBe(64);
    expect((await run(backupPath)).err).toMatch(/Missing --format/);
    const missing = await run(join(dir, 'nope.json'), '--format', 'md', '--archive', archiveDir);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Cannot read .*nope\.json: ENOENT/);
  });

  it('is registered in the CLI: `cli export` runs as a process and writes the file', async () => {
    const out = join(dir, 'via-main.md');
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/main.ts', 'export', backupPath, '--format', 'md', '--tag', 'Borders', '--out', out, '--archive', archiveDir],
      { cwd: join(__dirname, '..', '..') },
    );
    expect(stderr).toMatch(/Exported 2 excerpts/);
    expect(await readFile(out, 'utf8')).toContain('title: "Excerpts tagged Borders"');
  });
});
