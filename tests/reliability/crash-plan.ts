/**
 * The writes of the crash-safety drill, as a pure function of (seed, index):
 * the harness page (in Chromium) and the test (in Node) both compute them, so
 * the test knows exactly what every reported write must have stored without
 * trusting the page's echo. Shared by tests/reliability/harness/harness.ts and
 * crash-safety.test.ts; no DOM, no Node.
 *
 * Mix: about 70% new highlights, 30% edits of an earlier highlight (note,
 * tags, colour). Notes vary from empty to ~60,000 characters (Markdown,
 * Cyrillic, emoji, RTL), so some transactions take long enough for a kill to
 * land inside them. Tags come from a small pool, so most writes also touch the
 * tags table (one transaction over two tables).
 */
import { makeRng, mixSeed, pick, type Rng } from '../../scripts/bench/rng';

export type CrashOp =
  | { kind: 'create'; docId: string; color: Colour; exact: string; start: number; note: string; tags: string[] }
  | { kind: 'update'; target: number; note: string; tags: string[]; color: Colour };

type Colour = 'yellow' | 'green' | 'blue' | 'pink' | 'purple' | 'orange';
const COLOURS: readonly Colour[] = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'];
const TAGS = ['CSTO', 'ОДКБ', 'border', 'Центральная Азия', 'exercises', 'follow-up', 'évaluation', '🔥 hot', 'Minsk', 'Bishkek', 'sanctions', 'Q&A'];
const WORDS = ['collective', 'security', 'council', 'Минск', 'граница', 'peacekeeping', 'exercise', 'ministers', 'Бишкек', 'treaty', 'rapid', 'reaction', 'forces', 'drone', 'секретарь', 'summit'];
const DOCS = ['csto-2013-05-28-minsk', 'csto-2019-11-29-bishkek', 'csto-2024-02-01-ru', 'csto-2016-10-14-yerevan', 'csto-2021-09-16-dushanbe'];

/** The same op for the same (seed, i) everywhere. */
const rngFor = (seed: number, i: number): Rng => makeRng(mixSeed(seed, i));

function words(r: () => number, n: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(pick(r, WORDS));
  return out.join(' ');
}

function noteFor(r: () => number, i: number): string {
  const size = r();
  if (size < 0.15) return '';
  const head = `Write ${i}: **${words(r, 3)}** — _${words(r, 2)}_ 🛡️ \u202Bשלום\u202C`;
  if (size < 0.85) return `${head}\n\n- ${words(r, 6)}\n- [source](https://example.org/${i})`;
  // A long note: a few thousand to ~60,000 characters.
  const paras = 20 + Math.floor(r() * 600);
  const body: string[] = [head];
  for (let k = 0; k < paras; k++) body.push(`${k}. ${words(r, 12)}`);
  return body.join('\n');
}

function tagsFor(r: () => number): string[] {
  const n = Math.floor(r() * 4);
  const out = new Set<string>();
  for (let k = 0; k < n; k++) out.add(pick(r, TAGS));
  return [...out];
}

/** Just the kind of op `i`: the first draw decides (op 0 is always a create). */
export function crashOpKind(seed: number, i: number): CrashOp['kind'] {
  return i > 0 && rngFor(seed, i)() < 0.3 ? 'update' : 'create';
}

/** Op `i` of the drill. Edits target an earlier create (the nearest create at or before a random earlier index). */
export function crashOp(seed: number, i: number): CrashOp {
  const r = rngFor(seed, i);
  if (i > 0 && r() < 0.3) {
    let target = Math.floor(r() * i);
    while (crashOpKind(seed, target) !== 'create') target--;
    return { kind: 'update', target, note: noteFor(r, i), tags: tagsFor(r), color: pick(r, COLOURS) };
  }
  const exact = words(r, 2 + Math.floor(r() * 10));
  return { kind: 'create', docId: pick(r, DOCS), color: pick(r, COLOURS), exact, start: Math.floor(r() * 5000), note: noteFor(r, i), tags: tagsFor(r) };
}
