/**
 * A search snippet with its matches in <mark>. The archive gives the
 * passage and the match offsets inside it; this only cuts the text at those
 * offsets (clamped, sorted, overlaps merged), so nothing from the archive is
 * ever interpreted as markup.
 */
export function segments(text: string, highlights: [number, number][]): { text: string; match: boolean }[] {
  const ranges = highlights
    .map(([a, b]) => [Math.max(0, Math.min(text.length, a)), Math.max(0, Math.min(text.length, b))] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const out: { text: string; match: boolean }[] = [];
  let pos = 0;
  for (const [a, b] of merged) {
    if (a > pos) out.push({ text: text.slice(pos, a), match: false });
    out.push({ text: text.slice(a, b), match: true });
    pos = b;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), match: false });
  return out;
}

const CYRILLIC = /[\u0400-\u04ff]/;
const ENDS_SENTENCE = /[.!?…»"”)]\s*$/;

export function Snippet({ text, highlights, start }: { text: string; highlights: [number, number][]; start: number }) {
  const parts = segments(text, highlights);
  return (
    <p className="snippet" lang={CYRILLIC.test(text) ? 'ru' : undefined}>
      {start > 0 ? '…' : null}
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      {ENDS_SENTENCE.test(text) ? null : '…'}
    </p>
  );
}
