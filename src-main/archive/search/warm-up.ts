/**
 * Searches the search thread runs on its own once it has loaded, so a
 * person's first keystrokes do not pay for V8 compiling the search path.
 *
 * Why: a fresh thread runs the scorer, the spelling retry and the snippet
 * cutter in the interpreter. At 50,000 articles the first searches of a
 * session took 50-70 ms where the same searches later took 10-20 ms, and
 * those first ones are the ones typed letter by letter. The queries come from
 * the archive's own commonest words, so they touch the same paths a person's
 * will (many postings, two words, a partial word corrected, a misspelling, a
 * phrase, a field, a negation) whatever the archive's language.
 */

/** The query shapes, from the commonest words `a`..`d` (at least four letters each). */
export function warmUpQueries(common: string[]): string[] {
  const words = common.filter((w) => [...w].length >= 4 && /^\p{L}+$/u.test(w));
  if (words.length === 0) return [];
  const [a, b = a, c = a, d = b] = words;
  const partial = a.slice(0, Math.max(2, a.length - 2));
  const swapped = a.length >= 5 ? `${a.slice(0, 2)}${a[3]}${a[2]}${a.slice(4)}` : `${a}x`;
  return [a, `${a} ${b}`, `${c} ${d}`, partial, swapped, `"${a} ${b}"`, `title:${b}`, `+${a} -${c}`, `${b} ${partial}`];
}

/**
 * Runs each query `rounds` times through `search`, yielding between them,
 * and stops as soon as `stop()` says a person is searching (their searches
 * warm the same code). Errors are ignored: this is only ever an optimization.
 */
export async function warmUp(queries: string[], search: (query: string) => Promise<unknown>, stop: () => boolean, rounds = 2): Promise<number> {
  let ran = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stop()) return ran;
      await search(q).catch(() => undefined);
      ran++;
    }
  }
  return ran;
}
