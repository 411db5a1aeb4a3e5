/**
 * What every search and findInDoc answer must satisfy, whatever was typed:
 * the contract's shape, totals that add up, hits that exist and respect the
 * filters, snippets that are real passages of the document they name, and
 * highlights inside the snippet (findInDoc matches inside docText). Returns
 * the problems found (empty when the answer is sound), so a fuzzer can report
 * every broken case with its query instead of stopping at the first.
 */
import type { FindInDocResponse, SearchRequest, SearchResponse } from '../../src-main/shared/contract';
import { docText, type Doc } from '../../src-main/shared/model';

const INTERPRETATIONS = ['lunr', 'literal', 'fuzzy'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

export function searchProblems(r: SearchResponse, req: SearchRequest, docs: Map<string, Doc>): string[] {
  const p: string[] = [];
  if (typeof r !== 'object' || r === null) return ['response is not an object'];
  if (r.query !== req.query) p.push('query not echoed');
  if (!INTERPRETATIONS.includes(r.interpretedAs)) p.push(`interpretedAs ${String(r.interpretedAs)}`);
  if (!(r.notice === null || (typeof r.notice === 'string' && r.notice.length > 0))) p.push('notice neither null nor text');
  if (!isInt(r.total) || r.total < 0) p.push(`total ${r.total}`);
  if (!isInt(r.offset) || r.offset < 0) p.push(`offset ${r.offset}`);
  if (!Array.isArray(r.hits)) return [...p, 'hits is not an array'];
  if (r.hits.length > r.total) p.push(`hits ${r.hits.length} > total ${r.total}`);
  if (r.hits.length > (req.limit ?? 20)) p.push(`hits ${r.hits.length} > limit`);
  if (typeof r.tookMs !== 'number' || !Number.isFinite(r.tookMs) || r.tookMs < 0) p.push(`tookMs ${r.tookMs}`);
  if (new Set(r.hits.map((h) => h.id)).size !== r.hits.length) p.push('duplicate hit ids');
  try {
    // Must cross IPC and HTTP unchanged: JSON round trip keeps every field.
    if (JSON.stringify(JSON.parse(JSON.stringify(r))) !== JSON.stringify(r)) p.push('not JSON-stable');
  } catch (e) {
    p.push(`not serializable: ${(e as Error).message}`);
  }
  for (const h of r.hits) {
    const doc = docs.get(h.id);
    if (!doc) {
      p.push(`hit ${h.id} is not in the archive`);
      continue;
    }
    if (h.title !== doc.title || h.kind !== doc.kind || h.published !== doc.published || h.eventDate !== doc.eventDate) p.push(`hit ${h.id} fields differ from the document`);
    if (h.published !== null && !DATE.test(h.published)) p.push(`hit ${h.id} published ${h.published}`);
    if (!Number.isFinite(h.score)) p.push(`hit ${h.id} score ${h.score}`);
    if (req.kind && h.kind !== req.kind) p.push(`hit ${h.id} kind ${h.kind} despite filter ${req.kind}`);
    if (typeof req.from === 'number' && (doc.year === null || doc.year < req.from)) p.push(`hit ${h.id} year ${doc.year} < from ${req.from}`);
    if (typeof req.to === 'number' && (doc.year === null || doc.year > req.to)) p.push(`hit ${h.id} year ${doc.year} > to ${req.to}`);
    if (!Array.isArray(h.snippets)) {
      p.push(`hit ${h.id} snippets not an array`);
      continue;
    }
    for (const s of h.snippets) {
      const para = doc.paragraphs[s.paragraph];
      if (!isInt(s.paragraph) || !para) {
        p.push(`hit ${h.id} snippet paragraph ${s.paragraph} out of range`);
        continue;
      }
      if (!isInt(s.start) || s.start < 0 || para.text.slice(s.start, s.start + s.text.length) !== s.text) p.push(`hit ${h.id} snippet is not a passage of paragraph ${s.paragraph}`);
      let last = -1;
      for (const hl of s.highlights) {
        const [a, b] = hl;
        if (!isInt(a) || !isInt(b) || a < 0 || a >= b || b > s.text.length) p.push(`hit ${h.id} highlight [${a}, ${b}] outside snippet of ${s.text.length}`);
        else if (a < last) p.push(`hit ${h.id} highlights overlap or are unsorted`);
        else if (!/[\p{L}\p{N}]/u.test(s.text.slice(a, b))) p.push(`hit ${h.id} highlight covers no letter`);
        last = b;
      }
    }
  }
  return p;
}

export function findProblems(f: FindInDocResponse | undefined, doc: Doc): string[] {
  if (!f) return ['findInDoc answered undefined for an existing document'];
  const p: string[] = [];
  if (!INTERPRETATIONS.includes(f.interpretedAs)) p.push(`findInDoc interpretedAs ${String(f.interpretedAs)}`);
  if (!Array.isArray(f.matches)) return [...p, 'findInDoc matches not an array'];
  const text = docText(doc);
  let last = -1;
  for (const m of f.matches) {
    if (!isInt(m.start) || !isInt(m.end) || m.start < 0 || m.start >= m.end || m.end > text.length) p.push(`findInDoc match [${m.start}, ${m.end}] outside text of ${text.length}`);
    else if (m.start < last) p.push('findInDoc matches overlap or are unsorted');
    else if (!/[\p{L}\p{N}]/u.test(text.slice(m.start, m.end))) p.push('findInDoc match covers no letter');
    last = m.end;
  }
  return p;
}
