/**
 * Pages -> documents: each file read by its format (formats/*.ts), one
 * article per page, every distinct sidebar teaser of a scraped page once as a
 * brief linked to the pages it appeared on, duplicates merged, dates only
 * from explicit signals, paragraph languages and facets. Pure (no disk):
 * ingest-folder.ts reads and writes around it.
 */
import type { Doc } from '../../shared/model';
import { normalizeForCompare, shortTitle } from '../text';
import { dateFromPath, eventDateOf, yearIn } from './dates';
import { findDuplicates, type DuplicateGroup } from './duplicates';
import { articleId, briefId } from './ids';
import { segmentPage, type PageSegments } from './segment';
import { facetMentions, resolveFacets } from './facets';
import { makeDoc, prepareParsed, preparePage, toParagraphs, type PreparedArticle, type PreparedPage } from './prepare-page';
import type { ParsedPage } from './parsed-page';
import type { FileWarning, SourceFile } from './walk-folder';
import { bodyTexts, type WrittenBody } from '../store/layout';

export { parsePage, preparePage, type PreparedPage } from './prepare-page';

export interface BuiltDocs {
  docs: Doc[];
  articles: number;
  briefs: number;
  /** Files that produced no article (e.g. only furniture). */
  empty: string[];
  /** Sources merged into another article with the same text. */
  duplicates: DuplicateGroup[];
  /** Pages read with something a person should know. */
  warnings: FileWarning[];
  /** Per document (same order), its title and body already analyzed for the index, when a worker did it. */
  analyzed: (PreparedArticle['terms'] | undefined)[];
  /** Per document (same order), its body already encoded and its summary line, when packed (its paragraphs are then empty). */
  written: (WrittenBody | undefined)[];
}

/** Teasers sit at the top of a page: only that far is compared across pages. */
const COMPARE_LEADING = 40;

export function buildDocs(files: SourceFile[]): BuiltDocs {
  return buildDocsFromPages(files.map(preparePage));
}

/** One page with its segments: a scraped page segmented here, or an article prepared per file. */
type Segmented = { source: string; title: string; body: string[] | (() => string[]); teasers: string[][]; key?: string } & (
  | { scraped: { page: ParsedPage; seg: PageSegments } }
  | { article: PreparedArticle & { doc: Doc } }
);

/**
 * Pages prepared per file (prepare-page.ts, in worker threads when the
 * ingester uses them) -> documents: what needs the whole folder is done here
 * (teasers found by repetition across scraped pages, duplicates, briefs,
 * facet variants merged).
 */
export function buildDocsFromPages(input: (PreparedPage | ParsedPage)[]): BuiltDocs {
  const pages = input.map((p) => ('kind' in p ? p : prepareParsed(p)));
  const warnings: FileWarning[] = pages.filter((p) => p.warning).map((p) => ({ file: p.source, warning: p.warning! }));

  // Which paragraphs recur on other scraped pages (sidebar teasers do; article text does not).
  const seenOn = new Map<string, Set<number>>();
  pages.forEach((p, i) => {
    if (p.kind !== 'scraped') return;
    for (const para of p.page.paras.slice(0, COMPARE_LEADING)) {
      const k = normalizeForCompare(para.text);
      if (!seenOn.has(k)) seenOn.set(k, new Set());
      seenOn.get(k)!.add(i);
    }
  });
  const repeated = (text: string) => (seenOn.get(normalizeForCompare(text))?.size ?? 0) >= 2;

  const empty: string[] = [];
  const segmented: Segmented[] = [];
  for (const p of pages) {
    if (p.kind === 'article') {
      if (!p.doc) empty.push(p.source);
      else {
        const { written } = p;
        const body = written ? () => bodyTexts(written.body) : p.doc.paragraphs.map((x) => x.text);
        segmented.push({ source: p.source, title: p.doc.title, body, teasers: [], key: p.key, article: p as PreparedArticle & { doc: Doc } });
      }
      continue;
    }
    const seg = segmentPage(p.page.paras, repeated);
    if (!seg.title || seg.body.length === 0) empty.push(p.source);
    else segmented.push({ source: p.source, title: seg.title, body: seg.body, teasers: seg.teasers, scraped: { page: p.page, seg } });
  }

  const { keptAs, groups } = findDuplicates(segmented.map(({ source, title, body, key }) => ({ source, title, body, key })));
  const ids = segmented.map((s) => ('article' in s ? s.article.doc.id : articleId(s.source, s.title)));

  const articles: Doc[] = [];
  const briefs = new Map<string, { paragraphs: string[]; source: string; appearsIn: string[] }>();
  const briefIdsOf = new Map<number, string[]>();
  segmented.forEach((s, i) => {
    const into = keptAs[i];
    const id = ids[into];
    const briefIds = briefIdsOf.get(into) ?? [];
    briefIdsOf.set(into, briefIds);
    for (const t of s.teasers) {
      const key = normalizeForCompare(t.join('\n'));
      const bid = briefId(t.join('\n'));
      if (!briefs.has(key)) briefs.set(key, { paragraphs: t, source: s.source, appearsIn: [] });
      const b = briefs.get(key)!;
      if (!b.appearsIn.includes(id)) b.appearsIn.push(id);
      if (!briefIds.includes(bid)) briefIds.push(bid);
    }
  });
  const groupOf = new Map(groups.map((g) => [g.kept, g]));
  const mentions = new Map<Doc, ReturnType<typeof facetMentions>>();
  const analyzed = new Map<Doc, PreparedArticle['terms']>();
  const written = new Map<Doc, WrittenBody>();
  segmented.forEach((s, i) => {
    if (keptAs[i] !== i) return;
    let doc: Doc;
    let section: string;
    let meta: ParsedPage['meta'];
    if ('article' in s) {
      ({ doc, section, meta } = s.article);
      doc.briefs = briefIdsOf.get(i) ?? [];
      if (s.article.mentions) mentions.set(doc, s.article.mentions);
      if (s.article.terms) analyzed.set(doc, s.article.terms);
      if (s.article.written) written.set(doc, s.article.written);
    } else {
      const { page, seg } = s.scraped;
      ({ section } = page.file);
      ({ meta } = page);
      const published = meta.published ?? seg.published ?? dateFromPath(s.source);
      const refYear = yearIn(seg.title) ?? (published ? Number(published.slice(0, 4)) : null);
      const eventDate = eventDateOf(seg.title, seg.body[0] ?? null, refYear);
      doc = makeDoc({ id: ids[i], kind: 'article', title: seg.title, published, eventDate, source: s.source, paragraphs: toParagraphs(seg.body), briefs: briefIdsOf.get(i) ?? [] });
    }
    const group = groupOf.get(s.source);
    if (section) doc.section = section;
    if (group) doc.sources = [s.source, ...group.merged];
    if (meta.url) doc.url = meta.url;
    if (meta.author) doc.author = meta.author;
    if (meta.tags?.length) doc.tags = meta.tags;
    articles.push(doc);
  });

  const briefDocs = [...briefs.values()].map((b) => {
    const text = b.paragraphs.join('\n');
    const eventDate = eventDateOf(null, b.paragraphs[0], null);
    return makeDoc({ id: briefId(text), kind: 'brief', title: shortTitle(b.paragraphs[0]), published: null, eventDate, source: b.source, paragraphs: toParagraphs(b.paragraphs), appearsIn: b.appearsIn });
  });

  const docs = [...articles, ...briefDocs];
  const facets = resolveFacets(docs.map((d) => mentions.get(d) ?? facetMentions([d.title, ...d.paragraphs.map((p) => p.text)])));
  docs.forEach((d, i) => (d.facets = facets[i]));
  return { docs, articles: articles.length, briefs: briefDocs.length, empty, duplicates: groups, warnings, analyzed: docs.map((d) => analyzed.get(d)), written: docs.map((d) => written.get(d)) };
}
