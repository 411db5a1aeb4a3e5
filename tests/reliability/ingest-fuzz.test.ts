/**
 * Ingestion fuzzing (issue 7, "Ingestion"): folders of good, damaged and bad
 * pages (see page-mutations.ts) fed to ingestFolder and to the CLI's
 * `ingest`. No crash and no hang; every entry named .txt is accounted for
 * (ingested once, or skipped once with a reason); good pages keep their exact
 * title and date whatever their encoding, line endings or injected
 * boilerplate, and no boilerplate reaches a body; the archive built opens,
 * lists and searches.
 *
 * Two kinds of folder alternate: (A) the five real pages re-encoded plus good
 * and bad files, where real titles must match a clean build; (B) damaged
 * copies (cut, shuffled, duplicated, random, huge lines) plus good and bad
 * files. `npm test`: 2 folders, fixed seed; `npm run test:soak`: 40.
 * Replay: FUZZ_SEED=<seed> [FUZZ_COUNT=<folders>].
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { bundledCorpusDir, ingestFolder, openArchive, type IngestReport } from '../../src-main/archive/index';
import type { Doc } from '../../src-main/shared/model';
import { removeDir, tempDir } from '../../src-main/archive/test/helpers';
import { chance, fuzzRun, int, makeRng, pick, type Rng } from './rng';
import { syntheticArticle } from './synthetic';
import { BAD_KINDS, BOILERPLATE_LEFT, ENCODED_KINDS, badEntry, damagedVariant, encodedEntry, goodVariant, makeOutside, reencode, writeEntries, type Entry, type Page } from './page-mutations';

const RUN = fuzzRun(2, 40, 7_020_261);
const CLI = resolve(import.meta.dirname, '../../src-main/cli/main.ts');

let work: string;
let outside: string;
let real: Page[] = [];
let serial = 0;

beforeAll(async () => {
  work = await tempDir('ingest-fuzz-');
  outside = await makeOutside(join(work, 'outside'));
  // What a clean build makes of each real page: the titles every re-encoding must keep.
  const clean = join(work, 'clean');
  await ingestFolder(bundledCorpusDir(), clean);
  const a = await openArchive(clean);
  for (const s of (await a.list({ kind: 'article' })).items) {
    real.push({ name: s.source, title: s.title, published: s.published, text: await readFile(join(bundledCorpusDir(), s.source), 'utf8') });
  }
  await a.close();
  real = real.sort((x, y) => x.name.localeCompare(y.name));
}, 120_000);
afterAll(() => removeDir(work));

const NAME_STYLES = [(i: number) => `good-${i}.txt`, (i: number) => `Новость ${i} é.txt`, (i: number) => `page ${i} (copy).TXT`, (i: number) => `${i}.text`];

function synthetic(rng: Rng): Page {
  const a = syntheticArticle(rng, serial++);
  return { name: a.file, text: a.text, title: a.title, published: a.published };
}

/** One folder's entries; `round` even: kind A, odd: kind B. */
function folderEntries(rng: Rng, round: number): Entry[] {
  const entries: Entry[] = [];
  let n = 0;
  const goods = int(rng, round % 2 === 0 ? 8 : 3, round % 2 === 0 ? 15 : 8);
  for (let i = 0; i < goods; i++) entries.push({ ...goodVariant(rng, synthetic(rng)), name: pick(rng, NAME_STYLES)(n++) });
  const goodText = entries.length ? synthetic(rng).text : 'Text';
  if (round % 2 === 0) {
    for (const p of real) {
      const enc = reencode(rng, p.text + (chance(rng, 0.3) ? '\n\nGo back\n' : ''));
      entries.push({ name: p.name, type: 'file', data: enc.data, expect: 'good', title: p.title, published: p.published, what: `real page, ${enc.what}` });
    }
    const pool = synthetic(rng).text.split(/\s+/);
    for (let i = int(rng, 1, 3); i > 0; i--) entries.push(damagedVariant(rng, `dmg-${n++}.txt`, synthetic(rng), pool));
  } else {
    const pool = real.flatMap((p) => p.text.split(/\s+/)).filter(Boolean);
    for (let i = int(rng, 6, 12); i > 0; i--) {
      const src = chance(rng, 0.6) ? pick(rng, real) : synthetic(rng); // never a copy of a good page: that would be a repeat
      entries.push(damagedVariant(rng, `dmg-${n++}.txt`, src, pool));
    }
  }
  // The first folder holds one of every kind of bad entry, so the quick run covers them all.
  if (round === 0) for (let k = 0; k < BAD_KINDS; k++) entries.push(badEntry(rng, `bad-${n++}.txt`, goodText, outside, k));
  // Pages in other encodings (each a new page: a copy of another would be merged as a duplicate).
  if (round === 0) for (let k = 0; k < ENCODED_KINDS; k++) entries.push(encodedEntry(rng, `enc-${n++}.txt`, synthetic(rng), k));
  else entries.push(encodedEntry(rng, `enc-${n++}.txt`, synthetic(rng)));
  for (let i = int(rng, 4, 10); i > 0; i--) entries.push(badEntry(rng, `bad-${n++}.txt`, goodText, outside));
  return entries;
}

/** Everything wrong with what was built from `entries`. */
async function problems(entries: Entry[], report: IngestReport, out: string): Promise<string[]> {
  const p: string[] = [];
  const archive = await openArchive(out);
  try {
    await archive.searchReady;
    const list = await archive.list({});
    if (list.total !== report.articles + report.briefs) p.push(`archive lists ${list.total}, report says ${report.articles + report.briefs}`);
    if (new Set(list.items.map((d) => d.id)).size !== list.total) p.push('duplicate ids');
    const docs: Doc[] = [];
    for (const s of list.items) {
      const d = await archive.get(s.id);
      if (!d || d.paragraphs.length === 0 || d.paragraphs.some((x) => x.text.trim() === '')) p.push(`${s.id} (${s.source}): missing or empty paragraphs`);
      else docs.push(d);
    }
    const names = new Set(entries.map((e) => e.name));
    for (const d of docs) if (d.kind === 'article' && ![d.source, ...(d.sources ?? [])].every((s) => names.has(s))) p.push(`article from unknown source ${d.source}`);
    for (const s of report.skipped) {
      if (!names.has(s.file)) p.push(`skipped unknown file ${s.file}`);
      if (typeof s.reason !== 'string' || s.reason.trim() === '') p.push(`${s.file} skipped without a reason`);
    }
    for (const e of entries) {
      // A duplicate of another page is merged into it: that article lists it among its sources.
      const arts = docs.filter((d) => d.kind === 'article' && (d.source === e.name || d.sources?.includes(e.name)));
      const skips = report.skipped.filter((s) => s.file === e.name);
      const tag = `${e.name} [${e.what}]`;
      if (e.expect === 'good') {
        if (arts.length !== 1 || skips.length !== 0) p.push(`${tag}: expected one article, got ${arts.length} articles, skipped: ${skips.map((s) => s.reason).join('; ')}`);
        else {
          if (arts[0].title !== e.title) p.push(`${tag}: title ${JSON.stringify(arts[0].title)} instead of ${JSON.stringify(e.title)}`);
          if (e.published !== undefined && arts[0].published !== e.published) p.push(`${tag}: published ${arts[0].published} instead of ${e.published}`);
          const left = arts[0].paragraphs.find((x) => BOILERPLATE_LEFT.test(x.text));
          if (e.boilerplate && left) p.push(`${tag}: boilerplate left in the body: ${JSON.stringify(left.text.slice(0, 80))}`);
          const serialWord = /\bn\d+$/.exec(e.title ?? '')?.[0];
          if (serialWord) {
            const r = await archive.search({ query: `title:${serialWord}`, limit: 5 });
            if (!r.hits.some((h) => h.title === e.title)) p.push(`${tag}: search title:${serialWord} does not find it`);
          }
        }
      } else if (e.expect === 'bad') {
        if (arts.length !== 0 || skips.length !== 1) p.push(`${tag}: expected one skip, got ${arts.length} articles and ${skips.length} skips`);
        else if (!e.reason!.test(skips[0].reason)) p.push(`${tag}: reason ${JSON.stringify(skips[0].reason)} does not match ${e.reason}`);
      } else if (arts.length + skips.length !== 1) p.push(`${tag}: neither ingested nor reported exactly once (${arts.length} articles, ${skips.length} skips)`);
    }
  } finally {
    await archive.close();
  }
  return p;
}

const runCli = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string; killed?: boolean };
    return { code: x.killed ? -1 : x.code, stdout: x.stdout, stderr: x.stderr };
  }
};

describe('ingestion fuzz', () => {
  test(`${RUN.count} folders of good, damaged and bad pages: no crash, every file accounted for`, async () => {
    const failures: string[] = [];
    const counts = { entries: 0, good: 0, bad: 0, either: 0, articles: 0, skipped: 0 };
    const ms: number[] = [];
    for (let round = 0; round < RUN.count; round++) {
      const rng = makeRng((RUN.seed + round * 0x9e3779b1) >>> 0);
      const entries = folderEntries(rng, round);
      const src = join(work, `src-${round}`);
      const out = join(work, `out-${round}`);
      await writeEntries(src, entries);
      for (const e of entries) counts[e.expect]++;
      counts.entries += entries.length;
      try {
        const t0 = performance.now();
        const report = await ingestFolder(src, out);
        ms.push(performance.now() - t0);
        counts.articles += report.articles;
        counts.skipped += report.skipped.length;
        for (const x of await problems(entries, report, out)) failures.push(`round ${round}: ${x}`);
      } catch (e) {
        failures.push(`round ${round}: ingestFolder threw ${(e as Error)?.stack ?? String(e)}`);
      }
      // The CLI on the same folder: same outcome, reasons on stderr, non-zero exit when something was skipped.
      if (round < 2 || round % 10 === 0) {
        const cli = await runCli('ingest', src, '--out', join(work, `cli-${round}`));
        const bad = entries.filter((e) => e.expect === 'bad');
        if (cli.code !== 3) failures.push(`round ${round}: CLI ingest exited ${cli.code} (want 3: files were skipped): ${cli.stderr.slice(-500)}`);
        for (const e of bad) if (!cli.stderr.includes(`ingest: skipped ${e.name}: `)) failures.push(`round ${round}: CLI did not report ${e.name} [${e.what}]`);
        const good = entries.find((e) => e.expect === 'good' && /\bn\d+$/.test(e.title ?? ''));
        const found = await runCli('search', `title:${/\bn\d+$/.exec(good!.title!)![0]}`, '--json', '--archive', join(work, `cli-${round}`));
        if (found.code !== 0 || !JSON.parse(found.stdout || '{}').hits?.some((h: { title: string }) => h.title === good!.title)) failures.push(`round ${round}: CLI search does not find ${good!.name}`);
      }
      await removeDir(src);
      await removeDir(out);
      await removeDir(join(work, `cli-${round}`));
    }
    console.log(
      `ingest fuzz seed=${RUN.seed} folders=${RUN.count} entries=${counts.entries} (good ${counts.good}, bad ${counts.bad}, damaged ${counts.either}) ` +
        `-> articles ${counts.articles}, skipped ${counts.skipped}; failures=${failures.length}; ingest ms max ${Math.round(Math.max(...ms))}`,
    );
    expect(failures.slice(0, 20), `seed ${RUN.seed}: ${failures.length} problems`).toEqual([]);
  }, RUN.soak ? 3_600_000 : 240_000);

  test('a folder of nothing but bad files is a clear error naming each reason, from the library and the CLI', async () => {
    const rng = makeRng(RUN.seed);
    const src = join(work, 'all-bad');
    const entries = Array.from({ length: 8 }, (_, i) => badEntry(rng, `bad-${i}.txt`, 'Harbour reopens\n\nThe harbour reopened.', outside));
    await writeEntries(src, entries);
    const listed = (await readdir(src)).length;
    await expect(ingestFolder(src, join(work, 'all-bad-out'))).rejects.toThrow(/No readable pages \(\.txt, \.md, \.html\) in .*\(skipped: /);
    const cli = await runCli('ingest', src, '--out', join(work, 'all-bad-cli'));
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/cli: No readable pages/);
    for (const e of entries) expect(cli.stderr, e.what).toContain(`${e.name}: `);
    expect(listed).toBe(entries.length);
  }, 120_000);
});
