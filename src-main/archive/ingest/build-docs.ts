/**
 * Pages -> documents: one article per page, every distinct teaser once as a
 * brief linked to the pages it appeared on, dates, paragraph languages and
 * facets. Pure (no disk): ingest-folder.ts reads and writes around it.
 */
import type { Doc, Lang, Paragraph } from '../../shared/model';
import { docText } from '../../shared/model';
import { detectLang, normalizeForCompare, sha256, shortTitle } from '../text';
import { eventDateOf, yearIn } from './dates';
import { articleId, briefId } from './ids';
import { pageParagraphs } from './page-text';
import { segmentPage } from './segment';
import { extractFacets } from './facets';
import type { SourceFile } from './read-folder';

export interface BuiltDocs {
  docs: Doc[];
  articles: number;
  briefs: number;
  /** Files that produced no article (e.g. only furniture). */
  empty: string[];
}

/** Teasers sit at the top of a page: only that far is compared across pages. */
const COMPARE_LEADING = 40;

export function buildDocs(files: SourceFile[]): BuiltDocs {
  const pages = files.map((f) => ({ file: f, paras: pageParagraphs(f.text) }));

  // Which paragraphs recur on other pages (sidebar teasers do; article text does not).
  const seenOn = new Map<string, Set<number>>();
  pages.forEach((p, i) => {
    for (const para of p.paras.slice(0, COMPARE_LEADING)) {
      const k = normalizeForCompare(para.text);
      if (!seenOn.has(k)) seenOn.set(k, new Set());
      seenOn.get(k)!.add(i);
    }
  });
  const repeated = (text: string) => (seenOn.get(normalizeForCompare(text))?.size ?? 0) >= 2;

  const articles: Doc[] = [];
  const briefs = new Map<string, { paragraphs: string[]; source: string; appearsIn: string[] }>();
  const empty: string[] = [];
  for (const { file, paras } of pages) {
    const seg = segmentPage(paras, repeated);
    if (!seg.title || seg.body.length === 0) {
      empty.push(file.name);
      continue;
    }
    const id = articleId(file.name, seg.title);
    const paragraphs = toParagraphs(seg.body);
    const refYear = yearIn(seg.title) ?? (seg.published ? Number(seg.published.slice(0, 4)) : null);
    const eventDate = eventDateOf([seg.title, ...seg.body.slice(0, 2)], refYear);
    const briefIds: string[] = [];
    for (const t of seg.teasers) {
      const key = normalizeForCompare(t.join('\n'));
      const bid = briefId(t.join('\n'));
      if (!briefs.has(key)) briefs.set(key, { paragraphs: t, source: file.name, appearsIn: [] });
      const b = briefs.get(key)!;
      if (!b.appearsIn.includes(id)) b.appearsIn.push(id);
      if (!briefIds.includes(bid)) briefIds.push(bid);
    }
    articles.push(makeDoc({ id, kind: 'article', title: seg.title, published: seg.published, eventDate, source: file.name, paragraphs, briefs: briefIds }));
  }

  const briefDocs = [...briefs.values()].map((b) => {
    const text = b.paragraphs.join('\n');
    const eventDate = eventDateOf(b.paragraphs, null);
    return makeDoc({ id: briefId(text), kind: 'brief', title: shortTitle(b.paragraphs[0]), published: null, eventDate, source: b.source, paragraphs: toParagraphs(b.paragraphs), appearsIn: b.appearsIn });
  });

  const docs = [...articles, ...briefDocs];
  const facets = extractFacets(docs.map((d) => [d.title, ...d.paragraphs.map((p) => p.text)]));
  docs.forEach((d, i) => (d.facets = facets[i]));
  return { docs, articles: articles.length, briefs: briefDocs.length, empty };
}

function toParagraphs(texts: string[]): Paragraph[] {
  return texts.map((text) => ({ text, lang: detectLang(text) }));
}

function makeDoc(d: Omit<Doc, 'languages' | 'year' | 'facets' | 'textHash'>): Doc {
  const languages: Lang[] = (['en', 'ru'] as const).filter((l) => d.paragraphs.some((p) => p.lang === l));
  const date = d.published ?? d.eventDate;
  return {
    ...d,
    languages,
    year: date ? Number(date.slice(0, 4)) : null,
    facets: { people: [], places: [], organizations: [] },
    textHash: sha256(docText(d)),
  };
}
