/**
 * Pages -> documents: each file read by its format (formats/*.ts), one
 * article per page, every distinct sidebar teaser of a scraped page once as a
 * brief linked to the pages it appeared on, duplicates merged, dates only
 * from explicit signals, paragraph languages and facets. Pure (no disk):
 * ingest-folder.ts reads and writes around it.
 */
import type { Doc, Lang, Paragraph } from '../../shared/model';
import { docText } from '../../shared/model';
import { detectLang, normalizeForCompare, sha256, shortTitle } from '../text';
import { dateFromPath, eventDateOf, yearIn } from './dates';
import { findDuplicates, type DuplicateGroup } from './duplicates';
import { articleId, briefId } from './ids';
import { segmentArticle, segmentPage, type PageSegments } from './segment';
import { extractFacets } from './facets';
import { parseTxt } from './formats/txt';
import { parseMd } from './formats/md';
import { parseHtml } from './formats/html';
import type { ParsedPage } from './parsed-page';
import type { FileWarning, SourceFile } from './walk-folder';

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
}

/** Teasers sit at the top of a page: only that far is compared across pages. */
const COMPARE_LEADING = 40;

/** One file read by its format; the page keeps the file's name and section, not its raw text. */
export function parsePage(file: SourceFile): ParsedPage {
  const page = file.format === 'html' ? parseHtml(file) : file.format === 'md' ? parseMd(file) : parseTxt(file);
  return { ...page, file: { ...file, text: '' } };
}

export function buildDocs(files: SourceFile[]): BuiltDocs {
  return buildDocsFromPages(files.map(parsePage));
}

/** Pages already parsed (walk-folder.ts parses each as it is read) -> documents. */
export function buildDocsFromPages(pages: ParsedPage[]): BuiltDocs {
  const warnings: FileWarning[] = pages.filter((p) => p.warning).map((p) => ({ file: p.file.name, warning: p.warning! }));

  // Which paragraphs recur on other scraped pages (sidebar teasers do; article text does not).
  const seenOn = new Map<string, Set<number>>();
  pages.forEach((p, i) => {
    if (p.shape !== 'scraped') return;
    for (const para of p.paras.slice(0, COMPARE_LEADING)) {
      const k = normalizeForCompare(para.text);
      if (!seenOn.has(k)) seenOn.set(k, new Set());
      seenOn.get(k)!.add(i);
    }
  });
  const repeated = (text: string) => (seenOn.get(normalizeForCompare(text))?.size ?? 0) >= 2;

  const empty: string[] = [];
  const segmented: { page: ParsedPage; seg: PageSegments }[] = [];
  for (const page of pages) {
    const seg = page.shape === 'scraped' ? segmentPage(page.paras, repeated) : segmentArticle(page.paras, page.meta.title);
    if (!seg.title || seg.body.length === 0) empty.push(page.file.name);
    else segmented.push({ page, seg });
  }

  const { keptAs, groups } = findDuplicates(segmented.map(({ page, seg }) => ({ source: page.file.name, title: seg.title, body: seg.body })));
  const ids = segmented.map(({ page, seg }) => articleId(page.file.name, seg.title));

  const articles: Doc[] = [];
  const briefs = new Map<string, { paragraphs: string[]; source: string; appearsIn: string[] }>();
  const briefIdsOf = new Map<number, string[]>();
  segmented.forEach(({ page, seg }, i) => {
    const into = keptAs[i];
    const id = ids[into];
    const briefIds = briefIdsOf.get(into) ?? [];
    briefIdsOf.set(into, briefIds);
    for (const t of seg.teasers) {
      const key = normalizeForCompare(t.join('\n'));
      const bid = briefId(t.join('\n'));
      if (!briefs.has(key)) briefs.set(key, { paragraphs: t, source: page.file.name, appearsIn: [] });
      const b = briefs.get(key)!;
      if (!b.appearsIn.includes(id)) b.appearsIn.push(id);
      if (!briefIds.includes(bid)) briefIds.push(bid);
    }
  });
  const groupOf = new Map(groups.map((g) => [g.kept, g]));
  segmented.forEach(({ page, seg }, i) => {
    if (keptAs[i] !== i) return;
    const { file, meta } = page;
    const published = meta.published ?? seg.published ?? dateFromPath(file.name);
    const refYear = yearIn(seg.title) ?? (published ? Number(published.slice(0, 4)) : null);
    const eventDate = eventDateOf(seg.title, seg.body[0] ?? null, refYear);
    const group = groupOf.get(file.name);
    const doc = makeDoc({ id: ids[i], kind: 'article', title: seg.title, published, eventDate, source: file.name, paragraphs: toParagraphs(seg.body), briefs: briefIdsOf.get(i) ?? [] });
    if (file.section) doc.section = file.section;
    if (group) doc.sources = [file.name, ...group.merged];
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
  const facets = extractFacets(docs.map((d) => [d.title, ...d.paragraphs.map((p) => p.text)]));
  docs.forEach((d, i) => (d.facets = facets[i]));
  return { docs, articles: articles.length, briefs: briefDocs.length, empty, duplicates: groups, warnings };
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
